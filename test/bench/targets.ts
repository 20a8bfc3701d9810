/** The targets, checked against a run: each gives its measured value in words and PASS, FAIL or n/a. */
import type { BenchResults, Outcome } from './results';
import { formatBytes, formatMs } from './format';

export interface TargetResult {
  name: string;
  measured: string;
  limit: string;
  /** null when the figure could not be measured. */
  pass: boolean | null;
}

const KB = 1024;
const LIMITS = {
  freshnessSlackMs: 1_000,
  requestsPerMin: 40,
  busyBytesShare: 0.05,
  fullListMs: 3_000,
  longTaskMs: 50,
  panelHeapMb: 60,
  contentScriptGzip: 15 * KB,
} as const;

function check<T>(name: string, limit: string, outcome: Outcome<T>, read: (value: T) => { measured: string; pass: boolean } | null): TargetResult {
  if (!outcome.ok) return { name, limit, measured: `n/a (${outcome.reason})`, pass: null };
  const result = read(outcome.value);
  return result ? { name, limit, ...result } : { name, limit, measured: 'n/a (not measured)', pass: null };
}

export function evaluateTargets(results: BenchResults): TargetResult[] {
  const freshLimit = results.pollIntervalSeconds * 1000 + LIMITS.freshnessSlackMs;
  const freshLabel = `p95 ≤ ${formatMs(freshLimit)}`;
  const freshness = (p95: number | null) => (p95 === null ? null : { measured: `p95 ${formatMs(p95)}`, pass: p95 <= freshLimit });
  return [
    check('Freshness, typical (feed model)', freshLabel, results.typical, (f) => freshness(f.ours.freshness.p95)),
    check('Freshness, busy (feed model)', freshLabel, results.busy, (f) => freshness(f.ours.freshness.p95)),
    check('Freshness on screen, busy (Chromium)', freshLabel, results.browser, (b) => {
      const result = freshness(b.freshnessOnScreen.p95);
      const lost = b.freshnessOnScreen.lost > 0 ? `, ${b.freshnessOnScreen.lost} never shown` : '';
      return result && { ...result, measured: `${result.measured} (${b.freshnessOnScreen.samples} changes${lost})` };
    }),
    check('Requests/min with a view open, typical', `≤ ${LIMITS.requestsPerMin} (3.3 % of budget)`, results.typical, (f) => ({
      measured: `${f.ours.requestsPerMin.toFixed(1)} (${f.ours.budgetPercent.toFixed(1)} %)`,
      pass: f.ours.requestsPerMin <= LIMITS.requestsPerMin,
    })),
    check('Requests/min with a view open, busy', `≤ ${LIMITS.requestsPerMin} (3.3 % of budget)`, results.busy, (f) => ({
      measured: `${f.ours.requestsPerMin.toFixed(1)} (${f.ours.budgetPercent.toFixed(1)} %)`,
      pass: f.ours.requestsPerMin <= LIMITS.requestsPerMin,
    })),
    check('Bytes/min at busy vs baseline', `≤ ${LIMITS.busyBytesShare * 100} % of baseline`, results.busy, (f) => {
      const share = f.baseline.bytesPerMin > 0 ? f.ours.bytesPerMin / f.baseline.bytesPerMin : Number.POSITIVE_INFINITY;
      return { measured: `${(share * 100).toFixed(1)} % (${formatBytes(f.ours.bytesPerMin)} vs ${formatBytes(f.baseline.bytesPerMin)})`, pass: share <= LIMITS.busyBytesShare };
    }),
    check('Panel open → whole list, busy', `≤ ${formatMs(LIMITS.fullListMs)}`, results.browser, (b) =>
      b.panelFullListMs === null ? null : { measured: formatMs(b.panelFullListMs), pass: b.panelFullListMs <= LIMITS.fullListMs }),
    check('Longest main-thread task, steady updates', `≤ ${LIMITS.longTaskMs} ms`, results.browser, (b) => ({
      measured: `${formatMs(b.steady.longestTaskMs)} (${b.steady.longTasks} long tasks in ${formatMs(b.steady.ms)})`,
      pass: b.steady.longestTaskMs <= LIMITS.longTaskMs,
    })),
    check('Panel JS heap, busy', `≤ ${LIMITS.panelHeapMb} MB`, results.browser, (b) => ({ measured: `${b.heapMb.panel.toFixed(1)} MB`, pass: b.heapMb.panel <= LIMITS.panelHeapMb })),
    check('Content script, gzip', `≤ ${formatBytes(LIMITS.contentScriptGzip)}`, results.bundle, (b) => ({
      measured: formatBytes(b.contentScript.gzip),
      pass: b.contentScript.gzip <= LIMITS.contentScriptGzip,
    })),
  ];
}
