import { describe, expect, it } from 'vitest';
import { budgetShare, distribution, percentile, perMinute, poissonGapMs, seeded, spread } from '../../bench/stats';
import { latencyOf, summarizeFreshness, type ChangeSample } from '../../bench/freshness';
import { bytesSent, kindOf, windowFigures, type LoggedRequest, type Traffic } from '../../bench/traffic';
import { naiveRates } from '../../bench/naive-panel';
import { wholeListAt } from '../../bench/whole-list';
import { formatBytes, formatMs } from '../../bench/format';
import { Neighbour } from '../../bench/view-phases';

describe('bench statistics', () => {
  it('takes nearest-rank percentiles and says when there are no samples', () => {
    const values = [5, 1, 4, 2, 3, 10, 9, 8, 7, 6];
    expect(percentile(values, 50)).toBe(5);
    expect(percentile(values, 95)).toBe(10);
    expect(percentile(values, 0)).toBe(1);
    expect(distribution([])).toEqual({ p50: null, p95: null, max: null, samples: 0 });
  });

  it('puts misses above every measured delay, so enough of them make the p95 a miss', () => {
    const fewMisses = [...Array.from({ length: 97 }, (_, i) => i * 10), 'miss', 'miss', 'miss'] as const;
    expect(percentile(fewMisses, 95)).toBe(940);
    expect(percentile(fewMisses, 100)).toBe('miss');
    const manyMisses = [...Array.from({ length: 90 }, () => 100), ...Array.from({ length: 10 }, () => 'miss' as const)];
    expect(percentile(manyMisses, 95)).toBe('miss');
    expect(percentile(manyMisses, 50)).toBe(100);
  });

  it('gives the spread of per-run figures, misses highest, runs without samples left out', () => {
    expect(spread([1_200, 900, 'miss', null])).toEqual({ min: 900, max: 'miss' });
    expect(spread([null])).toBeNull();
  });

  it('turns counts into per-minute rates and budget shares (6,000 requests per 5 minutes)', () => {
    expect(perMinute(10, 30_000)).toBe(20);
    expect(budgetShare(60)).toBe(5);
    expect(budgetShare(1_200)).toBe(100);
  });

  it('draws the same sequence from the same seed, and different ones from different seeds', () => {
    const a = seeded(7);
    const b = seeded(7);
    const first = [a(), a(), a()];
    expect([b(), b(), b()]).toEqual(first);
    expect(seeded(8)()).not.toBe(first[0]);
    for (const value of first) {
      expect(value).toBeGreaterThanOrEqual(0);
      expect(value).toBeLessThan(1);
    }
  });

  it('spaces a Poisson stream by exponential gaps with the given mean', () => {
    const random = seeded(3);
    const gaps = Array.from({ length: 20_000 }, () => poissonGapMs(random(), 2));
    const mean = gaps.reduce((sum, gap) => sum + gap, 0) / gaps.length;
    expect(mean).toBeGreaterThan(480);
    expect(mean).toBeLessThan(520);
    expect(poissonGapMs(0, 2)).toBe(0);
  });
});

describe('bench freshness', () => {
  const sample = (writtenAt: number, seenAt: number | null, kind: ChangeSample['kind'] = 'conversation'): ChangeSample => ({
    kind,
    writtenAt,
    seenAt,
  });

  it('counts a change never seen, or seen after the limit, as a miss', () => {
    expect(latencyOf(sample(1_000, 2_500), 30_000)).toBe(1_500);
    expect(latencyOf(sample(1_000, null), 30_000)).toBe('miss');
    expect(latencyOf(sample(1_000, 40_000), 30_000)).toBe('miss');
  });

  it("pools the runs, keeps each run's figures and the spread of their p95, per kind of change", () => {
    const runs = [
      { seed: 1, samples: [sample(0, 1_000), sample(0, 2_000), sample(0, null), sample(0, 9_000, 'presence')] },
      { seed: 2, samples: [sample(0, 500), sample(0, 1_500)] },
    ];
    const conversations = summarizeFreshness('conversation', runs, 30_000);
    expect(conversations.runs).toEqual([
      { seed: 1, p50: 2_000, p95: 'miss', max: 'miss', samples: 3, misses: 1 },
      { seed: 2, p50: 500, p95: 1_500, max: 1_500, samples: 2, misses: 0 },
    ]);
    expect(conversations.pooled).toEqual({ p50: 1_500, p95: 'miss', max: 'miss', samples: 5, misses: 1 });
    expect(conversations.p95Spread).toEqual({ min: 1_500, max: 'miss' });
    expect(summarizeFreshness('presence', runs, 30_000).pooled).toEqual({ p50: 9_000, p95: 9_000, max: 9_000, samples: 1, misses: 0 });
  });
});

describe('bench traffic', () => {
  const api = '/api/data/v9.2/';
  const at = (ms: number) => new Date(ms).toISOString();
  const log: LoggedRequest[] = [
    {
      id: 1,
      time: at(1_000),
      user: 'sofia@contoso.test',
      method: 'GET',
      path: `${api}msdyn_ocliveworkitems?$select=a`,
      origin: 'none',
      status: 200,
    },
    {
      id: 2,
      time: at(2_000),
      user: 'sofia@contoso.test',
      method: 'GET',
      path: `${api}queues(5f0f1a00-0000-4000-8000-000000000001)/queuemembership_association`,
      origin: 'none',
      status: 200,
    },
    {
      id: 3,
      time: at(2_500),
      user: 'sam@contoso.test',
      method: 'PATCH',
      path: `${api}msdyn_ocliveworkitems(5f0f1a00-0000-4000-8000-000000000009)`,
      origin: 'none',
      status: 204,
    },
    { id: 4, time: at(61_000), user: 'sofia@contoso.test', method: 'GET', path: `${api}WhoAmI()`, origin: 'none', status: 200 },
  ];
  const traffic: Traffic[] = [
    {
      arrivedAt: 1_000,
      doneAt: 1_400,
      method: 'GET',
      path: `${api}msdyn_ocliveworkitems?$select=a`,
      via: 'cookie',
      status: 200,
      bytes: 9_000,
    },
    {
      arrivedAt: 2_000,
      doneAt: 2_100,
      method: 'GET',
      path: `${api}queues(5f0f1a00-0000-4000-8000-000000000001)/queuemembership_association`,
      via: 'cookie',
      status: 200,
      bytes: 1_000,
    },
    {
      arrivedAt: 2_500,
      doneAt: 2_600,
      method: 'PATCH',
      path: `${api}msdyn_ocliveworkitems(5f0f1a00-0000-4000-8000-000000000009)`,
      via: 'bearer',
      status: 204,
      bytes: 0,
    },
  ];

  it('names a request by method and table, keys and options left out', () => {
    expect(kindOf('GET', `${api}queues(5f0f1a00-0000-4000-8000-000000000001)/queuemembership_association?$select=x`)).toBe(
      'GET queues/queuemembership_association',
    );
    expect(kindOf('GET', `${api}WhoAmI()`)).toBe('GET WhoAmI');
  });

  it("counts the supervisor's requests from the log and the browser's bytes from the meter, in the window only", () => {
    const window = windowFigures(log, traffic, 'sofia@contoso.test', 0, 30_000);
    expect(window).toMatchObject({ ms: 30_000, requests: 2, requestsPerMin: 4, bytes: 10_000, bytesPerMin: 20_000, meteredRequests: 2 });
    expect(window.budgetPercent).toBeCloseTo(0.333, 3);
    expect(window.byKind).toEqual([
      { kind: 'GET msdyn_ocliveworkitems', requests: 1, bytes: 9_000 },
      { kind: 'GET queues/queuemembership_association', requests: 1, bytes: 1_000 },
    ]);
  });

  it('adds up the bytes sent to the browser that finished in a span', () => {
    expect(bytesSent(traffic, 0, 2_000)).toBe(9_000);
    expect(bytesSent(traffic, 0, 5_000)).toBe(10_000);
  });
});

describe('the whole list on screen', () => {
  it("is the first row count within 0.5 % of the platform's count", () => {
    const counts = [
      { at: 1_000, rows: 5_000 },
      { at: 2_000, rows: 9_960 },
      { at: 3_000, rows: 10_000 },
    ];
    expect(wholeListAt(counts, [{ at: 0, ongoing: 10_000 }])).toBe(2_000);
    expect(wholeListAt(counts, [{ at: 0, ongoing: 10_020 }])).toBe(3_000);
    expect(wholeListAt(counts, [{ at: 0, ongoing: 12_000 }])).toBeNull();
  });

  it('measures against the lowest count the platform had by then, as conversations close while a list loads', () => {
    const counts = [{ at: 2_000, rows: 9_800 }];
    expect(
      wholeListAt(counts, [
        { at: 0, ongoing: 10_000 },
        { at: 1_500, ongoing: 9_800 },
      ]),
    ).toBe(2_000);
    expect(
      wholeListAt(counts, [
        { at: 0, ongoing: 10_000 },
        { at: 2_500, ongoing: 9_800 },
      ]),
    ).toBeNull();
  });

  it('never takes an empty grid for a whole empty list', () => {
    expect(wholeListAt([{ at: 1, rows: 0 }], [{ at: 0, ongoing: 0 }])).toBeNull();
  });
});

describe("the naive panel's rate", () => {
  it('reads once per interval when a read is quicker, back to back when it is slower', () => {
    const quick = naiveRates(
      [
        { startedAt: 0, ms: 1_000, requests: 2, bytes: 1_000 },
        { startedAt: 3_000, ms: 2_000, requests: 2, bytes: 1_000 },
      ],
      3_000,
    );
    expect(quick).toEqual({ readsPerMin: 20, requestsPerMin: 40, bytesPerMin: 20_000 });
    const slow = naiveRates([{ startedAt: 0, ms: 30_000, requests: 11, bytes: 100 }], 3_000);
    expect(slow).toEqual({ readsPerMin: 2, requestsPerMin: 22, bytesPerMin: 200 });
    expect(naiveRates([], 3_000)).toEqual({ readsPerMin: 0, requestsPerMin: 0, bytesPerMin: 0 });
  });
});

describe('bench formatting', () => {
  it('writes durations and sizes the way the tables show them', () => {
    expect(formatMs(180)).toBe('180 ms');
    expect(formatMs(2_530)).toBe('2.5 s');
    expect(formatMs(600_000)).toBe('10 min');
    expect(formatBytes(61_440)).toBe('60.0 KB');
    expect(formatBytes(3 * 1024 * 1024)).toBe('3.0 MB');
  });
});

describe('bench neighbour', () => {
  it('holds the long-task phases until the other org’s session has ended, failed or not, and says it waits', async () => {
    let end!: (failed: boolean) => void;
    const session = new Promise<void>((resolve, reject) => (end = (failed) => (failed ? reject(new Error('closed badly')) : resolve())));
    const lines: string[] = [];
    const neighbour = new Neighbour(null, (line) => lines.push(line), session);
    let gone = false;
    const waiting = neighbour.gone().then(() => (gone = true));
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(gone).toBe(false);
    expect(lines).toEqual(["waiting for the other org's session to end before the long-task phases"]);
    end(true);
    await waiting;
    expect(gone).toBe(true);
    // Ended already, or no session: no wait, nothing said.
    await neighbour.gone();
    await new Neighbour(null, (line) => lines.push(line)).gone();
    expect(lines).toHaveLength(1);
  });
});
