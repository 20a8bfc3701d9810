import { useState } from 'preact/hooks';
import { locale, t } from '../../lib/i18n';
import { formatClockTime } from '../../lib/format/clock';
import { actionName, matchesQuery, namesFrom, recordWords } from '../../lib/actions/words';
import type { ActionRecord } from '../../lib/model/actions';
import type { Agent, Queue } from '../../lib/model/agent';
import { ActionStatus } from './ActionStatus';
import './actions.css';

interface Props {
  records: readonly ActionRecord[];
  /** To name the agents and queues actions went to. */
  agents?: readonly Agent[];
  queues?: readonly Queue[];
  now?: number;
}

/** The session's actions, newest first, searchable by what, which conversation, to whom and result. */
export function ActionLog({ records, agents = [], queues = [], now = Date.now() }: Props) {
  const [query, setQuery] = useState('');
  const names = namesFrom(agents, queues);
  const clock = (at: number) => formatClockTime(at, now, locale.value);
  const rows = [...records]
    .sort((a, b) => b.startedAt - a.startedAt)
    .filter((r) => matchesQuery(r, recordWords(r, names, clock), names, query));
  return (
    <section class="fw-action-log" aria-labelledby="fw-action-log-title">
      <h3 id="fw-action-log-title">{t('actions_log_title')}</h3>
      <input
        type="search"
        class="fw-search"
        aria-label={t('actions_log_search')}
        placeholder={t('actions_log_search')}
        value={query}
        onInput={(e) => setQuery(e.currentTarget.value)}
      />
      {rows.length === 0 ? (
        <p class="fw-empty">{records.length === 0 ? t('actions_log_empty') : t('actions_log_noMatch')}</p>
      ) : (
        <table class="fw-log-table">
          <thead>
            <tr>
              <th scope="col">{t('actions_log_when')}</th>
              <th scope="col">{t('actions_log_what')}</th>
              <th scope="col">{t('actions_log_conversation')}</th>
              <th scope="col">{t('actions_log_result')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((record) => (
              <tr key={record.id} data-state={record.state}>
                <td>
                  <time dateTime={new Date(record.startedAt).toISOString()}>{clock(record.startedAt)}</time>
                </td>
                <td>{actionName(record.intent.kind)}</td>
                <td>{record.label}</td>
                <td>
                  <ActionStatus record={record} names={names} now={now} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
