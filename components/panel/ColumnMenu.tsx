import { t } from '../../lib/i18n';
import type { ViewState } from '../../lib/view-model/view-state';
import { COLUMN_IDS } from '../../lib/view-model/list-spec';

/** Which columns the grid shows; the customer column always stays (it names the row). */
export function ColumnMenu({ view }: { view: ViewState }) {
  const shown = view.spec.value.columns;
  return (
    <details class="fw-menu">
      <summary class="fw-button">{t('panel_columns')}</summary>
      <fieldset class="fw-menu-body fw-fieldset">
        <legend>{t('panel_columns_legend')}</legend>
        {COLUMN_IDS.map((column) => (
          <label class="fw-check" key={column}>
            <input
              type="checkbox"
              checked={shown.includes(column)}
              disabled={column === 'customer'}
              onChange={() => view.toggleColumn(column)}
            />
            {t(`panel_column_${column}`)}
          </label>
        ))}
      </fieldset>
    </details>
  );
}
