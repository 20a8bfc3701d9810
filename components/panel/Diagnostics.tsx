import { locale, t } from '../../lib/i18n';
import { pluralKey } from '../../lib/format/plural';
import type { RowIssue } from '../../lib/model/feed-state';
import { Notice } from './AccessNotice';

/** Rows the worker could not read, and messages this view could not use: said plainly, never silently lost. */
export function Diagnostics({ rowIssues, problem }: { rowIssues: { count: number; recent: readonly RowIssue[] }; problem: string | null }) {
  const first = rowIssues.recent[0];
  return (
    <>
      {rowIssues.count > 0 && (
        <details class="fw-diagnostics">
          <summary>
            <span aria-hidden="true">⚠ </span>
            {t(pluralKey('panel_rowIssues', rowIssues.count, locale.value), rowIssues.count, first ? `${first.field}: ${first.message}` : '')}
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
    </>
  );
}
