import { useState } from 'preact/hooks';
import { t } from '../../../lib/i18n';
import { exportFileName, exportSavedFilter, importSavedFilter, savedFilterLink } from '../../../lib/features/share-views/share';
import type { SavedFilter } from '../../../lib/view-model/saved-filters';
import { downloadText } from '../download';

interface Props {
  filters: readonly SavedFilter[];
  /** The panel page's address, for links (the side panel's own URL). */
  pageUrl: string;
  /** Text that arrived with the page (a shared link's fragment), offered for import. */
  incoming?: string | null;
  onImport: (saved: SavedFilter) => Promise<void>;
}

/** Share saved filters as a file or a link, and import ones a colleague shared (validated before they are saved). */
export function ShareViews({ filters, pageUrl, incoming, onImport }: Props) {
  const [chosen, setChosen] = useState('');
  const [text, setText] = useState(incoming ?? '');
  const [message, setMessage] = useState<string | null>(null);
  const [link, setLink] = useState<string | null>(null);
  const picked = filters.find((f) => f.name === chosen) ?? filters[0];

  const copyLink = async () => {
    if (!picked) return;
    const url = savedFilterLink(pageUrl, picked);
    setLink(url);
    await navigator.clipboard?.writeText(url).then(
      () => setMessage(t('share_copied')),
      () => setMessage(t('share_copyManually')),
    );
  };
  const doImport = async (input: string) => {
    const result = importSavedFilter(input);
    if (!result.ok) return setMessage(t(result.error));
    await onImport(result.saved);
    setText('');
    setMessage(t('share_imported', result.saved.name));
  };
  const fromFile = async (event: Event) => {
    const file = (event.currentTarget as HTMLInputElement).files?.[0];
    if (file) await doImport(file.size > 20_000 ? '' : await file.text());
  };

  return (
    <section class="fw-share" aria-labelledby="fw-share-title">
      <h3 id="fw-share-title">{t('share_title')}</h3>
      {filters.length > 0 ? (
        <div class="fw-toolbar-row">
          <label class="fw-inline">
            <span>{t('share_view')}</span>
            <select value={picked?.name ?? ''} onChange={(e) => setChosen(e.currentTarget.value)}>
              {filters.map((f) => (
                <option key={f.name} value={f.name}>
                  {f.name}
                </option>
              ))}
            </select>
          </label>
          <button
            type="button"
            class="fw-button"
            onClick={() => picked && downloadText(exportFileName(picked), exportSavedFilter(picked), 'application/json')}
          >
            {t('share_file')}
          </button>
          <button type="button" class="fw-button" onClick={() => void copyLink()}>
            {t('share_link')}
          </button>
        </div>
      ) : (
        <p class="fw-empty">{t('share_noViews')}</p>
      )}
      {link && (
        <input
          type="text"
          readOnly
          class="fw-search"
          aria-label={t('share_linkLabel')}
          value={link}
          onFocus={(e) => e.currentTarget.select()}
        />
      )}
      <form
        class="fw-toolbar-row"
        onSubmit={(e) => {
          e.preventDefault();
          void doImport(text);
        }}
      >
        <label class="fw-inline">
          <span>{t('share_paste')}</span>
          <input type="text" value={text} onInput={(e) => setText(e.currentTarget.value)} />
        </label>
        <button type="submit" class="fw-button" disabled={!text.trim()}>
          {t('share_import')}
        </button>
        <label class="fw-inline">
          <span>{t('share_fromFile')}</span>
          <input type="file" accept="application/json,.json" onChange={(e) => void fromFile(e)} />
        </label>
      </form>
      {message && (
        <p role="status" class="fw-note">
          {message}
        </p>
      )}
    </section>
  );
}
