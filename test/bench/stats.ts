/**
 * Small numeric helpers for the bench: percentiles (with misses, which sort above every measured value), spreads
 * and per-minute rates.
 */

/** A delay, or a miss: a change that was not seen within the limit. A miss is slower than any measured delay. */
export type Latency = number | 'miss';

const rank = (value: Latency) => (value === 'miss' ? Number.POSITIVE_INFINITY : value);

/** Nearest-rank percentile (p in 0..100); null when there are no values. */
export function percentile<T extends Latency>(values: readonly T[], p: number): T | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => rank(a) - rank(b));
  const index = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, index)) - 1]!;
}

export interface Distribution<T extends Latency = number> {
  p50: T | null;
  p95: T | null;
  max: T | null;
  samples: number;
}

export function distribution<T extends Latency>(values: readonly T[]): Distribution<T> {
  return { p50: percentile(values, 50), p95: percentile(values, 95), max: percentile(values, 100), samples: values.length };
}

/** The lowest and highest of some figures (one per run), misses above every number; null when there are none. */
export function spread(values: readonly (Latency | null)[]): { min: Latency; max: Latency } | null {
  const known = values.filter((value): value is Latency => value !== null);
  if (known.length === 0) return null;
  return { min: percentile(known, 0)!, max: percentile(known, 100)! };
}

/** `amount` spread over `ms` milliseconds, per minute. */
export const perMinute = (amount: number, ms: number): number => (ms > 0 ? (amount * 60_000) / ms : 0);

/** The documented service-protection budget: 6,000 requests per 5 minutes per user. */
const BUDGET_REQUESTS = 6_000;
const BUDGET_WINDOW_MINUTES = 5;

/** Requests per minute as a share (percent) of the per-user service-protection budget. */
export const budgetShare = (requestsPerMinute: number): number => (requestsPerMinute * BUDGET_WINDOW_MINUTES * 100) / BUDGET_REQUESTS;

/** A seeded pseudo-random generator (mulberry32): the same seed gives the same choices, run after run. */
export function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/** The wait before the next event of a Poisson stream with `perSecond` events a second (ms), from a uniform draw. */
export const poissonGapMs = (uniform: number, perSecond: number): number => (Math.log(1 / (1 - uniform)) * 1000) / perSecond;
