import type { ReadonlySignal } from '@preact/signals';
import type { RefObject } from 'preact';
import { t } from '../../lib/i18n';
import type { PanelController } from '../../lib/view-model/panel-controller';
import { GROUPINGS, QUICK_FILTERS, type Grouping } from '../../lib/view-model/list-spec';
import { ColumnChoices } from './ColumnChoices';
import { FilterMenu } from './FilterMenu';
import { SavedFiltersBar } from './SavedFiltersBar';

interface Props {
  controller: PanelController;
  searchRef: RefObject<HTMLInputElement | null>;
  narrow: boolean;
  /** "Showing 12 of 60", at the end of the chips; a signal, so a live patch updates the text and not the toolbar. */
  count: ReadonlySignal<string>;
}

/**
 * One row: search, filters and a View menu (grouping, columns, saved views); then one row of quick-filter chips
 * with the count. Everything else a supervisor sets once lives in the menu, so the list keeps the screen.
 */
export function ConversationsToolbar({ controller, searchRef, narrow, count }: Props) {
  const { view, picture } = controller;
  const spec = view.spec.value;
  return (
    <div class="fw-toolbar">
      <div class="fw-toolbar-row fw-toolbar-main">
        <input
          ref={searchRef}
          type="search"
          class="fw-search"
          aria-label={t('panel_search_label')}
          placeholder={t('panel_search_placeholder')}
          value={spec.search}
          onInput={(event) => view.setSearch(event.currentTarget.value)}
        />
        <FilterMenu view={view} picture={picture} />
        <details class="fw-menu fw-menu-end">
          <summary class="fw-button">{t('panel_view_menu')}</summary>
          <div class="fw-menu-body">
            <label class="fw-inline">
              <span>{t('panel_groupBy')}</span>
              <select value={spec.groupBy} onChange={(event) => view.setGroupBy(event.currentTarget.value as Grouping)}>
                {GROUPINGS.map((grouping) => (
                  <option key={grouping} value={grouping}>
                    {t(`panel_groupBy_${grouping}`)}
                  </option>
                ))}
              </select>
            </label>
            <ColumnChoices view={view} narrow={narrow} />
            <SavedFiltersBar savedFilters={controller.savedFilters} view={view} />
          </div>
        </details>
      </div>
      <div class="fw-toolbar-row fw-chips" role="group" aria-label={t('panel_quick_label')}>
        {QUICK_FILTERS.map((quick) => (
          <button
            type="button"
            key={quick}
            class="fw-chip"
            aria-pressed={spec.quick.includes(quick)}
            onClick={() => view.toggleQuick(quick)}
          >
            {t(`panel_quick_${quick}`)}
          </button>
        ))}
        <span class="fw-count" aria-hidden="true">
          {count}
        </span>
      </div>
    </div>
  );
}
