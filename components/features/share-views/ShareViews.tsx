import { useState } from 'preact/hooks';
import { t } from '../../../lib/i18n';
import { exportFileName, exportView, importView, viewLink } from '../../../lib/features/share-views/share';
import type { SavedView } from '../../../lib/view-model/saved-views';
import { downloadText } from '../download';

interface Props {
  views: readonly SavedView[];
  /** The panel page's address, for links (the side panel's own URL). */
  pageUrl: string;
  /** Text that arrived with the page (a shared link's fragment), offered for import. */
  incoming?: string | null;
  onImport(view: SavedView): Promise<void>;
}

/** Share a saved view as a file or a link, and import one a colleague shared (validated before it is saved). */
export function ShareViews({ views, pageUrl, incoming, onImport }: Props) {
  const [chosen, setChosen] = useState('');
  const [text, setText] = useState(incoming ?? '');
  const [message, setMessage] = useState<string | null>(null);
  const [link, setLink] = useState<string | null>(null);
  const view = views.find((v) => v.name === chosen) ?? views[0];

  const copyLink = async () => {
    if (!view) return;
    const url = viewLink(pageUrl, view);
    setLink(url);
    await navigator.clipboard?.writeText(url).then(() => setMessage(t('share_copied')), () => setMessage(t('share_copyManually')));
  };
  const doImport = async (input: string) => {
    const result = importView(input);
    if (!result.ok) return setMessage(t(result.error));
    await onImport(result.view);
    setText('');
    setMessage(t('share_imported', result.view.name));
  };
  const fromFile = async (event: Event) => {
    const file = (event.currentTarget as HTMLInputElement).files?.[0];
    if (file) await doImport(file.size > 20_000 ? '' : await file.text());
  };

  return (
    <section class="fw-share" aria-labelledby="fw-share-title">
      <h3 id="fw-share-title">{t('share_title')}</h3>
      {views.length > 0 ? (
        <div class="fw-toolbar-row">
          <label class="fw-inline">
            <span>{t('share_view')}</span>
            <select value={view?.name ?? ''} onChange={(e) => setChosen(e.currentTarget.value)}>
              {views.map((v) => <option key={v.name} value={v.name}>{v.name}</option>)}
            </select>
          </label>
          <button type="button" class="fw-button" onClick={() => view && downloadText(exportFileName(view), exportView(view), 'application/json')}>
            {t('share_file')}
          </button>
          <button type="button" class="fw-button" onClick={() => void copyLink()}>{t('share_link')}</button>
        </div>
      ) : (
        <p class="fw-empty">{t('share_noViews')}</p>
      )}
      {link && <input type="text" readOnly class="fw-search" aria-label={t('share_linkLabel')} value={link} onFocus={(e) => e.currentTarget.select()} />}
      <form class="fw-toolbar-row" onSubmit={(e) => { e.preventDefault(); void doImport(text); }}>
        <label class="fw-inline">
          <span>{t('share_paste')}</span>
          <input type="text" value={text} onInput={(e) => setText(e.currentTarget.value)} />
        </label>
        <button type="submit" class="fw-button" disabled={!text.trim()}>{t('share_import')}</button>
        <label class="fw-inline">
          <span>{t('share_fromFile')}</span>
          <input type="file" accept="application/json,.json" onChange={(e) => void fromFile(e)} />
        </label>
      </form>
      {message && <p role="status" class="fw-note">{message}</p>}
    </section>
  );
}
