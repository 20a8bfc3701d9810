import type { RefObject } from 'preact';
import { t } from '../../lib/i18n';
import type { PanelController } from '../../lib/view-model/panel-controller';
import { GROUPINGS, QUICK_FILTERS, type Grouping } from '../../lib/view-model/list-spec';
import { ColumnMenu } from './ColumnMenu';
import { FilterMenu } from './FilterMenu';
import { SavedFiltersBar } from './SavedFiltersBar';

/** Search, quick filters, grouping, filters, columns and saved views above the grid. */
export function ConversationsToolbar({ controller, searchRef }: { controller: PanelController; searchRef: RefObject<HTMLInputElement | null> }) {
  const { view, picture } = controller;
  const spec = view.spec.value;
  return (
    <div class="fw-toolbar">
      <div class="fw-toolbar-row">
        <input
          ref={searchRef}
          type="search"
          class="fw-search"
          aria-label={t('panel_search_label')}
          placeholder={t('panel_search_placeholder')}
          value={spec.search}
          onInput={(event) => view.setSearch(event.currentTarget.value)}
        />
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
      </div>
      <div class="fw-toolbar-row" role="group" aria-label={t('panel_quick_label')}>
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
      </div>
      <div class="fw-toolbar-row">
        <FilterMenu view={view} queues={picture.queues.value} agents={picture.agents.all.value} conversations={picture.conversations.all.value} />
        <ColumnMenu view={view} />
        <SavedFiltersBar savedFilters={controller.savedFilters} view={view} />
      </div>
    </div>
  );
}
