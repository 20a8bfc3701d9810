import { describe, expect, it } from 'vitest';
import * as fresh from '../../../lib/feed/freshness';

describe('freshness', () => {
  const live = fresh.succeeded(1_000, 3_000);

  it('turns live into delayed when no poll has succeeded for three intervals, even without an error', () => {
    expect(fresh.aged(live, 10_000).state).toBe('live');
    expect(fresh.aged(live, 11_001)).toMatchObject({ state: 'delayed', lastSuccessAt: 1_000 });
  });

  it('says what failed and since when, keeping the last success', () => {
    const offline = fresh.failed(live, 'network', 5_000, 7_000);
    expect(offline).toEqual({ state: 'offline', lastSuccessAt: 1_000, failingSince: 5_000, retryAt: 7_000, intervalMs: 3_000 });
    expect(fresh.failed(offline, 'throttled', 6_000, 60_000)).toMatchObject({ state: 'throttled', failingSince: 5_000, retryAt: 60_000 });
    expect(fresh.failed(live, 'signedOut', 5_000, 9_000)).toMatchObject({ state: 'signedOut', retryAt: null });
    const delayed = fresh.failed(live, 'http', 5_000, 8_000);
    expect(delayed.state).toBe('delayed');
    expect(fresh.failed(delayed, 'malformed', 5_000 + fresh.OFFLINE_AFTER_MS, 80_000).state).toBe('offline');
  });

  it('calls a successful but slow poll delayed: its data was already that old when it arrived', () => {
    expect(fresh.succeeded(20_000, 3_000, 900).state).toBe('live');
    expect(fresh.succeeded(20_000, 3_000, 10_000)).toMatchObject({ state: 'delayed', lastSuccessAt: 20_000, failingSince: null });
  });
});
