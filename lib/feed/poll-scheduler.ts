import { backoffDelay, DEFAULT_BACKOFF, type BackoffPolicy } from '../dataverse/backoff';
import type { Failure } from '../dataverse/result';

/** How often a signed-out or org-less worker looks again (one small request). */
export const PROBE_MS = 15_000;
/** Poll interval floor while views are open but none is visible. */
export const HIDDEN_INTERVAL_MS = 30_000;

/**
 * After faults, the next try comes no later than one interval or this, whichever is longer: a short interval set
 * for freshness must not become a tight retry loop against a failing platform.
 */
export const FAULT_RETRY_MAX_MS = 3_000;

/** How many views (open panels) there are, and whether the user can see any of them. */
export interface Demand {
  views: number;
  visible: boolean;
}

export interface PollSchedulerDeps {
  /** The interval the settings ask for while a view is visible: the shortest gap between cycles. */
  visibleIntervalMs(): number;
  /** The request budget's spacing from one cycle's start to the next (lib/feed/request-pace.ts). */
  cycleMs?: () => number;
  /** Run one feed cycle. */
  run(): void;
  now: () => number;
  schedule: (run: () => void, ms: number) => () => void;
  random: () => number;
}

/**
 * When the next feed cycle runs: one timer that follows demand (a visible view: the set interval; hidden views:
 * slower; no view: none), spaced as the request budget allows, stops while the user pauses, backs off after
 * faults without ever waiting longer than an interval, and never sends anything inside the platform's Retry-After
 * window.
 */
export function createPollScheduler(deps: PollSchedulerDeps) {
  let demand: Demand = { views: 0, visible: false };
  let paused = false;
  let failures = 0;
  /** Before this time (epoch ms) the platform asked us to send nothing (Retry-After), or a fault is backing off. */
  let waitUntil = 0;
  let cancelTimer: (() => void) | null = null;
  let cycleStartedAt = -Infinity;

  const intervalMs = (): number => {
    const visibleMs = deps.visibleIntervalMs();
    return demand.visible || demand.views === 0 ? visibleMs : Math.max(HIDDEN_INTERVAL_MS, visibleMs);
  };
  /** How long until the budget allows the next cycle. */
  const budgetWait = (): number => cycleStartedAt + (deps.cycleMs?.() ?? 0) - deps.now();
  const delayAfterSuccess = (): number => Math.max(intervalMs(), waitUntil - deps.now(), budgetWait());

  /** One timer: the next cycle. Nothing is scheduled while paused or while no view is open. */
  function runIn(ms: number): void {
    cancelTimer?.();
    cancelTimer = null;
    if (paused || demand.views === 0) return;
    cancelTimer = deps.schedule(
      () => {
        cancelTimer = null;
        cycleStartedAt = deps.now();
        deps.run();
      },
      Math.max(0, ms),
    );
  }

  /**
   * Backoff never stretches past the poll interval (or FAULT_RETRY_MAX_MS): a failing poll costs the platform no
   * more than a healthy one, and the feed is live again soon after a fault ends. The jitter still spreads browsers.
   */
  const backoffPolicy = (): BackoffPolicy => {
    const maxMs = Math.max(intervalMs(), FAULT_RETRY_MAX_MS);
    return { baseMs: Math.min(DEFAULT_BACKOFF.baseMs, maxMs), maxMs };
  };

  return {
    intervalMs,
    get paused(): boolean {
      return paused;
    },
    /**
     * Views opened, closed, shown or hidden: a first view starts polling at once, a shorter interval (a view shown)
     * applies at once. Anything else leaves the next cycle where it is: views that come and go (even several times a
     * second) must never keep pushing it back.
     */
    setDemand(wanted: Demand): void {
      const wasIdle = demand.views === 0;
      const before = intervalMs();
      demand = wanted;
      if (wasIdle && demand.views > 0) runIn(0);
      else if (intervalMs() < before) runIn(delayAfterSuccess());
    },
    pause(): void {
      paused = true;
      cancelTimer?.();
      cancelTimer = null;
    },
    resume(): void {
      paused = false;
      runIn(0);
    },
    /** The next cycle in `ms` (a probe, a re-check later). */
    runIn,
    /** As soon as the platform allows: the user or org may have changed. */
    asSoonAsAllowed(): void {
      runIn(Math.max(0, waitUntil - deps.now()));
    },
    /** Sooner than the interval would (after an action), but never inside a Retry-After window or past the budget. */
    soon(delayMs: number): void {
      runIn(Math.max(delayMs, waitUntil - deps.now(), budgetWait()));
    },
    /** A cycle succeeded: the next one after the interval (or the platform's window, if longer). */
    succeeded(): void {
      failures = 0;
      runIn(delayAfterSuccess());
    },
    /** The settings changed: the interval may have too. */
    intervalChanged(): void {
      runIn(delayAfterSuccess());
    },
    /** A cycle failed: wait for Retry-After, for a sign-in probe, or back off. Returns the delay chosen. */
    failed(failure: Failure): number {
      failures++;
      const now = deps.now();
      let delay: number;
      if (failure.kind === 'throttled' && failure.retryAt) delay = failure.retryAt - now;
      else if (failure.kind === 'signedOut') delay = PROBE_MS;
      else
        delay = Math.max(backoffDelay(failures, backoffPolicy(), deps.random), failure.retryAt ? failure.retryAt - now : 0, budgetWait());
      // Only the platform's own window (Retry-After) holds back a re-check; a sign-in is looked for at once.
      waitUntil = failure.kind === 'signedOut' ? now : now + delay;
      runIn(delay);
      return delay;
    },
  };
}
export type PollScheduler = ReturnType<typeof createPollScheduler>;
