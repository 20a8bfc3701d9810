import { t, tFromData } from '../../lib/i18n';
import type { DiagnosticsReport } from '../../lib/discovery/report';
import { checkLabel, checkMark } from '../../lib/discovery/report-text';

export interface OrgCheckProps {
  report: DiagnosticsReport | null;
  running: boolean;
  /** Why the last check could not run, in words; null when it ran or has not been asked for. */
  error: string | null;
  copied: boolean;
  onRun: () => void;
  onCopy: () => void;
}

/**
 * "Check this organization": each capability with ✓ / ✗ / ?, what was found and the requests that show it, and a plain-text
 * report to copy into a ticket. Everything shown is platform names, ids and counts.
 */
export function OrgCheck({ report, running, error, copied, onRun, onCopy }: OrgCheckProps) {
  return (
    <section id="diagnostics" aria-labelledby="fw-diag-title" class="fw-org-check">
      <h2 id="fw-diag-title">{t('diag_title')}</h2>
      <p>{t('diag_intro')}</p>
      <p>
        <button type="button" onClick={onRun} disabled={running}>
          {running ? t('diag_running') : t('diag_run')}
        </button>{' '}
        <button type="button" onClick={onCopy} disabled={report === null}>
          {t('diag_copy')}
        </button>
      </p>
      <p role="status">{copied ? t('diag_copied') : running ? t('diag_running') : ''}</p>
      {error && <p role="alert">{t('diag_failed', error)}</p>}
      {report && (
        <>
          <p>{t('diag_org', report.org, report.version ?? '?', new Date(report.at).toLocaleString())}</p>
          <ul class="fw-checks" aria-label={t('diag_title')}>
            {report.checks.map((check) => (
              <li key={check.id} data-result={check.result}>
                <span aria-hidden="true">{checkMark(check)} </span>
                <strong>{checkLabel(check)}</strong>
                <span class="fw-visually-hidden"> ({t(`diag_result_${check.result}`)})</span>:{' '}
                {tFromData(check.found.key, ...check.found.subs)}
                {check.evidence.length > 0 && (
                  <details>
                    <summary>{t('diag_evidence')}</summary>
                    <ul>
                      {check.evidence.map((e, index) => (
                        <li key={index}>
                          <code>{e.request}</code> → {e.status ?? '–'}
                          {e.note ? ` ${e.note}` : ''}
                        </li>
                      ))}
                    </ul>
                  </details>
                )}
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
