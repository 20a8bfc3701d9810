import { useState } from 'preact/hooks';
import { locale, t } from '../../../lib/i18n';
import { formatClockTime } from '../../../lib/format/clock';
import { toCsv, type CsvColumn } from '../../../lib/format/csv';
import type { NoteEntry } from '../../../lib/model/note';
import { downloadText } from '../download';

interface Props {
  notes: readonly NoteEntry[];
  /** Names for conversations the feed knows (closed ones show their id). */
  labelOf: (conversationId: string) => string;
  now: number;
  /** Show one conversation's notes only (in its details). */
  conversationId?: string;
}

/**
 * The shared action log: the notes on conversations, written by Floorwalker for actions with a reason (or by anyone
 * in Dynamics), so every supervisor sees who did what and why. Exportable as CSV. Note text is rendered as text.
 */
export function SharedLog({ notes, labelOf, now, conversationId }: Props) {
  const [query, setQuery] = useState('');
  const scoped = conversationId ? notes.filter((n) => n.conversationId === conversationId) : notes;
  const terms = query.toLowerCase().split(/\s+/).filter(Boolean);
  const rows = scoped.filter((n) => {
    const haystack = [n.author ?? '', labelOf(n.conversationId), n.subject, n.text].join(' ').toLowerCase();
    return terms.every((term) => haystack.includes(term));
  });
  const columns: CsvColumn<NoteEntry>[] = [
    { header: t('log_when'), value: (n) => new Date(n.createdAt).toISOString() },
    { header: t('log_who'), value: (n) => n.author ?? '' },
    { header: t('log_conversation'), value: (n) => labelOf(n.conversationId) },
    { header: t('log_conversationId'), value: (n) => n.conversationId },
    { header: t('log_what'), value: (n) => n.subject },
    { header: t('log_why'), value: (n) => n.text },
  ];
  const exportCsv = () =>
    downloadText(
      `floorwalker-log-${new Date(now).toISOString().slice(0, 16).replace(/[:T]/g, '-')}.csv`,
      toCsv(rows, columns),
      'text/csv;charset=utf-8',
    );
  const titleId = conversationId ? `fw-shared-log-${conversationId}` : 'fw-shared-log';
  return (
    <section class="fw-shared-log" aria-labelledby={titleId}>
      <h3 id={titleId}>{t(conversationId ? 'log_titleOne' : 'log_title')}</h3>
      <div class="fw-toolbar-row">
        {!conversationId && (
          <input
            type="search"
            class="fw-search"
            aria-label={t('log_search')}
            placeholder={t('log_search')}
            value={query}
            onInput={(e) => setQuery(e.currentTarget.value)}
          />
        )}
        <button type="button" class="fw-button" onClick={exportCsv} disabled={rows.length === 0}>
          {t('log_export', rows.length)}
        </button>
      </div>
      {rows.length === 0 ? (
        <p class="fw-empty">{scoped.length === 0 ? t('log_empty') : t('log_noMatch')}</p>
      ) : (
        <table class="fw-log-table">
          <thead>
            <tr>
              <th scope="col">{t('log_when')}</th>
              <th scope="col">{t('log_who')}</th>
              {!conversationId && <th scope="col">{t('log_conversation')}</th>}
              <th scope="col">{t('log_what')}</th>
              <th scope="col">{t('log_why')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((n) => (
              <tr key={n.id}>
                <td>
                  <time dateTime={new Date(n.createdAt).toISOString()}>{formatClockTime(n.createdAt, now, locale.value)}</time>
                </td>
                <td>{n.author ?? t('log_unknownAuthor')}</td>
                {!conversationId && <td>{labelOf(n.conversationId)}</td>}
                <td>{n.subject}</td>
                <td class="fw-note-text">{n.text}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
