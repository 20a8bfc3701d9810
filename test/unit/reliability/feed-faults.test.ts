import { describe, expect, it } from 'vitest';
import { FeedController } from '../../../lib/feed/feed-controller';
import { FAULT_RETRY_MAX_MS } from '../../../lib/feed/poll-scheduler';
import { OFFLINE_AFTER_MS } from '../../../lib/feed/freshness';
import { createCounters } from '../../../lib/dataverse/counters';
import type { DataverseOutcome, DataverseTransport } from '../../../lib/dataverse/transport';
import type { Freshness } from '../../../lib/model/freshness';
import { DEFAULT_SETTINGS } from '../../../lib/model/settings';

const ORG = 'https://contoso.crm4.dynamics.com';
const INTERVAL_MS = DEFAULT_SETTINGS.pollIntervalSeconds * 1000;

/**
 * A platform that answers every request with the same fault, and a clock and timer the test steps by hand: what the
 * feed schedules next, and what it tells the views, through a long outage.
 */
function outage(answer: (now: number) => DataverseOutcome, random: () => number) {
  const clock = { now: 1_000_000 };
  const sent: number[] = [];
  let next: { run: () => void; ms: number } | null = null;
  let freshness: Freshness | null = null;
  const transport: DataverseTransport = {
    org: ORG,
    send: async () => {
      sent.push(clock.now);
      return answer(clock.now);
    },
  };
  const feed = new FeedController({
    resolveOrg: async () => ORG,
    isOrgBlocked: () => false,
    transportFor: () => transport,
    settings: () => ({ values: DEFAULT_SETTINGS, managedKeys: [], policyIssues: [] }),
    counters: createCounters(),
    storage: { load: async () => null, save: async () => undefined },
    publish: (patch) => void (patch.freshness && (freshness = patch.freshness)),
    now: () => clock.now,
    // Only the cycle timer is followed; the aging check (3 intervals or 10 s) is not a retry.
    schedule: (run, ms) => {
      if (ms !== Math.max(3 * INTERVAL_MS, 10_000) + 1) next = { run, ms };
      return () => undefined;
    },
    random,
    log: () => undefined,
  });
  return {
    sent,
    freshness: () => freshness,
    async start() {
      await feed.start();
      feed.setDemand({ views: 1, visible: true });
    },
    /** Let time pass to the next scheduled cycle and run it; returns the delay it was scheduled with. */
    async step(): Promise<number> {
      const due = next!;
      next = null;
      clock.now += due.ms;
      due.run();
      for (let i = 0; i < 20; i++) await new Promise((resolve) => setTimeout(resolve, 0));
      return due.ms;
    },
  };
}

const failure = (
  kind: 'http' | 'network' | 'malformed' | 'throttled',
  status: number | null,
  retryAt: number | null = null,
): DataverseOutcome => ({ ok: false, kind, status, code: null, message: 'fault', retryAt });

describe('the feed through a long outage', () => {
  for (const random of [() => 0, () => 0.999]) {
    it(`retries no later than one poll interval (or the fault ceiling), whatever the jitter (${random()})`, async () => {
      const org = outage(() => failure('http', 503), random);
      await org.start();
      await org.step();
      const delays: number[] = [];
      for (let i = 0; i < 50; i++) delays.push(await org.step());
      expect(Math.max(...delays)).toBeLessThanOrEqual(Math.max(INTERVAL_MS, FAULT_RETRY_MAX_MS));
      // Still a backoff: never a tight loop.
      expect(Math.min(...delays)).toBeGreaterThanOrEqual(1_000);
      // The whole outage is past a minute by now: errors that last say "offline", with the time it began.
      expect(org.freshness()).toMatchObject({ state: 'offline', failingSince: 1_000_000 });
    });
  }

  it('says "delayed" for a short burst of errors and "offline" for dropped connections', async () => {
    const burst = outage(
      () => failure('malformed', 200),
      () => 0.5,
    );
    await burst.start();
    await burst.step();
    expect(burst.freshness()?.state).toBe('delayed');
    const dropped = outage(
      () => failure('network', null),
      () => 0.5,
    );
    await dropped.start();
    await dropped.step();
    expect(dropped.freshness()?.state).toBe('offline');
    expect(OFFLINE_AFTER_MS).toBeGreaterThan(INTERVAL_MS);
  });

  it('sends nothing inside a Retry-After window, then tries again the moment it ends', async () => {
    const windowMs = 17_000;
    const org = outage(
      (now) => failure('throttled', 429, now + windowMs),
      () => 0.5,
    );
    await org.start();
    await org.step();
    expect(org.freshness()).toMatchObject({ state: 'throttled', retryAt: 1_000_000 + windowMs });
    const before = org.sent.length;
    expect(await org.step()).toBe(windowMs);
    expect(org.sent.length).toBe(before + 1);
    expect(org.sent.at(-1)! - org.sent.at(-2)!).toBe(windowMs);
  });
});
