import type { SoakReport } from './soak';

/** The soak's checks, in words: empty when it passed. Shared by `npm run soak` and the short form in `npm test`. */
export function soakProblems(report: SoakReport): string[] {
  const problems: string[] = [];
  const { list, actions } = report;
  if (list.missing.length || list.extra.length) {
    problems.push(
      `the feed differs from the platform's ongoing set: missing ${list.missing.join(', ') || 'none'}; extra ${list.extra.join(', ') || 'none'}`,
    );
  }
  if (list.panelRows !== list.platformIds)
    problems.push(`the panel lists ${list.panelRows} rows, the platform has ${list.platformIds} ongoing`);
  if (list.shownMissing.length || list.shownExtra.length) {
    problems.push(
      `the side panel shows other rows than the platform's ongoing set: missing ${list.shownMissing.join(', ') || 'none'}; extra ${list.shownExtra.join(', ') || 'none'}`,
    );
  }
  if (report.requests.fullReadDue && report.requests.fullReads.length === 0)
    problems.push(`no periodic full re-read in ${report.wallMinutes} minutes of traffic`);
  if (actions.unfinished.length) problems.push(`actions without a final outcome: ${actions.unfinished.join(', ')}`);
  if (actions.changedAfterFinal.length) problems.push(`actions with two outcomes: ${actions.changedAfterFinal.join(', ')}`);
  if (actions.appliedTwice.length) problems.push(`actions the platform applied twice: ${actions.appliedTwice.join(', ')}`);
  if (report.workerGrew) problems.push(`the worker's heap kept growing: ${report.heapMb.worker.join(' → ')} MB`);
  if (report.panelGrew) problems.push(`the panel's heap kept growing: ${report.heapMb.panel.join(' → ')} MB`);
  return problems;
}
