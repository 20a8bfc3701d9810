import { asMessageKey } from '../i18n';
import type { MessageKey } from '../i18n/message-key';
import type { Check, DiagnosticsReport } from './report';

type Translate = (key: MessageKey, ...subs: Array<string | number>) => string;

/** A key made at run time (a check's id, a report's words): in words when the catalog has it, as it is otherwise. */
export function say(t: Translate, key: string, ...subs: Array<string | number>): string {
  const known = asMessageKey(key);
  return known ? t(known, ...subs) : key;
}

const MARK = { pass: '✓', fail: '✗', unknown: '?' } as const;

/** A check's name in words: "Action CCaaS_AssignConversation", "Administrator setting: assign". */
export function checkLabel(check: Pick<Check, 'id'>, t: Translate): string {
  const [kind, name] = check.id.split(':', 2);
  if (kind === 'action') return t('diag_check_action', name ?? '');
  if (kind === 'switch') return t('diag_check_switch', name ?? '');
  return say(t, `diag_check_${kind}`);
}

export const checkMark = (check: Pick<Check, 'result'>): string => MARK[check.result];

/**
 * The report as plain text, for an admin to attach to a ticket: the org's address and version, each check with its
 * result, what was found and the requests that show it (paths, statuses, the platform's messages). Nothing a
 * customer wrote is ever in a report: the probes read descriptions, counts and ids only.
 */
export function reportText(report: DiagnosticsReport, t: Translate): string {
  const lines = [
    `Floorwalker — ${t('diag_title')}`,
    t('diag_org', report.org, report.version ?? '?', new Date(report.at).toISOString()),
    '',
  ];
  for (const check of report.checks) {
    lines.push(
      `${checkMark(check)} ${checkLabel(check, t)}: ${say(t, check.found.key, ...check.found.subs)} [${t(`diag_result_${check.result}`)}]`,
    );
    for (const e of check.evidence)
      lines.push(`    ${e.request} → ${e.status ?? '–'}${e.note ? ` ${e.note}` : ''}${e.bytes === undefined ? '' : ` (${e.bytes} bytes)`}`);
  }
  return `${lines.join('\n')}\n`;
}
