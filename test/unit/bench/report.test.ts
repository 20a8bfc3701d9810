import { describe, expect, it } from 'vitest';
import type { BusyFigures, BusyPlan } from '../../bench/busy-session';
import type { FreshnessFigures } from '../../bench/freshness';
import type { LargeFigures, LargePlan } from '../../bench/large-session';
import { README_END, README_START, renderMarkdown, renderReadmeBlock, replaceReadmeBlock } from '../../bench/markdown';
import type { NaiveFigures } from '../../bench/naive-panel';
import { attempt, type BenchResults } from '../../bench/results';
import { evaluateInfo, evaluateTargets, type Figure } from '../../bench/targets';
import type { WindowFigures } from '../../bench/traffic';
import type { ColdStart } from '../../bench/view-phases';

const MB = 1024 * 1024;
const MIN = 60_000;

const window = (requestsPerMin: number, bytesPerMin: number, ms = 10 * MIN): WindowFigures => ({
  from: 0,
  ms,
  requests: (requestsPerMin * ms) / MIN,
  requestsPerMin,
  budgetPercent: (requestsPerMin * 5) / 60,
  bytes: (bytesPerMin * ms) / MIN,
  bytesPerMin,
  meteredRequests: (requestsPerMin * ms) / MIN,
  byKind: [{ kind: 'GET msdyn_ocliveworkitems', requests: 200, bytes: 1e6 }],
});

const freshness = (p95: number | 'miss', misses = 0): FreshnessFigures => ({
  kind: 'conversation',
  missAfterMs: 30_000,
  runs: [
    { seed: 1, p50: 1_000, p95, max: p95, samples: 100, misses },
    { seed: 2, p50: 900, p95: 1_800, max: 2_000, samples: 100, misses: 0 },
  ],
  pooled: { p50: 950, p95, max: 'miss', samples: 200, misses },
  p95Spread: { min: 1_800, max: p95 },
});

const longTasks = (longestMs: number) => ({
  windowMs: 30_000,
  longestMs,
  longTasks: 2,
  scrollFrames: { p50: 16.7, p95: 33, max: 60, samples: 1_800 },
  updatesWritten: 60,
});

function busy(over: Partial<BusyFigures> = {}): BusyFigures {
  return {
    chromium: 'Chrome/156',
    ongoing: { atStart: 9_990, atEnd: 9_100 },
    oneView: window(32, 10 * MB, 10.5 * MIN),
    freshness: {
      conversation: freshness(1_900),
      presence: freshness(12_000),
      participant: freshness(15_000),
      withOneViewBefore: freshness(1_900),
      withTenViews: freshness(2_100),
      failedWrites: 0,
    },
    longTasks: { overlay: longTasks(40), sidePanel: longTasks(82), overlayBehindSidePanel: longTasks(20) },
    warmPanelMs: 700,
    heapMb: { overlay: 30, sidePanel: 45, worker: 20 },
    tenViews: { views: 10, window: window(33, 10 * MB, 2.5 * MIN), oneViewBefore: window(32, 10 * MB, 2.5 * MIN) },
    noView: window(4, MB, 2 * MIN),
    notes: ['freshness run 3 (presence): the other org was sending a large read during it'],
    ...over,
  };
}

const large: LargeFigures = {
  chromium: 'Chrome/156',
  ongoing: 50_016,
  listShown: true,
  longTask: longTasks(300),
  heapMb: { overlay: 120, worker: 200 },
};
const cold = (ms: number | null, limitMs = 120_000): ColdStart => ({
  ms,
  limitMs,
  requests: 50,
  bytes: 80 * MB,
  ongoing: 10_001,
  rowsShown: 10_001,
});
const naive = (bytesPerMin: number, readMs: number): NaiveFigures => ({
  ongoing: 10_001,
  intervalMs: 3_000,
  reads: [{ startedAt: 0, ms: readMs, requests: 3, bytes: 10 * MB }],
  readMs: { p50: readMs, p95: readMs, max: readMs, samples: 1 },
  readsPerMin: 20,
  requestsPerMin: 60,
  bytesPerMin,
});

const BUSY_PLAN: BusyPlan = {
  coldStarts: 3,
  oneViewMs: 10.5 * MIN,
  freshnessRuns: 3,
  conversationChanges: 100,
  presenceChanges: 40,
  pendingTransfers: 3,
  changesPerSecond: 2,
  missAfterMs: 30_000,
  longTaskMs: 30_000,
  tenViewsMs: 2.5 * MIN,
  noViewMs: 2 * MIN,
};
const LARGE_PLAN: LargePlan = { coldStarts: 3, coldLimitMs: 300_000, longTaskMs: 30_000, quietMs: 12 * MIN };

function results(over: Partial<BenchResults> = {}): BenchResults {
  return {
    date: '2026-01-01T00:00:00.000Z',
    machine: {
      cores: 2,
      cpu: 'AMD EPYC',
      memoryGb: 23.5,
      os: 'Linux',
      node: 'v20.20.2',
      chromium: 'Chrome/156',
      loadAverageAtStart: 4.2,
      loadAverageAtEnd: 6.1,
      loadDuringRun: { mean: 5.3, max: 9.8, samples: 40 },
      gaugeMs: 180,
    },
    durationSeconds: 1_200,
    quick: false,
    pollIntervalSeconds: 3,
    plan: { busy: BUSY_PLAN, large: LARGE_PLAN },
    bundle: { ok: false, reason: 'store build failed: boom' },
    busyCold: { ok: true, value: [cold(2_500), cold(3_400), cold(null)] },
    largeCold: { ok: true, value: [cold(5_800, 300_000), cold(75_000, 300_000), cold(null, 300_000)] },
    busy: { ok: true, value: busy() },
    large: { ok: true, value: large },
    quiet: { ok: true, value: { window: window(30, 20 * MB, 12 * MIN), extendedMs: 0 } },
    naive: { busy: { ok: true, value: naive(600 * MB, 1_500) }, large: { ok: false, reason: 'the org stopped' } },
    ...over,
  };
}

const byName = (figures: readonly Figure[]) => new Map(figures.map((figure) => [figure.name, figure]));

describe('bench targets', () => {
  it('checks every target of the issue against its limit, with n/a and the reason for a section that could not run', () => {
    const targets = byName(evaluateTargets(results()));
    expect(targets.size).toBe(11);
    expect(targets.get('Change on the platform → visible in the row, busy (10,000 ongoing), p95')).toMatchObject({
      pass: true,
      limit: '≤ 2.0 s',
    });
    expect(targets.get('All requests of the extension with one view open, busy')).toMatchObject({
      pass: true,
      measured: expect.stringMatching(/^32\.0\/min \(2\.7 % of the budget/),
    });
    expect(targets.get('Ten open views (overlays, side panels, tabs) vs one: requests')).toMatchObject({
      pass: true,
      measured: '10 views 33.0/min vs one view 32.0/min (+3.1 %)',
    });
    // The naive panel read 10,001 rows; the window averaged 9,545 ongoing: 600 MB/min × 9,545 / 10,001 = 572.6 MB/min.
    expect(targets.get('Bytes/min at 10,000 ongoing vs the naive re-read')).toMatchObject({
      pass: true,
      measured: '1.7 % (10.0 MB/min vs 572.6 MB/min: 600.0 MB/min at 10,001 rows × 9,545 / 10,001)',
    });
    expect(targets.get('The periodic safety re-read at 50,000 ongoing')).toMatchObject({
      pass: false,
      measured: expect.stringMatching(/^240\.0 MB in 12 min/),
    });
    expect(targets.get('Cold: sign-in → whole list on screen, 10,000 ongoing')).toMatchObject({
      pass: false,
      measured: 'median 3.4 s (2.5 s, 3.4 s, not within 2 min)',
    });
    // Judged on the median of its fresh profiles, as at 10,000: one start under the limit does not pass it.
    expect(targets.get('Cold: sign-in → whole list on screen, 50,000 ongoing')).toMatchObject({
      pass: false,
      limit: '≤ 6.0 s (median)',
      measured: 'median 75.0 s (5.8 s, 75.0 s, not within 5 min)',
    });
    expect(targets.get('Longest main-thread task while 10,000 rows update and scroll')).toMatchObject({
      pass: false,
      measured: expect.stringMatching(/^82 ms \(overlay 40 ms; side panel 82 ms/),
    });
    expect(targets.get('Longest main-thread task while 50,000 rows update and scroll')?.pass).toBe(false);
    expect(targets.get('Content script, gzip (store build)')).toMatchObject({ pass: null, measured: 'n/a (store build failed: boom)' });
    expect(targets.get('Panel JS heap at 50,000 ongoing')).toMatchObject({ pass: false, measured: '120.0 MB' });
  });

  it('fails freshness when enough changes were missed to make the p95 a miss', () => {
    const missed = results({
      busy: { ok: true, value: busy({ freshness: { ...busy().freshness, conversation: freshness('miss', 20) } }) },
    });
    const target = byName(evaluateTargets(missed)).get('Change on the platform → visible in the row, busy (10,000 ongoing), p95');
    expect(target).toMatchObject({
      pass: false,
      measured: expect.stringMatching(/^p95 miss \(> 30\.0 s\).*200 changes, 20 missed; p95 of the 2 runs 1\.8 s–miss \(> 30\.0 s\)\)$/),
    });
  });

  it('fails the 50,000 long task and heap when the whole list never showed, instead of leaving them out', () => {
    const notShown = results({
      large: { ok: true, value: { ...large, listShown: false, longTask: null, heapMb: { overlay: 12, worker: 300 } } },
    });
    const targets = byName(evaluateTargets(notShown));
    expect(targets.get('Longest main-thread task while 50,000 rows update and scroll')).toMatchObject({
      pass: false,
      measured: 'not measurable: the whole list never showed within 5 min',
    });
    expect(targets.get('Panel JS heap at 50,000 ongoing')).toMatchObject({
      pass: false,
      measured: '12.0 MB, but the whole list never showed within 5 min',
    });
    expect(targets.get('The periodic safety re-read at 50,000 ongoing')?.measured).toContain(
      'so the first load may still have been under way',
    );
  });

  it('fails ten views when they ask for more than 5 % more than one view', () => {
    const more = busy();
    more.tenViews = { ...more.tenViews!, window: window(40, 10 * MB, 2.5 * MIN) };
    expect(
      byName(evaluateTargets(results({ busy: { ok: true, value: more } }))).get(
        'Ten open views (overlays, side panels, tabs) vs one: requests',
      )?.pass,
    ).toBe(false);
  });

  it('says n/a for the bytes ratio when the naive panel could not run', () => {
    const target = byName(
      evaluateTargets(results({ naive: { busy: { ok: false, reason: 'no token' }, large: { ok: false, reason: 'x' } } })),
    ).get('Bytes/min at 10,000 ongoing vs the naive re-read');
    expect(target).toMatchObject({ pass: null, measured: 'n/a (naive panel: no token)' });
  });

  it('gives every figure, target or not, one sentence on what it measures', () => {
    const all = [...evaluateTargets(results()), ...evaluateInfo(results())];
    for (const figure of all) expect(figure.about).toMatch(/^[A-Z].*[.)]$/);
    expect(all.find((figure) => figure.name.startsWith('Naive panel at 10,000'))?.about).toMatch(
      /^A naive panel that re-reads the whole ongoing list every 3 s/,
    );
    expect(JSON.stringify(all)).not.toMatch(/native report/i);
  });

  it("keeps a failed section's reason to its first line", async () => {
    const outcome = await attempt(async () => {
      throw new Error('Command failed: npx wxt build\nerror TS1005 …\nmore log');
    });
    expect(outcome).toEqual({ ok: false, reason: 'Command failed: npx wxt build' });
  });
});

describe('bench markdown and README', () => {
  it('prints the run, every target with PASS/FAIL/n/a, the information, the requests by kind and the overlaps', () => {
    const r = results();
    const markdown = renderMarkdown(r, evaluateTargets(r), evaluateInfo(r));
    expect(markdown).toMatch(
      /^Measured 2026-01-01T00:00:00\.000Z on 2 cores \(AMD EPYC\).*Chrome\/156; speed gauge 180 ms \(a fixed workload in Node: lower is faster\); load average 4\.2 at start, 6\.1 at the end, 5\.3 on average and 9\.8 at most during the run.*took 20 min\./,
    );
    expect(markdown).toContain('| Panel JS heap at 50,000 ongoing | 120.0 MB | ≤ 80 MB | FAIL |');
    // A run from before the gauge says nothing of it.
    expect(renderMarkdown(results({ machine: { ...r.machine, gaugeMs: undefined } }), [], [])).not.toContain('speed gauge');
    expect(markdown).toContain('| Content script, gzip (store build) | n/a (store build failed: boom) | ≤ 15.0 KB | n/a |');
    expect(markdown).toContain('| Naive panel at 50,000 ongoing | n/a (the org stopped) |');
    expect(markdown).toContain('| GET msdyn_ocliveworkitems | 200 | 19.0 | 976.6 KB |');
    expect(markdown).toContain('- freshness run 3 (presence): the other org was sending a large read during it');
    expect(markdown).toContain(
      '| Cold start cost, busy | 50 requests, 80.0 MB (10,001 ongoing); 50 requests, 80.0 MB (10,001 ongoing); 50 requests, 80.0 MB (10,001 ongoing) |',
    );
    expect(markdown).toContain('- **Panel JS heap at 50,000 ongoing**: JS heap in use');
  });

  it('replaces only what is between the README markers, and refuses a README without them', () => {
    const r = results();
    const block = renderReadmeBlock(r, evaluateTargets(r));
    expect(block.startsWith(README_START)).toBe(true);
    expect(block.endsWith(README_END)).toBe(true);
    expect(block).toContain(
      '| Cold: sign-in → whole list on screen, 50,000 ongoing | median 75.0 s (5.8 s, 75.0 s, not within 5 min) | ≤ 6.0 s (median) | FAIL |',
    );
    const readme = `# Title\n\n## Benchmarks\n\nIntro.\n\n${README_START}\nold table\n${README_END}\n\n## Next\n`;
    const next = replaceReadmeBlock(readme, block);
    expect(next).toBe(`# Title\n\n## Benchmarks\n\nIntro.\n\n${block}\n\n## Next\n`);
    expect(replaceReadmeBlock(next, block)).toBe(next);
    expect(() => replaceReadmeBlock('# No markers\n', block)).toThrow(/markers/);
  });
});
