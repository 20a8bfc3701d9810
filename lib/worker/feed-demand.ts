import type { Demand } from '../feed/poll-scheduler';

/** How long a workspace page that has started loading counts as an open view, if its overlay has not connected by then. */
export const EXPECTED_VIEW_MS = 15_000;

export interface FeedDemandDeps {
  /** Whether alerts want the feed polled with no view open. */
  alertsWatching(): boolean;
  schedule(run: () => void, ms: number): void;
  /** The demand changed (or may have): hand it to the feed. */
  apply(demand: Demand): void;
}

/**
 * What the feed is asked to serve: the open views; one hidden view more while alerts watch; and one visible view
 * from the moment a workspace page with the overlay commits until its overlay connects. The overlay is placed when
 * the page is idle, which in a real workspace is seconds after it committed: the list is read meanwhile, not after.
 */
export function createFeedDemand(deps: FeedDemandDeps) {
  let views: Demand = { views: 0, visible: false };
  /** The newest expectation still waiting for its view; each lapses on its own timer unless a newer one came. */
  let expecting: object | null = null;
  const current = (): Demand => {
    const expected = expecting !== null;
    return { views: views.views + (deps.alertsWatching() ? 1 : 0) + (expected ? 1 : 0), visible: views.visible || expected };
  };
  const apply = () => deps.apply(current());
  return {
    current,
    /** The views open now (the view hub's count). One that connects is the one expected. */
    views(next: Demand): void {
      views = next;
      if (next.views > 0) expecting = null;
      apply();
    },
    /** A workspace page with the overlay has committed: its overlay will connect soon. */
    expectView(): void {
      const mine = {};
      expecting = mine;
      apply();
      deps.schedule(() => {
        if (expecting !== mine) return;
        expecting = null;
        apply();
      }, EXPECTED_VIEW_MS);
    },
    /** The alert preferences changed. */
    alertsChanged: apply,
  };
}
