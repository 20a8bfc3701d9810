import { t, tFromData } from '../i18n';
import type { Check, DiagnosticsReport } from './report';

const MARK = { pass: '✓', fail: '✗', unknown: '?' } as const;

/** A check's name in words: "Action CCaaS_AssignConversation", "Administrator setting: Supervisor assign". */
export function checkLabel(check: Pick<Check, 'id'>): string {
  const [kind, name] = check.id.split(':', 2);
  if (kind === 'action') return t('diag_check_action', name ?? '');
  // The setting as the admin center names it, not the feature's key.
  if (kind === 'switch') return t('diag_check_switch', tFromData(`diag_switch_name_${name ?? ''}`));
  return tFromData(`diag_check_${kind}`);
}

export const checkMark = (check: Pick<Check, 'result'>): string => MARK[check.result];

/**
 * The report as plain text, for an admin to attach to a ticket: the org's address and version, each check with its
 * result, what was found and the requests that show it (paths, statuses, the platform's messages). Nothing a
 * customer wrote is ever in a report: the probes read descriptions, counts and ids only.
 */
export function reportText(report: DiagnosticsReport): string {
  const lines = [
    `Floorwalker — ${t('diag_title')}`,
    t('diag_org', report.org, report.version ?? '?', new Date(report.at).toISOString()),
    '',
  ];
  for (const check of report.checks) {
    lines.push(
      `${checkMark(check)} ${checkLabel(check)}: ${tFromData(check.found.key, ...check.found.subs)} [${t(`diag_result_${check.result}`)}]`,
    );
    for (const e of check.evidence)
      lines.push(`    ${e.request} → ${e.status ?? '–'}${e.note ? ` ${e.note}` : ''}${e.bytes === undefined ? '' : ` (${e.bytes} bytes)`}`);
  }
  return `${lines.join('\n')}\n`;
}
