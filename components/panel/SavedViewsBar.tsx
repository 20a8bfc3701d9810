import { useSignal } from '@preact/signals';
import { t } from '../../lib/i18n';
import type { SavedViews } from '../../lib/view-model/saved-views';
import type { ViewState } from '../../lib/view-model/view-state';

/** Restore a saved view from the list, save the current one under a name, or delete the one in use. */
export function SavedViewsBar({ savedViews, view }: { savedViews: SavedViews; view: ViewState }) {
  const current = useSignal('');
  const saving = useSignal(false);
  const name = useSignal('');
  const views = savedViews.views.value;

  const restore = (chosen: string) => {
    current.value = chosen;
    const saved = views.find((entry) => entry.name === chosen);
    if (saved) view.restore(saved.spec);
  };
  const save = async (event: Event) => {
    event.preventDefault();
    if (!name.value.trim()) return;
    await savedViews.save(name.value, view.spec.peek());
    current.value = name.value.trim();
    name.value = '';
    saving.value = false;
  };

  return (
    <div class="fw-saved" role="group" aria-label={t('panel_views_label')}>
      <label class="fw-inline">
        <span>{t('panel_views_label')}</span>
        <select value={current.value} onChange={(event) => restore(event.currentTarget.value)}>
          <option value="">{views.length > 0 ? t('panel_views_choose') : t('panel_views_none')}</option>
          {views.map((entry) => (
            <option key={entry.name} value={entry.name}>
              {entry.name}
            </option>
          ))}
        </select>
      </label>
      {current.value && (
        <button type="button" class="fw-button" onClick={() => savedViews.remove(current.value).then(() => (current.value = ''))}>
          {t('panel_views_delete', current.value)}
        </button>
      )}
      {saving.value ? (
        <form class="fw-inline" onSubmit={save}>
          <label class="fw-inline">
            <span>{t('panel_views_name')}</span>
            <input type="text" maxLength={60} required value={name.value} onInput={(event) => (name.value = event.currentTarget.value)} autoFocus />
          </label>
          <button type="submit" class="fw-button fw-primary">{t('panel_views_save')}</button>
          <button type="button" class="fw-button" onClick={() => (saving.value = false)}>{t('panel_cancel')}</button>
        </form>
      ) : (
        <button type="button" class="fw-button" onClick={() => (saving.value = true)}>
          {t('panel_views_saveAs')}
        </button>
      )}
      {savedViews.skipped.value > 0 && <p class="fw-note">{t('panel_views_skipped', savedViews.skipped.value)}</p>}
    </div>
  );
}
