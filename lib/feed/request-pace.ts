/**
 * The platform's service-protection budget is 6,000 requests per user in a sliding 5 minutes; one browser of ours
 * may use 5 % of it (60 a minute). The pace refills a little under that, so the burst it allows still averages
 * inside 60 a minute over the platform's window.
 */
export const REQUEST_BUDGET_PER_MINUTE = 54;
/** Requests that may go at once after a quiet spell (a full load, an action): a 5-minute average stays ≤ 60/min. */
export const REQUEST_BURST = 30;

export interface RequestPaceDeps {
  now: () => number;
  /** Every request the extension has sent so far (feed, access, switches, locks, shared log, actions). */
  requests: () => number;
  budgetPerMinute?: number;
  burst?: number;
}

/**
 * A token bucket over everything the extension sends: it refills at the budget's rate, every request takes one
 * token, whoever sent it (the feed, a feature, an action). The feed asks how long to wait until one more request
 * fits; so cheap cycles run often, and a cycle that brought other reads with it is followed by a longer wait.
 */
export function createRequestPace(deps: RequestPaceDeps) {
  const perMs = (deps.budgetPerMinute ?? REQUEST_BUDGET_PER_MINUTE) / 60_000;
  const burst = deps.burst ?? REQUEST_BURST;
  let level = burst;
  let checkedAt = deps.now();
  let counted = deps.requests();

  const settle = (): void => {
    const now = deps.now();
    const sent = deps.requests();
    // Debt is capped at one burst: a sign-in's whole read (95 requests at 10,000 ongoing, 303 at 50,000) would
    // otherwise stop the feed for 1–5 minutes right after the list appears. A cycle's few requests never reach the cap,
    // so the steady pace is unchanged; the platform's own limit is twenty times our share.
    level = Math.max(-burst, Math.min(burst, level + (now - checkedAt) * perMs) - (sent - counted));
    checkedAt = now;
    counted = sent;
  };

  return {
    /** How long until one more request fits the budget (0: now). */
    waitMs(): number {
      settle();
      return level >= 1 ? 0 : Math.ceil((1 - level) / perMs);
    },
  };
}
