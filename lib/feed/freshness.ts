import type { Freshness } from '../model/freshness';
import type { FailureKind } from '../dataverse/result';

/** Failing for longer than this with answers that are errors (not silence) turns "delayed" into "offline". */
export const OFFLINE_AFTER_MS = 60_000;

export const connecting = (intervalMs: number): Freshness => ({
  state: 'connecting',
  lastSuccessAt: null,
  failingSince: null,
  retryAt: null,
  intervalMs,
});

/**
 * A poll succeeded. If its answers took longer than two intervals (at least 5 s), what arrived was already that
 * old: "delayed", not "live", until the platform answers quickly again.
 */
export function succeeded(now: number, intervalMs: number, tookMs = 0): Freshness {
  const slow = tookMs > Math.max(2 * intervalMs, 5_000);
  return { state: slow ? 'delayed' : 'live', lastSuccessAt: now, failingSince: null, retryAt: null, intervalMs };
}

/**
 * A poll failed. The last good data stays in place; this says how far to trust it and when the next try is:
 * network → offline; errors and bad answers → delayed, offline once they last a minute; 429 → throttled until the
 * platform's time; 401 → signed out (no retry loop: polling waits for a new sign-in).
 */
export function failed(previous: Freshness, failure: FailureKind, now: number, retryAt: number | null): Freshness {
  const failingSince = previous.failingSince ?? now;
  const base = { lastSuccessAt: previous.lastSuccessAt, failingSince, retryAt, intervalMs: previous.intervalMs };
  switch (failure) {
    case 'signedOut':
      return { ...base, state: 'signedOut', retryAt: null };
    case 'throttled':
      return { ...base, state: 'throttled' };
    case 'network':
      return { ...base, state: 'offline' };
    case 'http':
    case 'malformed':
      return { ...base, state: now - failingSince >= OFFLINE_AFTER_MS ? 'offline' : 'delayed' };
  }
}

/** Nothing has failed, but no poll has succeeded for a while (a slow platform): say so rather than look live. */
export function aged(current: Freshness, now: number): Freshness {
  if (current.state !== 'live' || current.lastSuccessAt === null) return current;
  return now - current.lastSuccessAt > Math.max(3 * current.intervalMs, 10_000) ? { ...current, state: 'delayed' } : current;
}

export const paused = (current: Freshness): Freshness => ({ ...current, state: 'paused', retryAt: null });

export function withInterval(current: Freshness, intervalMs: number): Freshness {
  return current.intervalMs === intervalMs ? current : { ...current, intervalMs };
}
