import { useSignal } from '@preact/signals';
import { t } from '../../lib/i18n';
import type { SavedFilters } from '../../lib/view-model/saved-filters';
import type { ViewState } from '../../lib/view-model/view-state';

/** Restore saved filters from the list, save the current list spec under a name, or delete the one in use. */
export function SavedFiltersBar({ savedFilters, view }: { savedFilters: SavedFilters; view: ViewState }) {
  const current = useSignal('');
  const saving = useSignal(false);
  const name = useSignal('');
  const filters = savedFilters.filters.value;

  const restore = (chosen: string) => {
    current.value = chosen;
    const saved = filters.find((entry) => entry.name === chosen);
    if (saved) view.restore(saved.spec);
  };
  const save = async (event: Event) => {
    event.preventDefault();
    if (!name.value.trim()) return;
    await savedFilters.save(name.value, view.spec.peek());
    current.value = name.value.trim();
    name.value = '';
    saving.value = false;
  };

  return (
    <div class="fw-saved" role="group" aria-label={t('panel_savedFilters_label')}>
      <label class="fw-inline">
        <span>{t('panel_savedFilters_label')}</span>
        <select value={current.value} onChange={(event) => restore(event.currentTarget.value)}>
          <option value="">{filters.length > 0 ? t('panel_savedFilters_choose') : t('panel_savedFilters_none')}</option>
          {filters.map((entry) => (
            <option key={entry.name} value={entry.name}>
              {entry.name}
            </option>
          ))}
        </select>
      </label>
      {current.value && (
        <button type="button" class="fw-button" onClick={() => void savedFilters.remove(current.value).then(() => (current.value = ''))}>
          {t('panel_savedFilters_delete', current.value)}
        </button>
      )}
      {saving.value ? (
        <form class="fw-inline" onSubmit={(event) => void save(event)}>
          <label class="fw-inline">
            <span>{t('panel_savedFilters_name')}</span>
            <input
              type="text"
              maxLength={60}
              required
              value={name.value}
              onInput={(event) => (name.value = event.currentTarget.value)}
              autoFocus
            />
          </label>
          <button type="submit" class="fw-button fw-primary">
            {t('panel_savedFilters_save')}
          </button>
          <button type="button" class="fw-button" onClick={() => (saving.value = false)}>
            {t('panel_cancel')}
          </button>
        </form>
      ) : (
        <button type="button" class="fw-button" onClick={() => (saving.value = true)}>
          {t('panel_savedFilters_saveAs')}
        </button>
      )}
      {savedFilters.skipped.value > 0 && <p class="fw-note">{t('panel_savedFilters_skipped', savedFilters.skipped.value)}</p>}
    </div>
  );
}
