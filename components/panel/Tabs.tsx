import type { ReadonlySignal } from '@preact/signals';
import { t } from '../../lib/i18n';
import type { PanelTab } from '../../lib/view-model/view-state';

const TABS: readonly PanelTab[] = ['conversations', 'agents'];

/** APG tabs: one tab stop, arrow keys switch. */
export function Tabs({
  current,
  counts,
  onChange,
}: {
  current: PanelTab;
  /** Read here, not by the panel: the counts change with live patches, the rest of the panel does not. */
  counts: Record<PanelTab, ReadonlySignal<number>>;
  onChange: (tab: PanelTab) => void;
}) {
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key !== 'ArrowLeft' && event.key !== 'ArrowRight') return;
    event.preventDefault();
    const next = TABS[(TABS.indexOf(current) + 1) % TABS.length]!;
    onChange(next);
    (event.currentTarget as HTMLElement).querySelector<HTMLElement>(`#fw-tab-${next}`)?.focus();
  };
  return (
    <div role="tablist" class="fw-tabs" aria-label={t('panel_tabs_label')} onKeyDown={onKeyDown}>
      {TABS.map((tab) => (
        <button
          key={tab}
          type="button"
          role="tab"
          id={`fw-tab-${tab}`}
          aria-selected={tab === current}
          aria-controls={`fw-tabpanel-${tab}`}
          tabIndex={tab === current ? 0 : -1}
          class="fw-tab"
          onClick={() => onChange(tab)}
        >
          {t(`panel_tab_${tab}`, counts[tab].value)}
        </button>
      ))}
    </div>
  );
}
