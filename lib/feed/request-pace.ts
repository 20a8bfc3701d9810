/**
 * The platform's service-protection budget is 6,000 requests per user in a sliding 5 minutes; one browser of ours
 * may use 5 % of it (60 a minute). The pace refills a little under that, so the burst it allows still averages
 * inside 60 a minute over the platform's window.
 */
export const REQUEST_BUDGET_PER_MINUTE = 54;
/** Requests that may go at once after a quiet spell (a full load, an action): a 5-minute average stays ≤ 60/min. */
export const REQUEST_BURST = 30;
/**
 * The share of the budget the feed's steady pace spends. The rest refills the bucket, so a cycle that brings slow
 * reads along (participants, presence, locks) is paid from it instead of stopping the feed for seconds after it.
 */
export const STEADY_SHARE = 0.95;
/** The share while a large read (a sign-in, a reconcile) is repaid: the feed goes on, a little slower, instead of not at all. */
const REPAYING_SHARE = 0.85;
/** A cycle's cost is at most this: a whole read is a debt to repay, not the price of every later cycle. */
const CYCLE_COST_LIMIT = 4;
/** How much the last cycle moves the average cost: slow reads come every few cycles, so several are averaged. */
const COST_WEIGHT = 0.2;

export interface RequestPaceDeps {
  now: () => number;
  /** Every request the extension has sent so far (feed, access, switches, locks, shared log, actions). */
  requests: () => number;
  budgetPerMinute?: number;
  burst?: number;
}

/**
 * A token bucket over everything the extension sends: it refills at the budget's rate, every request takes one
 * token, whoever sent it (the feed, a feature, an action). The feed's cycles are spaced evenly so that they spend a
 * share of the refill: the bucket's level only decides which share.
 */
export function createRequestPace(deps: RequestPaceDeps) {
  const perMs = (deps.budgetPerMinute ?? REQUEST_BUDGET_PER_MINUTE) / 60_000;
  const burst = deps.burst ?? REQUEST_BURST;
  let level = burst;
  let checkedAt = deps.now();
  let counted = deps.requests();
  let countedAtCycle = counted;
  let costPerCycle = 1;

  const settle = (): void => {
    const now = deps.now();
    const sent = deps.requests();
    // Debt is capped at one burst: a sign-in's whole read (95 requests at 10,000 ongoing, 303 at 50,000) would
    // otherwise hold the feed at the repaying pace for 5–20 minutes. A cycle's few requests never reach the cap, so
    // the steady pace is unchanged; the platform's own limit is twenty times our share.
    level = Math.max(-burst, Math.min(burst, level + (now - checkedAt) * perMs) - (sent - counted));
    checkedAt = now;
    counted = sent;
  };

  return {
    /** A feed cycle starts: the one before cost what was sent since it began (its reads, features', actions'). */
    cycleStarted(): void {
      const sent = deps.requests();
      const cost = Math.min(CYCLE_COST_LIMIT, Math.max(1, sent - countedAtCycle));
      countedAtCycle = sent;
      costPerCycle += COST_WEIGHT * (cost - costPerCycle);
    },
    /**
     * From one cycle's start to the next: cycles that cost what the recent ones did spend the steady share of the
     * budget, or the repaying share while in debt. Evenly spaced polls keep a change's wait short; waiting for the
     * bucket instead would poll at once and then stop for seconds (after a sign-in, for half a minute).
     */
    cycleMs(): number {
      settle();
      return Math.ceil(costPerCycle / (perMs * (level >= 1 ? STEADY_SHARE : REPAYING_SHARE)));
    },
  };
}
