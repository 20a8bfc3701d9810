/** Small numeric helpers for the bench: percentiles and per-minute rates. */

/** Nearest-rank percentile (p in 0..100) of the values; null when there are none. */
export function percentile(values: readonly number[], p: number): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1]!;
}

export interface Distribution {
  p50: number | null;
  p95: number | null;
  max: number | null;
  samples: number;
}

export function distribution(values: readonly number[]): Distribution {
  return { p50: percentile(values, 50), p95: percentile(values, 95), max: percentile(values, 100), samples: values.length };
}

/** `amount` spread over `ms` milliseconds, per minute. */
export const perMinute = (amount: number, ms: number): number => (ms > 0 ? (amount * 60_000) / ms : 0);

/** The documented service-protection budget: 6,000 requests per 5 minutes per user (docs/platform.md#service-protection). */
const BUDGET_REQUESTS = 6_000;
const BUDGET_WINDOW_MINUTES = 5;

/** Requests per minute as a share (percent) of the per-user service-protection budget. */
export const budgetShare = (requestsPerMinute: number): number => (requestsPerMinute * BUDGET_WINDOW_MINUTES * 100) / BUDGET_REQUESTS;
