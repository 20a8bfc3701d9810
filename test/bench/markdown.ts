/** The run as Markdown: the table for the README and the terminal, then how it was measured. */
import type { PlatformFigures } from './platform-run';
import type { BenchResults, Outcome } from './results';
import type { TargetResult } from './targets';
import { formatBytes, formatCount, formatMs, formatPercent } from './format';
import type { Distribution } from './stats';

const verdict = (pass: boolean | null) => (pass === null ? 'n/a' : pass ? 'PASS' : 'FAIL');
const cell = (text: string) => text.replace(/\|/g, '\\|').replace(/\n/g, ' ');
const row = (cells: readonly string[]) => `| ${cells.map(cell).join(' | ')} |`;
const table = (head: readonly string[], rows: readonly (readonly string[])[]) =>
  [row(head), row(head.map(() => '---')), ...rows.map(row)].join('\n');

const pair = (d: Distribution | null) => (d && d.p50 !== null ? `${formatMs(d.p50)} / ${formatMs(d.p95)} (${d.samples} changes)` : 'n/a');
const na = (outcome: Outcome<unknown>) => (outcome.ok ? 'n/a' : `n/a (${outcome.reason})`);

function platformColumns(outcome: Outcome<PlatformFigures>, read: (f: PlatformFigures) => [string, string]): [string, string] {
  return outcome.ok ? read(outcome.value) : [na(outcome), na(outcome)];
}

function comparison(results: BenchResults): string {
  const rows: [string, (f: PlatformFigures) => [string, string]][] = [
    ['Freshness p50 / p95 (change → model)', (f) => [pair(f.ours.freshness), pair(f.baseline.freshness)]],
    ['Requests/min (share of 6,000 per 5 min)', (f) => [
      `${f.ours.requestsPerMin.toFixed(1)} (${f.ours.budgetPercent.toFixed(1)} %)`,
      `${f.baseline.requestsPerMin.toFixed(1)} (${f.baseline.budgetPercent.toFixed(1)} %)`,
    ]],
    ['Bytes/min (ours as share of baseline)', (f) => [
      `${formatBytes(f.ours.bytesPerMin)} (${formatPercent(f.ours.bytesPerMin / f.baseline.bytesPerMin)})`,
      formatBytes(f.baseline.bytesPerMin),
    ]],
  ];
  const size = (o: Outcome<PlatformFigures>, name: string) => (o.ok ? `${name}, ${formatCount(o.value.ongoing)} ongoing` : name);
  return table(
    ['Measure', `Floorwalker (${size(results.typical, 'typical')})`, 'Baseline', `Floorwalker (${size(results.busy, 'busy')})`, 'Baseline'],
    rows.map(([name, read]) => [name, ...platformColumns(results.typical, read), ...platformColumns(results.busy, read)]),
  );
}

function targetTable(results: BenchResults, targets: readonly TargetResult[]): string {
  const info: string[][] = [];
  if (results.browser.ok) {
    const b = results.browser.value;
    info.push(['Scroll frame time p50 / p95 / max (busy)', `${formatMs(b.scroll.p50)} / ${formatMs(b.scroll.p95)} / ${formatMs(b.scroll.max)}`, '–', 'info']);
    info.push(['Worker JS heap (busy)', `${b.heapMb.worker.toFixed(1)} MB`, '–', 'info']);
    info.push(['Sign-in → worker has the whole picture (busy)', `${formatMs(b.workerFirstLoad.ms)}, ${formatCount(b.workerFirstLoad.requests)} requests, ${formatBytes(b.workerFirstLoad.bytes)}`, '–', 'info']);
    info.push(['Longest main-thread task while the panel loads', formatMs(b.longestTaskDuringLoadMs), '–', 'info']);
  }
  if (results.bundle.ok) {
    const p = results.bundle.value.panel;
    const c = results.bundle.value.contentScript;
    info.push(['Content script, raw', formatBytes(c.raw), '–', 'info']);
    const o = results.bundle.value.overlayPage;
    info.push(['Side panel (HTML, scripts, styles), raw / gzip', `${formatBytes(p.raw)} / ${formatBytes(p.gzip)}`, '–', 'info']);
    info.push(['Overlay page in the loader’s frame (HTML, scripts, styles), raw / gzip', `${formatBytes(o.raw)} / ${formatBytes(o.gzip)}`, '–', 'info']);
  }
  return table(['Target', 'Measured', 'Limit', 'Result'], [...targets.map((t) => [t.name, t.measured, t.limit, verdict(t.pass)]), ...info]);
}

function growthTable(results: BenchResults): string {
  return table(
    ['Ongoing', 'Requests/min (budget)', 'Baseline requests/min', 'Bytes/min', 'Baseline bytes/min', 'Ours / baseline bytes', 'Full re-read (cost, load time, how often)', 'Freshness p95'],
    results.growth.map(({ ongoing, figures }) => {
      if (!figures.ok) return [formatCount(ongoing), na(figures), '', '', '', '', '', ''];
      const f = figures.value;
      return [
        formatCount(f.ongoing),
        `${f.ours.requestsPerMin.toFixed(1)} (${f.ours.budgetPercent.toFixed(1)} %)`,
        f.baseline.requestsPerMin.toFixed(1),
        formatBytes(f.ours.bytesPerMin),
        formatBytes(f.baseline.bytesPerMin),
        formatPercent(f.ours.bytesPerMin / f.baseline.bytesPerMin),
        `${formatCount(f.reconcile.requests)} requests, ${formatBytes(f.reconcile.bytes)}, ${formatMs(f.firstLoad.ms)}, every ${formatMs(f.reconcile.everyMs)}`,
        formatMs(f.ours.freshness.p95),
      ];
    }),
  );
}

export function renderMarkdown(results: BenchResults, targets: readonly TargetResult[]): string {
  const m = results.machine;
  return [
    `Measured ${results.date} on ${m.cores} cores (${m.cpu}), ${m.memoryGb} GB, ${m.os}, Node ${m.node}, ${m.chromium ?? 'no Chromium'}; ` +
      `load average ${m.loadAverageAtStart} at start; the run took ${formatMs(results.durationSeconds * 1000)}. Poll interval ${results.pollIntervalSeconds} s.` +
      (results.quick ? ' Quick run (shorter windows, no 50,000 point): not for the README.' : ''),
    '',
    targetTable(results, targets),
    '',
    comparison(results),
    '',
    'Cost growth (the busy org — 2,000 agents and its traffic — with the number of ongoing conversations varied):',
    '',
    growthTable(results),
    '',
    ...results.method.map((line) => `- ${line}`),
  ].join('\n');
}
