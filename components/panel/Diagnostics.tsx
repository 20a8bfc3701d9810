import { locale, t } from '../../lib/i18n';
import { formatClockTime } from '../../lib/format/clock';
import { pluralKey } from '../../lib/format/plural';
import type { RowIssue } from '../../lib/model/feed-state';
import type { WriteRoute } from '../../lib/model/workspace';
import { Notice } from './AccessNotice';

interface Props {
  rowIssues: { count: number; recent: readonly RowIssue[] };
  problem: string | null;
  writeRoute: WriteRoute;
  now: number;
}

/** Rows the worker could not read, messages this view could not use, and where changes go: said plainly, never silently lost. */
export function Diagnostics({ rowIssues, problem, writeRoute, now }: Props) {
  const first = rowIssues.recent[0];
  return (
    <>
      {rowIssues.count > 0 && (
        <details class="fw-diagnostics">
          <summary>
            <span aria-hidden="true">⚠ </span>
            {t(
              pluralKey('panel_rowIssues', rowIssues.count, locale.value),
              rowIssues.count,
              first ? `${first.field}: ${first.message}` : '',
            )}
          </summary>
          <ul>
            {rowIssues.recent.map((issue, index) => (
              <li key={index}>
                {issue.entity} {issue.id ?? ''} · {issue.field}: {issue.message}
              </li>
            ))}
          </ul>
        </details>
      )}
      {problem && <Notice tone="warning" title={t('panel_problem')} text={problem} />}
      <WriteRouteNote writeRoute={writeRoute} now={now} />
    </>
  );
}

/** Which way the supervisor's changes reach the org, and, once the org refused them from the worker, since when and why. */
function WriteRouteNote({ writeRoute, now }: { writeRoute: WriteRoute; now: number }) {
  const { route, reason, since, detail } = writeRoute;
  return (
    <p class="fw-note fw-write-route" data-route={route}>
      <span class="fw-strong">{t('panel_writeRoute_title')}:</span> {t(`panel_writeRoute_${route}`)}
      {reason === 'workerRefused' && since !== null && <> {t('panel_writeRoute_refused', formatClockTime(since, now, locale.value))}</>}
      {reason === 'workerRefused' && detail && <> {t('actions_platform_says', detail)}</>}
    </p>
  );
}
