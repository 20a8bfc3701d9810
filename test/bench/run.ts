/**
 * `npm run bench`: the real extension code against the emulator — feed cost and freshness in Node,
 * scale in Chromium at `busy`, bundle sizes — printed as a table with PASS/FAIL beside each target and written to
 * bench/results/latest.{json,md}. Figures are printed, never asserted: the bench exits 0 whatever they are.
 * `--quick` skips the 50,000 point and halves the windows (for trying changes; not for the README).
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { DEFAULT_SETTINGS } from '../../lib/model/settings';
import { ACCESS_RECHECK_MS } from '../../lib/feed/access-monitor';
import { RECONCILE_MS } from '../../lib/feed/picture-sync';
import { measureBrowser } from './browser-scale';
import { measureBundle } from './bundle';
import { describeMachine } from './machine';
import { renderMarkdown } from './markdown';
import { measurePlatform, type PlatformFigures } from './platform-run';
import { attempt, type BenchResults, type Outcome } from './results';
import { evaluateTargets } from './targets';

const RESULTS_DIR = resolve(import.meta.dirname, '../../bench/results');
/** Where `wxt build` (the store build, Chrome) puts its output. */
const STORE_BUILD_DIR = resolve(import.meta.dirname, '../../.output/chrome-mv3');
const quick = process.argv.includes('--quick');
const scale = quick ? 0.5 : 1;
const log = (line: string) => console.error(`bench: ${line}`);
/** Feed polls watched per size: 12 holds whole rounds of the reads the feed makes every 4th and every 6th poll. */
const WINDOW_POLLS = 12;

const started = Date.now();
const machine = describeMachine();
log(`${machine.cores} cores, ${machine.cpu}, load average ${machine.loadAverageAtStart}${quick ? ' (quick run)' : ''}`);

const build = (args: string[]) => attempt(async () => void execFileSync('npx', ['wxt', 'build', ...args], { stdio: ['ignore', 'ignore', 'pipe'] }));
log('building the store extension (bundle sizes) and the test extension (Chromium)');
const storeBuilt = await build([]);
const bundle = storeBuilt.ok ? await attempt(async () => measureBundle(STORE_BUILD_DIR)) : { ok: false as const, reason: `store build failed: ${storeBuilt.reason}` };
const built = await build(['--mode', 'test']);

log('Chromium at busy');
const browser = built.ok
  ? await attempt(() => measureBrowser({ steadyMs: 20_000 * scale, writesPerSecond: 1, log }))
  : { ok: false as const, reason: `test build failed: ${built.reason}` };

log('feed vs baseline at typical');
const typical = await attempt(() =>
  measurePlatform({ label: 'typical', scenario: 'typical', windowPolls: WINDOW_POLLS * scale, baselineWindowMs: 12_000 * scale, writesPerSecond: 0.7, log }));
log('feed vs baseline at busy');
const busy = await attempt(() =>
  measurePlatform({ label: 'busy', scenario: 'busy', windowPolls: WINDOW_POLLS * scale, baselineWindowMs: 15_000 * scale, writesPerSecond: 0.5, log }));

const growth: BenchResults['growth'] = [];
for (const ongoing of quick ? [100, 1_000, 10_000] : [100, 1_000, 10_000, 50_000]) {
  let figures: Outcome<PlatformFigures>;
  if (ongoing === 10_000) figures = busy;
  else {
    log(`cost growth at ${ongoing.toLocaleString('en-US')} ongoing`);
    figures = await attempt(() =>
      measurePlatform({ label: `${ongoing}`, scenario: 'busy', ongoing, windowPolls: WINDOW_POLLS * scale, baselineWindowMs: 0, writesPerSecond: 0.5, log }));
  }
  growth.push({ ongoing, figures });
}

const chromium = browser.ok ? browser.value.chromium : machine.chromium;
const results: BenchResults = {
  date: new Date(started).toISOString(),
  machine: { ...machine, chromium },
  durationSeconds: Math.round((Date.now() - started) / 1000),
  quick,
  pollIntervalSeconds: DEFAULT_SETTINGS.pollIntervalSeconds,
  method: [
    'Feed figures run the extension’s own feed (FeedController over the Web API transport) in Node against the emulator in the same process, clock at real speed, signed in as a supervisor with a bearer token. Changes are the emulator’s simulated traffic plus changes written through the Web API as another supervisor, at random moments.',
    'Freshness: from a change’s modifiedon (emulator clock) to that version of the row reaching the model; p50/p95 over every change in the window.',
    `Requests and bytes per minute, one view open: ${WINDOW_POLLS * scale} whole poll cycles measured, plus the full re-read (every ${RECONCILE_MS / 60_000} min) and the role check (every ${ACCESS_RECHECK_MS / 60_000} min) at their periods with their measured cost. Bytes are response bodies, uncompressed.`,
    'Baseline (what the native report does): the whole ongoing list of the supervisor’s queues, every page, the feed’s columns, every interval; measured live at typical and busy. In the growth table its cost is that same list read, as measured inside the feed’s full load, once per interval.',
    'Growth sizes other than 10,000: the busy org’s ongoing conversations trimmed or copied in-process (with sessions and participants) before the feed starts; the emulator has no size option.',
    'Chromium: the test build, busy org, side panel opened as a tab; long tasks from PerformanceObserver after the whole list showed; scrolling 400 px per frame for 3 s; heap via CDP after a GC; on screen = change written to a row on screen → its text in the row’s DOM.',
    'Bundle: the store build (`wxt build`, Chrome); gzip level 9 per file; 1 KB = 1,024 bytes.',
  ],
  bundle,
  browser,
  typical,
  busy,
  growth,
};
const targets = evaluateTargets(results);
const markdown = renderMarkdown(results, targets);

mkdirSync(RESULTS_DIR, { recursive: true });
writeFileSync(resolve(RESULTS_DIR, 'latest.json'), `${JSON.stringify({ ...results, targets }, null, 2)}\n`);
writeFileSync(resolve(RESULTS_DIR, 'latest.md'), `${markdown}\n`);
console.log(markdown);
log(`done in ${results.durationSeconds} s; written to bench/results/latest.{json,md}`);
