import { describe, expect, it } from 'vitest';
import { createRequestPace, REQUEST_BUDGET_PER_MINUTE, REQUEST_BURST } from '../../../lib/feed/request-pace';
import { createPollScheduler } from '../../../lib/feed/poll-scheduler';

function paced() {
  const clock = { t: 5_000_000 };
  const sent = { n: 0 };
  const pace = createRequestPace({ now: () => clock.t, requests: () => sent.n });
  return { pace, clock, sent };
}

describe('request pace', () => {
  it('lets a burst go at once, then spaces requests at the budget rate, whoever sent them', () => {
    const { pace, clock, sent } = paced();
    expect(pace.waitMs()).toBe(0);
    sent.n += REQUEST_BURST; // a full load
    const spacing = 60_000 / REQUEST_BUDGET_PER_MINUTE;
    expect(pace.waitMs()).toBe(Math.ceil(spacing));
    clock.t += Math.ceil(spacing);
    expect(pace.waitMs()).toBe(0);
    sent.n += 3; // a poll that read three tables: three requests' worth of waiting
    expect(pace.waitMs()).toBeGreaterThanOrEqual(Math.floor(3 * spacing) - 1);
  });

  it('keeps a feed that polls as soon as allowed inside the budget over the platform’s five minutes', () => {
    const { pace, clock, sent } = paced();
    let polls = 0;
    const end = clock.t + 300_000;
    while (clock.t < end) {
      clock.t += Math.max(1_000, pace.waitMs()); // a 1 s floor, then whatever the budget says
      sent.n += polls % 6 === 0 ? 2 : 1; // some polls bring a second read along
      polls++;
    }
    expect(sent.n / 5).toBeLessThanOrEqual(60);
    expect(sent.n / 5).toBeGreaterThan(REQUEST_BUDGET_PER_MINUTE * 0.9); // and uses it: not idle
  });

  it('after a sign-in’s whole read, however large, the feed waits at most one burst’s refill, not minutes', () => {
    const { pace, sent } = paced();
    sent.n += 303; // the first read at 50,000 ongoing
    const refill = (60_000 / REQUEST_BUDGET_PER_MINUTE) * (REQUEST_BURST + 1);
    expect(pace.waitMs()).toBeGreaterThan(refill - 1_000);
    expect(pace.waitMs()).toBeLessThanOrEqual(Math.ceil(refill));
  });

  it('refills while idle, never beyond the burst', () => {
    const { pace, clock, sent } = paced();
    clock.t += 3_600_000;
    sent.n += REQUEST_BURST;
    expect(pace.waitMs()).toBeGreaterThan(0);
  });
});

describe('poll scheduler under the request budget', () => {
  it('waits for the budget when it is longer than the interval, also after a fault and after an action', () => {
    const budget = { waitMs: 0 };
    const timers: number[] = [];
    const s = createPollScheduler({
      visibleIntervalMs: () => 1_000,
      budgetWaitMs: () => budget.waitMs,
      run: () => undefined,
      now: () => 0,
      schedule: (_run, ms) => {
        timers.push(ms);
        return () => undefined;
      },
      random: () => 0.5,
    });
    s.setDemand({ views: 1, visible: true });
    s.succeeded();
    expect(timers.at(-1)).toBe(1_000);
    budget.waitMs = 2_400;
    s.succeeded();
    expect(timers.at(-1)).toBe(2_400);
    s.soon(500);
    expect(timers.at(-1)).toBe(2_400);
    expect(s.failed({ kind: 'http', status: 503, code: null, message: '', retryAt: null })).toBe(2_400);
  });
});
