import { t } from '../../../lib/i18n';
import { definitionOf } from '../../../lib/actions/registry';
import { BULK_KINDS, type BulkKind } from '../../../lib/features/bulk-actions/preview';

interface Props {
  selected: number;
  /** Rows the current filters show: what "select all matching" takes. */
  matching: number;
  onSelectAll: () => void;
  onClear: () => void;
  onAction: (kind: BulkKind) => void;
}

/** The bulk actions above the grid: how many rows are picked, pick all the filter shows, and what to do to them. */
export function BulkBar({ selected, matching, onSelectAll, onClear, onAction }: Props) {
  return (
    <div class="fw-toolbar-row fw-bulk-bar" role="group" aria-label={t('bulk_label')}>
      <span class={selected > 0 ? 'fw-strong' : 'fw-bulk-hint'} aria-live="polite">
        {selected > 0 ? t('bulk_selected', selected) : t('bulk_hint')}
      </span>
      <button type="button" class="fw-button" onClick={onSelectAll} disabled={matching === 0}>
        {t('bulk_selectAll', matching)}
      </button>
      {selected > 0 && (
        <>
          <button type="button" class="fw-button" onClick={onClear}>
            {t('bulk_clear')}
          </button>
          {BULK_KINDS.map((kind) => {
            const definition = definitionOf(kind);
            return (
              <button
                key={kind}
                type="button"
                class={`fw-button${definition.tone === 'danger' ? ' fw-danger' : ''}`}
                data-bulk={kind}
                onClick={() => onAction(kind)}
              >
                {t(definition.bulk?.labels.button ?? definition.labels.name)}
              </button>
            );
          })}
        </>
      )}
    </div>
  );
}
