import { describe, expect, it } from 'vitest';
import { createRequestPace, REQUEST_BUDGET_PER_MINUTE, REQUEST_BURST, STEADY_SHARE } from '../../../lib/feed/request-pace';
import { createPollScheduler } from '../../../lib/feed/poll-scheduler';

const INTERVAL_MS = 1_000;
const CYCLE_MS = 300;

/**
 * A feed as the controller runs it: a cycle starts, sends its reads and takes CYCLE_MS; the next starts after the
 * interval or when the pace allows, whichever is later. Returns the cycles' start times and what was sent.
 */
function simulate(minutes: number, options: { before?: number; cost?: (cycle: number) => number } = {}) {
  const clock = { t: 5_000_000 };
  const sent = { n: 0 };
  const pace = createRequestPace({ now: () => clock.t, requests: () => sent.n });
  sent.n += options.before ?? 0;
  const cost = options.cost ?? ((cycle: number) => (cycle % 7 === 6 ? 3 : 1));
  const starts: number[] = [];
  const begin = clock.t;
  for (let cycle = 0; clock.t < begin + minutes * 60_000; cycle++) {
    const start = clock.t;
    starts.push(start - begin);
    pace.cycleStarted();
    sent.n += cost(cycle);
    clock.t += CYCLE_MS;
    clock.t = Math.max(clock.t + INTERVAL_MS, start + pace.cycleMs());
  }
  const gaps = starts.slice(1).map((start, i) => start - starts[i]!);
  return { starts, gaps, sent: sent.n - (options.before ?? 0) };
}

const inWindow = (starts: readonly number[], from: number, to: number) => starts.filter((t) => t >= from && t < to).length;

describe('request pace', () => {
  it('spaces the feed’s cycles evenly when some of them bring slow reads along, instead of stopping after those', () => {
    const { gaps } = simulate(5);
    const steady = gaps.slice(20);
    // Every seventh cycle costs three requests; the next cycle still comes about as soon as any other.
    expect(Math.max(...steady)).toBeLessThan(2_000);
    expect(Math.max(...steady) - Math.min(...steady)).toBeLessThan(600);
  });

  it('keeps the feed inside the budget over the platform’s five minutes, and uses most of it', () => {
    const { sent } = simulate(5);
    expect(sent / 5).toBeLessThanOrEqual(REQUEST_BUDGET_PER_MINUTE * STEADY_SHARE + 1);
    expect(sent / 5).toBeGreaterThan(REQUEST_BUDGET_PER_MINUTE * 0.85);
  });

  it('keeps the platform’s five minutes after a 46-request sign-in (what one at 10,000 ongoing cost before queue members came expanded) within our 5 % (300)', () => {
    const { sent } = simulate(5, { before: 46 });
    expect(46 + sent).toBeLessThanOrEqual(300);
  });

  it('after a sign-in’s whole read, however large, keeps polling a little slower until the debt is repaid', () => {
    const perMinute = (starts: readonly number[], minute: number) => inWindow(starts, minute * 60_000, (minute + 1) * 60_000);
    const steady = perMinute(simulate(6).starts, 5);
    const { starts, gaps } = simulate(6, { before: 303 }); // the first read at 50,000 ongoing
    expect(Math.max(...gaps)).toBeLessThan(3_000); // no half-minute stop after the sign-in
    // Slower while repaying, then back to the steady pace.
    expect(perMinute(starts, 0)).toBeGreaterThan(20);
    expect(perMinute(starts, 0)).toBeLessThan(steady * 0.95);
    expect(perMinute(starts, 5)).toBe(steady);
  });

  it('a burst of other requests (actions) slows the feed’s cycles; a quiet spell refills, never beyond the burst', () => {
    const clock = { t: 5_000_000 };
    const sent = { n: 0 };
    const pace = createRequestPace({ now: () => clock.t, requests: () => sent.n });
    const steady = pace.cycleMs();
    clock.t += 3_600_000; // an hour idle
    sent.n += REQUEST_BURST + 5;
    expect(pace.cycleMs()).toBeGreaterThan(steady);
    clock.t += 60_000;
    expect(pace.cycleMs()).toBe(steady);
  });
});

describe('poll scheduler under the request budget', () => {
  it('keeps the budget’s spacing from a cycle’s start when it is longer than the interval, also after a fault and after an action', () => {
    const clock = { t: 0 };
    const budget = { cycleMs: 0 };
    const timers: { run: () => void; ms: number }[] = [];
    const s = createPollScheduler({
      visibleIntervalMs: () => 1_000,
      cycleMs: () => budget.cycleMs,
      run: () => undefined,
      now: () => clock.t,
      schedule: (run, ms) => {
        timers.push({ run, ms });
        return () => undefined;
      },
      random: () => 0.5,
    });
    s.setDemand({ views: 1, visible: true });
    timers.at(-1)!.run(); // a cycle starts at 0 …
    clock.t = 400; // … and ends 400 ms later
    s.succeeded();
    expect(timers.at(-1)!.ms).toBe(1_000);
    budget.cycleMs = 2_400;
    s.succeeded();
    expect(timers.at(-1)!.ms).toBe(2_000);
    s.soon(500);
    expect(timers.at(-1)!.ms).toBe(2_000);
    expect(s.failed({ kind: 'http', status: 503, code: null, message: '', retryAt: null })).toBe(2_000);
  });
});
