import { describe, expect, it } from 'vitest';
import { createFeedDemand, EXPECTED_VIEW_MS } from '../../../lib/worker/feed-demand';
import type { Demand } from '../../../lib/feed/poll-scheduler';

function setup(alerts = false) {
  let now = 1_000;
  let watching = alerts;
  const timers: Array<{ at: number; run: () => void }> = [];
  const applied: Demand[] = [];
  const demand = createFeedDemand({
    alertsWatching: () => watching,
    schedule: (run, ms) => void timers.push({ at: now + ms, run }),
    apply: (next) => void applied.push(next),
  });
  const advance = (ms: number) => {
    now += ms;
    for (const timer of timers.splice(0))
      if (timer.at <= now) timer.run();
      else timers.push(timer);
  };
  return { demand, applied, advance, setWatching: (on: boolean) => (watching = on) };
}

describe('what the feed is asked to serve', () => {
  it('reads for a workspace page that is loading before its overlay has connected, as for a visible view', () => {
    const { demand, applied } = setup();
    expect(demand.current()).toEqual({ views: 0, visible: false });
    demand.expectView();
    expect(applied.at(-1)).toEqual({ views: 1, visible: true });
    // The overlay connects: it is the view that was expected, not a second one.
    demand.views({ views: 1, visible: true });
    expect(applied.at(-1)).toEqual({ views: 1, visible: true });
    demand.views({ views: 0, visible: false });
    expect(applied.at(-1)).toEqual({ views: 0, visible: false });
  });

  it('stops reading for a page whose overlay never connects (turned off, or the page went elsewhere)', () => {
    const { demand, applied, advance } = setup();
    demand.expectView();
    advance(EXPECTED_VIEW_MS - 1);
    expect(demand.current().views).toBe(1);
    advance(1);
    expect(applied.at(-1)).toEqual({ views: 0, visible: false });
    // A second load's expectation is not cut short by the first one's lapse.
    demand.expectView();
    advance(EXPECTED_VIEW_MS / 2);
    demand.expectView();
    advance(EXPECTED_VIEW_MS / 2);
    expect(demand.current()).toEqual({ views: 1, visible: true });
    advance(EXPECTED_VIEW_MS / 2);
    expect(applied.at(-1)).toEqual({ views: 0, visible: false });
  });

  it('counts alerts as one hidden view, beside the views that are open', () => {
    const { demand, applied, setWatching } = setup(true);
    demand.views({ views: 2, visible: false });
    expect(applied.at(-1)).toEqual({ views: 3, visible: false });
    setWatching(false);
    demand.alertsChanged();
    expect(applied.at(-1)).toEqual({ views: 2, visible: false });
  });
});
