/**
 * `npm run bench`: the built extension in Chromium against emulated orgs — 10,000 ongoing (busy) and 50,000 — with
 * every target of the performance issue printed PASS/FAIL beside its figure, written to bench/results/latest.{json,md}
 * and the README's Benchmarks table. Figures are printed, never asserted: the bench exits 0 whatever they are.
 * `--quick` (for trying changes): one cold start, one freshness run, short windows, no quiet window; its results go
 * to .output/bench-quick.{json,md} and never to the README.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { measureBundle } from './bundle';
import { measureBusy, type BusyPlan } from './busy-session';
import { measureLarge, type LargePlan, type QuietFigures } from './large-session';
import { describeMachine, loadAverage, sampleLoad } from './machine';
import { renderMarkdown } from './markdown';
import { runNaivePanel, type NaiveFigures } from './naive-panel';
import { startOrg, type Org } from './org';
import { DEFAULT_POLL_SECONDS } from './product';
import { writeReadme } from './readme';
import { attempt, type BenchResults, type Outcome } from './results';
import { evaluateInfo, evaluateTargets } from './targets';
import { Neighbour } from './view-phases';

const ROOT = resolve(import.meta.dirname, '../..');
const quick = process.argv.includes('--quick');
const OUT_DIR = quick ? resolve(ROOT, '.output') : resolve(ROOT, 'bench/results');
const OUT_NAME = quick ? 'bench-quick' : 'latest';
/** Where `wxt build` (the store build, Chrome) puts its output. */
const STORE_BUILD_DIR = resolve(ROOT, '.output/chrome-mv3');
const MIN = 60_000;

const BUSY: BusyPlan = quick
  ? {
      coldStarts: 1,
      oneViewMs: 3 * MIN,
      freshnessRuns: 1,
      conversationChanges: 100,
      presenceChanges: 20,
      pendingTransfers: 2,
      changesPerSecond: 2,
      missAfterMs: 30_000,
      longTaskMs: 15_000,
      tenViewsMs: 1 * MIN,
      noViewMs: 1 * MIN,
    }
  : {
      coldStarts: 3,
      oneViewMs: 10.5 * MIN,
      freshnessRuns: 3,
      conversationChanges: 34,
      presenceChanges: 12,
      pendingTransfers: 2,
      changesPerSecond: 2,
      missAfterMs: 30_000,
      longTaskMs: 30_000,
      tenViewsMs: 1.5 * MIN,
      noViewMs: 1 * MIN,
    };
const LARGE: LargePlan = quick
  ? { coldStarts: 1, coldLimitMs: 180_000, longTaskMs: 15_000, quietMs: 0 }
  : { coldStarts: 3, coldLimitMs: 120_000, longTaskMs: 30_000, quietMs: 10.5 * MIN };
const LARGE_ONGOING = 50_000;
const NAIVE_BUSY_WINDOW_MS = quick ? 20_000 : 30_000;
const NAIVE_LARGE_READS = 2;

const log = (line: string) => console.error(`bench ${new Date().toISOString().slice(11, 19)}: ${line}`);
const started = Date.now();
const machine = describeMachine();
const load = sampleLoad();
log(
  `${machine.cores} cores, ${machine.cpu}, load average ${machine.loadAverageAtStart}, speed gauge ${machine.gaugeMs} ms${quick ? ' (quick run)' : ''}`,
);

const build = (args: string[]) =>
  attempt(async () => void execFileSync('npx', ['wxt', 'build', ...args], { cwd: ROOT, stdio: ['ignore', 'ignore', 'pipe'] }));
log('building the store extension (bundle sizes) and the test extension (Chromium)');
const storeBuilt = await build([]);
const bundle = storeBuilt.ok
  ? await attempt(async () => measureBundle(STORE_BUILD_DIR))
  : { ok: false as const, reason: `store build failed: ${storeBuilt.reason}` };
const testBuilt = await build(['--mode', 'test']);

const notRun = <T>(reason: string): Outcome<T> => ({ ok: false, reason });
let busyCold: BenchResults['busyCold'] = notRun('not run');
let largeCold: BenchResults['largeCold'] = notRun('not run');
let busy: BenchResults['busy'] = notRun('not run');
let large: BenchResults['large'] = notRun('not run');
let quiet: Outcome<QuietFigures> = notRun(quick ? 'not measured in a quick run' : 'not run');
let naiveBusy: Outcome<NaiveFigures> = notRun('not run');
let naiveLarge: Outcome<NaiveFigures> = notRun('not run');

const orgs: Org[] = [];
try {
  if (!testBuilt.ok) throw new Error(`test build failed: ${testBuilt.reason}`);
  // Each org starts just before its session: the busy org's traffic closes more conversations than it opens.
  const largeOrg = await attempt(() => startOrg({ scenario: 'busy', ongoing: LARGE_ONGOING }));
  if (largeOrg.ok) orgs.push(largeOrg.value);

  // 50,000 first, alone: its cold start and long tasks are timed; its quiet window then runs beside the busy session.
  let quietRun: Promise<QuietFigures> | null = null;
  if (largeOrg.ok) {
    log(`Chromium at ${LARGE_ONGOING.toLocaleString('en-US')} ongoing`);
    const measured = await attempt(() => measureLarge(largeOrg.value, LARGE, log));
    if (measured.ok) {
      const { cold, figures } = measured.value;
      largeCold = { ok: true, value: cold };
      large = { ok: true, value: figures };
      quietRun = measured.value.quiet;
    } else {
      log(`large: failed: ${measured.reason}`);
      [largeCold, large] = [measured, measured];
    }
  } else {
    log(`the ${LARGE_ONGOING.toLocaleString('en-US')} org did not start: ${largeOrg.reason}`);
    [largeCold, large] = [largeOrg, largeOrg];
  }
  if (!quick && !quietRun && !large.ok) quiet = notRun(large.reason);

  const busyOrg = await attempt(() => startOrg({ scenario: 'busy' }));
  if (busyOrg.ok) orgs.push(busyOrg.value);
  if (busyOrg.ok) {
    log('Chromium at busy (10,000 ongoing at the start)');
    const neighbour = new Neighbour(largeOrg.ok && quietRun ? largeOrg.value : null, log, quietRun);
    const naive = async () => {
      log('the naive panel at busy');
      naiveBusy = await attempt(() =>
        runNaivePanel(busyOrg.value, { intervalMs: DEFAULT_POLL_SECONDS * 1000, windowMs: NAIVE_BUSY_WINDOW_MS }),
      );
    };
    const measured = await attempt(() => measureBusy(busyOrg.value, BUSY, neighbour, log, naive));
    if (measured.ok) {
      const { cold, figures, reason } = measured.value;
      busyCold = { ok: true, value: cold };
      busy = figures ? { ok: true, value: figures } : notRun(reason ?? 'not measured');
    } else {
      log(`busy: failed: ${measured.reason}`);
      [busyCold, busy] = [measured, measured];
    }
    if (!naiveBusy.ok && naiveBusy.reason === 'not run') await naive();
  } else {
    log(`the busy org did not start: ${busyOrg.reason}`);
    [busyCold, busy] = [busyOrg, busyOrg];
  }

  if (quietRun) quiet = await attempt(() => quietRun);
  if (largeOrg.ok) {
    log(`the naive panel at ${LARGE_ONGOING.toLocaleString('en-US')} ongoing`);
    naiveLarge = await attempt(() =>
      runNaivePanel(largeOrg.value, { intervalMs: DEFAULT_POLL_SECONDS * 1000, windowMs: 600_000, maxReads: NAIVE_LARGE_READS }),
    );
  } else naiveLarge = largeOrg;
} catch (error) {
  const failed = notRun<never>(error instanceof Error ? error.message.split('\n')[0]! : String(error));
  [busyCold, largeCold, busy, large] = [
    busyCold.ok ? busyCold : failed,
    largeCold.ok ? largeCold : failed,
    busy.ok ? busy : failed,
    large.ok ? large : failed,
  ];
} finally {
  await Promise.all(orgs.map((org) => org.stop()));
}

const results: BenchResults = {
  date: new Date(started).toISOString(),
  machine: {
    ...machine,
    chromium: busy.ok ? busy.value.chromium : large.ok ? large.value.chromium : machine.chromium,
    loadAverageAtEnd: loadAverage(),
    loadDuringRun: load.stop(),
  },
  durationSeconds: Math.round((Date.now() - started) / 1000),
  quick,
  pollIntervalSeconds: DEFAULT_POLL_SECONDS,
  plan: { busy: BUSY, large: LARGE },
  bundle,
  busyCold,
  largeCold,
  busy,
  large,
  quiet,
  naive: { busy: naiveBusy, large: naiveLarge },
};
const targets = evaluateTargets(results);
const markdown = renderMarkdown(results, targets, evaluateInfo(results));

mkdirSync(OUT_DIR, { recursive: true });
writeFileSync(resolve(OUT_DIR, `${OUT_NAME}.json`), `${JSON.stringify({ ...results, targets }, null, 2)}\n`);
writeFileSync(resolve(OUT_DIR, `${OUT_NAME}.md`), `${markdown}\n`);
if (!quick) writeReadme(results);
console.log(markdown);
log(
  `done in ${Math.round(results.durationSeconds / 6) / 10} min; written to ${quick ? '.output/bench-quick' : 'bench/results/latest'}.{json,md}${quick ? '' : ' and README.md'}`,
);
