import { t } from '../../lib/i18n';
import type { ViewState } from '../../lib/view-model/view-state';
import { COLUMN_IDS } from '../../lib/view-model/list-spec';

/**
 * Which columns the wide grid shows; the customer column always stays (it names the row). A narrow panel shows its
 * fixed two-line rows, and says so instead.
 */
export function ColumnChoices({ view, narrow }: { view: ViewState; narrow: boolean }) {
  const shown = view.spec.value.columns;
  return (
    <fieldset class="fw-fieldset">
      <legend>{t('panel_columns_legend')}</legend>
      {narrow && <p class="fw-note">{t('panel_columns_narrow')}</p>}
      {COLUMN_IDS.map((column) => (
        <label class="fw-check" key={column}>
          <input
            type="checkbox"
            checked={shown.includes(column)}
            disabled={narrow || column === 'customer'}
            onChange={() => view.toggleColumn(column)}
          />
          {t(`panel_column_${column}`)}
        </label>
      ))}
    </fieldset>
  );
}
