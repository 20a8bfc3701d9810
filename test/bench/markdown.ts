/** The run as Markdown: bench/results/latest.md, and the block the README's Benchmarks section is generated from. */
import { formatBytes, formatCount, formatMs } from './format';
import type { BenchResults } from './results';
import type { Figure } from './targets';
import type { WindowFigures } from './traffic';

const verdict = (pass: boolean | null) => (pass === null ? 'n/a' : pass ? 'PASS' : 'FAIL');
const cell = (text: string) => text.replace(/\|/g, '\\|').replace(/\n/g, ' ');
const row = (cells: readonly string[]) => `| ${cells.map(cell).join(' | ')} |`;
const table = (head: readonly string[], rows: readonly (readonly string[])[]) =>
  [row(head), row(head.map(() => '---')), ...rows.map(row)].join('\n');

/** Where and when, on what: the line above every table. */
function describeRun(results: BenchResults): string {
  const m = results.machine;
  const during = m.loadDuringRun
    ? `, ${m.loadDuringRun.mean} on average and ${m.loadDuringRun.max} at most during the run (other work on the machine)`
    : '';
  const load = `load average ${m.loadAverageAtStart} at start, ${m.loadAverageAtEnd ?? 'n/a'} at the end${during}`;
  const gauge = m.gaugeMs === undefined ? '' : `; speed gauge ${m.gaugeMs} ms (a fixed workload in Node: lower is faster)`;
  return (
    `Measured ${results.date} on ${m.cores} cores (${m.cpu}), ${m.memoryGb} GB, ${m.os}, Node ${m.node}, ${m.chromium ?? 'no Chromium'}${gauge}; ` +
    `${load} (the machine is shared: timings move with it); the run took ${formatMs(results.durationSeconds * 1000)}.` +
    (results.quick ? ' Quick run (shorter windows, one freshness run, no quiet window): not for the README.' : '')
  );
}

const targetTable = (targets: readonly Figure[]) =>
  table(
    ['Target', 'Measured', 'Limit', 'Result'],
    targets.map((t) => [t.name, t.measured, t.limit ?? '–', verdict(t.pass)]),
  );

function requestKinds(title: string, window: WindowFigures): string {
  return [
    `${title} (${formatCount(window.requests)} requests in ${formatMs(window.ms)}; the meter counted ${formatCount(window.meteredRequests)}):`,
    '',
    table(
      ['Request', 'Count', 'Per minute', 'Bytes'],
      window.byKind.map((kind) => [
        kind.kind,
        formatCount(kind.requests),
        ((kind.requests * 60_000) / window.ms).toFixed(1),
        formatBytes(kind.bytes),
      ]),
    ),
  ].join('\n');
}

/** The method lines that hold for every figure. */
const GENERAL = [
  'Each org is the emulator in a process of its own (the busy scenario, seed 1, clock at real speed); the 50,000 org is the busy org with its ongoing conversations copied in-process, each with its session and participants, before it starts (the emulator has no size option). Both orgs run at the same time: the 50,000 quiet window runs while the busy session does, and every timed phase first waits until the other org is not sending a large read (phases it overlapped anyway are listed above). The long-task phases at 10,000 wait until the 50,000 session has ended (its browser closed), so both long-task figures are timed with one browser on the machine.',
  'The extension is the test build (`wxt build --mode test`) in the system Chromium, headless, a fresh profile per session, signed in to the workspace as Sofia (supervisor of every queue); the overlay in the workspace tab is the first view.',
  "Requests are counted from the emulator's own request log (the signed-in supervisor's, who is only ever the extension); bytes from a meter in front of the emulator that counts each response body as sent to the cookie-signed requests (the extension's). Bench writes and the naive panel are signed in as Sam and never counted as the extension's.",
  "Times on screen come from the page: a MutationObserver over the whole document notes Date.now() at the DOM change; the bench and the browser share the machine's clock.",
];

export function renderMarkdown(results: BenchResults, targets: readonly Figure[], info: readonly Figure[]): string {
  const parts = [
    describeRun(results),
    '',
    targetTable(targets),
    '',
    table(
      ['Figure', 'Measured'],
      info.map((f) => [f.name, f.measured]),
    ),
  ];
  if (results.busy.ok) {
    const b = results.busy.value;
    parts.push('', requestKinds('Where the requests went with one view open, busy', b.oneView));
    if (b.tenViews) parts.push('', requestKinds('… and with ten views open', b.tenViews.window));
    if (b.notes.length > 0) parts.push('', 'What affected the busy figures:', '', ...b.notes.map((note) => `- ${note}`));
  }
  if (results.quiet.ok)
    parts.push('', requestKinds('Where the requests went in the quiet window at 50,000 ongoing', results.quiet.value.window));
  parts.push(
    '',
    '## What each figure measures',
    '',
    ...[...targets, ...info].map((f) => `- **${f.name}**: ${f.about}`),
    '',
    '## How',
    '',
    ...GENERAL.map((line) => `- ${line}`),
  );
  return parts.join('\n');
}

export const README_START = '<!-- bench:start (generated by npm run bench from bench/results/latest.json; do not edit by hand) -->';
export const README_END = '<!-- bench:end -->';

/** The README's generated block: the run, the targets, and where the rest is. */
export function renderReadmeBlock(results: BenchResults, targets: readonly Figure[]): string {
  return [
    README_START,
    describeRun(results),
    '',
    targetTable(targets),
    '',
    'Every other figure, what each one measures and how, and where the requests went: [bench/results/latest.md](bench/results/latest.md).',
    README_END,
  ].join('\n');
}

/** The README with its generated block replaced (the markers must be there, once each). */
export function replaceReadmeBlock(readme: string, block: string): string {
  const start = readme.indexOf(README_START.slice(0, 20));
  const end = readme.indexOf(README_END);
  if (start < 0 || end < start || readme.indexOf(README_END, end + 1) >= 0)
    throw new Error('README.md needs the bench markers once each, start before end');
  return `${readme.slice(0, start)}${block}${readme.slice(end + README_END.length)}`;
}
