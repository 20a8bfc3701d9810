import { describe, expect, it } from 'vitest';
import { createPollScheduler, HIDDEN_INTERVAL_MS, PROBE_MS } from '../../../lib/feed/poll-scheduler';
import type { Failure } from '../../../lib/dataverse/result';

const INTERVAL_MS = 3_000;

function scheduler(random = () => 0.5) {
  const clock = { t: 1_000_000 };
  const timers: { ms: number; live: boolean }[] = [];
  let runs = 0;
  const s = createPollScheduler({
    visibleIntervalMs: () => INTERVAL_MS,
    run: () => void runs++,
    now: () => clock.t,
    schedule: (_run, ms) => {
      const timer = { ms, live: true };
      timers.push(timer);
      return () => void (timer.live = false);
    },
    random,
  });
  return {
    s,
    clock,
    /** The delay of the one live timer, or null when nothing is scheduled. */
    due: () => {
      const live = timers.filter((t) => t.live);
      expect(live.length).toBeLessThanOrEqual(1);
      return live[0]?.ms ?? null;
    },
    runs: () => runs,
  };
}

const fault = (kind: Failure['kind'], retryAt: number | null = null): Failure => ({ kind, status: null, code: null, message: '', retryAt });

describe('poll scheduler', () => {
  it('polls only while a view is open: the first one starts a cycle at once, then the interval follows', () => {
    const { s, due } = scheduler();
    s.runIn(0);
    expect(due()).toBeNull(); // no view, no polling
    s.setDemand({ views: 1, visible: true });
    expect(due()).toBe(0);
    s.succeeded();
    expect(due()).toBe(INTERVAL_MS);
    // The last view closes: the cycle already due still runs, and nothing follows it.
    s.setDemand({ views: 0, visible: false });
    s.succeeded();
    expect(due()).toBeNull();
  });

  it('slows down while no view is visible, without cutting a wait short', () => {
    const { s, due } = scheduler();
    s.setDemand({ views: 2, visible: true });
    s.setDemand({ views: 2, visible: false });
    expect(s.intervalMs()).toBe(HIDDEN_INTERVAL_MS);
    expect(due()).toBe(0); // the timer set for the visible view stands
    s.succeeded();
    expect(due()).toBe(HIDDEN_INTERVAL_MS);
  });

  it('waits exactly as long as Retry-After says, and keeps later polls out of that window', () => {
    const { s, due, clock } = scheduler();
    s.setDemand({ views: 1, visible: true });
    expect(s.failed(fault('throttled', clock.t + 42_000))).toBe(42_000);
    expect(due()).toBe(42_000);
    s.soon(500);
    expect(due()).toBe(42_000);
    clock.t += 40_000;
    s.succeeded();
    expect(due()).toBe(INTERVAL_MS);
  });

  it('backs off after faults, growing, never past one interval, and starts over after a success', () => {
    for (const random of [() => 0, () => 0.999]) {
      const { s } = scheduler(random);
      s.setDemand({ views: 1, visible: true });
      const delays = Array.from({ length: 10 }, () => s.failed(fault('http')));
      expect(Math.max(...delays)).toBeLessThanOrEqual(INTERVAL_MS);
      expect(Math.min(...delays)).toBeGreaterThanOrEqual(1_000);
      expect(delays[1]!).toBeGreaterThanOrEqual(delays[0]!);
      s.succeeded();
      expect(s.failed(fault('http'))).toBe(delays[0]);
    }
  });

  it('looks for a new sign-in every probe interval, and lets a re-check run at once', () => {
    const { s, due } = scheduler();
    s.setDemand({ views: 1, visible: true });
    expect(s.failed(fault('signedOut'))).toBe(PROBE_MS);
    s.asSoonAsAllowed();
    expect(due()).toBe(0);
  });

  it('stops while paused and runs at once on resume', () => {
    const { s, due } = scheduler();
    s.setDemand({ views: 1, visible: true });
    s.pause();
    expect(s.paused).toBe(true);
    expect(due()).toBeNull();
    s.succeeded();
    s.soon(500);
    expect(due()).toBeNull();
    s.resume();
    expect(due()).toBe(0);
  });
});
