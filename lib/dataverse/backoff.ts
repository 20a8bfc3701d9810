/**
 * When to try again after a 5xx or a network failure: exponential with "equal jitter" (half fixed, half random),
 * so many browsers recovering from the same outage do not return in lockstep. Pure scheduling data; the caller
 * (the poller) decides whether and when to use it. Retry-After, when present, always wins over this.
 */
export interface BackoffPolicy {
  baseMs: number;
  maxMs: number;
}

export const DEFAULT_BACKOFF: BackoffPolicy = { baseMs: 2_000, maxMs: 60_000 };

export function backoffDelay(
  consecutiveFailures: number,
  policy: BackoffPolicy = DEFAULT_BACKOFF,
  random: () => number = Math.random,
): number {
  if (consecutiveFailures <= 0) return 0;
  const ceiling = Math.min(policy.maxMs, policy.baseMs * 2 ** Math.min(consecutiveFailures - 1, 30));
  return Math.round(ceiling / 2 + random() * (ceiling / 2));
}
