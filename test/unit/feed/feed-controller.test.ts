import { describe, expect, it } from 'vitest';
import { FeedController, type FeedControllerDeps } from '../../../lib/feed/feed-controller';
import { PackedTooLarge } from '../../../lib/storage/packed';
import { SAVE_EVERY_MS } from '../../../lib/storage/save-pace';
import { createCounters } from '../../../lib/dataverse/counters';
import type { DataverseOutcome } from '../../../lib/dataverse/transport';
import type { FeedPatch } from '../../../lib/model/feed-state';
import { DEFAULT_SETTINGS } from '../../../lib/model/settings';
import { ORG, platform, raw, scheduler, settle, storage } from './fake-org';
import { id } from './fixtures';

/*
 * The controller wires the access monitor, picture sync and the poll scheduler (each has its own tests): these check
 * the cycle they make together, as the worker and the views see it.
 */

function controller(
  p: ReturnType<typeof platform>,
  timers: ReturnType<typeof scheduler>,
  store = storage(),
  now = { t: 1_000_000 },
  policy = { blocked: false },
  where = { org: ORG as string | null },
) {
  const patches: FeedPatch[] = [];
  const deps: FeedControllerDeps = {
    resolveOrg: async () => where.org,
    isOrgBlocked: () => policy.blocked,
    transportFor: () => p.transport,
    // A user who set 3 s: long enough for the backoff below to grow within it.
    settings: () => ({ values: { ...DEFAULT_SETTINGS, pollIntervalSeconds: 3 }, managedKeys: [], policyIssues: [] }),
    counters: createCounters(),
    storage: store,
    publish: (patch) => patches.push(patch),
    now: () => now.t,
    schedule: (run, ms) => timers.schedule(run, ms),
    random: () => 0.5,
    log: () => undefined,
  };
  return { feed: new FeedController(deps), patches, store, now, policy, where, counters: deps.counters };
}

/** A controller with one visible view, after its first cycle (role check and full load). */
async function running(p = platform(), demand = { views: 1, visible: true }) {
  const timers = scheduler();
  const made = controller(p, timers);
  await made.feed.start();
  made.feed.setDemand(demand);
  await timers.fire();
  await settle();
  return { ...made, p, timers };
}

describe('feed controller', () => {
  it('checks the role, loads everything, then polls incrementally at the interval', async () => {
    const p = platform();
    const timers = scheduler();
    const { feed } = controller(p, timers);
    await feed.start();
    expect(timers.pending()).toHaveLength(0); // no view, no polling
    feed.setDemand({ views: 1, visible: true });
    await timers.fire();
    await settle();
    const state = feed.snapshot();
    expect(state.access.state).toBe('supervisor');
    expect(state.freshness).toMatchObject({ state: 'live', lastSuccessAt: 1_000_000, intervalMs: 3_000 });
    expect(state.conversations.map((c) => c.id)).toEqual([id(1), id(2)]);
    expect(timers.pending().at(-1)!.ms).toBe(3_000);

    p.state.changed = [
      raw(1, { '@odata.etag': 'W/"101"', statecode: 1, statuscode: 4, modifiedon: '2026-01-01T10:01:00Z' }),
      raw(3, { '@odata.etag': 'W/"101"' }),
    ];
    p.sent.length = 0;
    await timers.fire();
    await settle();
    expect(
      feed
        .snapshot()
        .conversations.map((c) => c.id)
        .sort(),
    ).toEqual([id(2), id(3)]);
    expect(p.sent.filter((path) => path.includes('statecode eq 0'))).toEqual([]);
    expect(p.sent.some((path) => path.startsWith('msdyn_ocliveworkitems') && path.includes('modifiedon ge 2026-01-01T10:00:00Z'))).toBe(
      true,
    );
  });

  it('on 429 keeps the data, says throttled until the platform’s time and waits exactly that long', async () => {
    const { feed, now, p, timers } = await running();
    now.t += 3_000;
    p.state.next.push({ ok: false, kind: 'throttled', status: 429, code: '0x80072322', message: 'Too many', retryAt: now.t + 42_000 });
    await timers.fire();
    await settle();
    expect(feed.snapshot().freshness).toMatchObject({ state: 'throttled', retryAt: now.t + 42_000, lastSuccessAt: 1_000_000 });
    expect(feed.snapshot().conversations).toHaveLength(2);
    expect(timers.pending().at(-1)!.ms).toBe(42_000);
  });

  it('on server errors says delayed, then offline after a minute, backs off, and recovers', async () => {
    const { feed, now, p, timers } = await running();
    const error: DataverseOutcome = { ok: false, kind: 'http', status: 503, code: null, message: 'Unavailable', retryAt: null };
    now.t += 3_000;
    p.state.next.push(error);
    await timers.fire();
    await settle();
    expect(feed.snapshot().freshness).toMatchObject({ state: 'delayed', failingSince: now.t });
    const firstDelay = timers.pending().at(-1)!.ms;
    now.t += 61_000;
    p.state.next.push(error);
    await timers.fire();
    await settle();
    expect(feed.snapshot().freshness.state).toBe('offline');
    expect(timers.pending().at(-1)!.ms).toBeGreaterThan(firstDelay);
    now.t += 5_000;
    await timers.fire();
    await settle();
    expect(feed.snapshot().freshness).toMatchObject({ state: 'live', failingSince: null });
    expect(feed.snapshot().conversations).toHaveLength(2);
  });

  it('a new worker resumes from storage.session: snapshot at once, no role check, no full reload', async () => {
    const p = platform();
    const store = storage();
    const timersA = scheduler();
    const a = controller(p, timersA, store);
    await a.feed.start();
    a.feed.setDemand({ views: 1, visible: true });
    await timersA.fire();
    await settle();
    expect(a.feed.snapshot().conversations).toHaveLength(2);
    a.now.t += 3_000; // the poll after the whole read saves it
    await timersA.fire();
    await settle();

    const timersB = scheduler();
    const b = controller(p, timersB, store, { t: 1_010_000 });
    await b.feed.start();
    expect(b.feed.snapshot().conversations.map((c) => c.id)).toEqual([id(1), id(2)]);
    expect(b.feed.snapshot().access.state).toBe('supervisor');
    p.sent.length = 0;
    b.feed.setDemand({ views: 1, visible: true });
    await timersB.fire();
    await settle();
    expect(p.sent.some((path) => path === 'WhoAmI()')).toBe(false);
    expect(p.sent.some((path) => path.includes('statecode eq 0'))).toBe(false); // neither conversations nor queues re-read
    expect(p.sent.some((path) => path.includes('modifiedon ge'))).toBe(true);
    expect(b.feed.snapshot().freshness.state).toBe('live');
  });

  it('saves the picture for a restarted worker with the poll after the whole read, then at most once a minute', async () => {
    const p = platform();
    const timers = scheduler();
    const store = storage();
    let saves = 0;
    const counted = { load: store.load, save: (value: Parameters<typeof store.save>[0]) => (saves++, store.save(value)) };
    const { feed, now } = controller(p, timers, counted);
    await feed.start();
    feed.setDemand({ views: 1, visible: true });
    await timers.fire();
    await settle();
    expect(saves).toBe(0); // not while the views draw the list the whole read sent
    now.t += 3_000;
    await timers.fire();
    await settle();
    expect(saves).toBe(1);
    for (let poll = 0; poll < 5; poll++) {
      now.t += 5_000;
      await timers.fire();
      await settle();
    }
    expect(p.sent.filter((path) => path.includes('modifiedon ge')).length).toBeGreaterThanOrEqual(5);
    expect(saves).toBe(1);
    now.t += SAVE_EVERY_MS;
    await timers.fire();
    await settle();
    expect(saves).toBe(2);
  });

  it('does not pack the picture again once the store refused it as too large, until the list is smaller', async () => {
    const p = platform();
    p.state.ongoing = Array.from({ length: 10 }, (_, i) => raw(i + 1));
    const timers = scheduler();
    let tries = 0;
    const refusing = {
      load: async () => null,
      save: async () => {
        tries++;
        throw new PackedTooLarge(8_000_000, 7_500_000);
      },
    };
    const { feed, now } = controller(p, timers, refusing);
    await feed.start();
    feed.setDemand({ views: 1, visible: true });
    await timers.fire();
    await settle();
    now.t += 3_000;
    await timers.fire();
    await settle();
    expect(tries).toBe(1);
    for (let minute = 0; minute < 3; minute++) {
      now.t += SAVE_EVERY_MS;
      await timers.fire();
      await settle();
    }
    expect(tries).toBe(1);
    // Nine of the ten close: the smaller picture is tried again.
    p.state.changed = Array.from({ length: 9 }, (_, i) =>
      raw(i + 2, { '@odata.etag': 'W/"101"', statecode: 1, statuscode: 4, modifiedon: '2026-01-01T10:01:00Z' }),
    );
    now.t += SAVE_EVERY_MS;
    await timers.fire();
    await settle();
    expect(feed.snapshot().conversations).toHaveLength(1);
    expect(tries).toBe(2);
  });

  it('times the next poll without waiting for the picture to be saved (packing it takes the worker a while)', async () => {
    const p = platform();
    const timers = scheduler();
    const store = storage();
    const saving = { load: store.load, save: () => new Promise<undefined>(() => undefined) };
    const { feed, now } = controller(p, timers, saving);
    await feed.start();
    feed.setDemand({ views: 1, visible: true });
    await timers.fire();
    await settle();
    for (let poll = 0; poll < 3; poll++) {
      now.t += 5_000;
      await timers.fire();
      await settle();
    }
    expect(p.sent.filter((path) => path.includes('modifiedon ge')).length).toBeGreaterThanOrEqual(3);
    expect(feed.snapshot().freshness.state).toBe('live');
  });

  it('runs a manual refresh once however often it is asked, and pauses on request', async () => {
    const { feed, patches, p, timers } = await running();
    p.sent.length = 0;
    await Promise.all([feed.refresh(), feed.refresh(), feed.refresh()]);
    expect(p.sent.filter((path) => path.startsWith('msdyn_ocliveworkitems') && path.includes('statecode eq 0'))).toHaveLength(1);
    // The org's switches come with it, though the role check read them a moment ago.
    expect(p.sent.filter((path) => path.startsWith('msdyn_omnichannelconfigurations'))).toHaveLength(1);
    feed.pause();
    expect(timers.pending()).toHaveLength(0);
    expect(feed.snapshot()).toMatchObject({ paused: true, freshness: { state: 'paused' } });
    expect(patches.at(-1)).toEqual({ paused: true });
  });

  it('reads the org whole as soon as allowed when told it changed during a cycle, not after the interval or the budget', async () => {
    const { feed, p, timers, counters } = await running();
    // The org's new version is read while an incremental poll is under way, after a burst (the new org's discovery)
    // spent the request budget: the whole read still goes at once, as the platform allows it.
    const send = p.transport.send.bind(p.transport);
    let told = false;
    p.transport.send = (request) => {
      if (!told) {
        counters.requests += 100;
        feed.reloadWhole();
      }
      told = true;
      return send(request);
    };
    await timers.fire();
    await settle();
    expect(timers.pending().at(-1)!.ms).toBe(0);
    p.sent.length = 0;
    await timers.fire();
    await settle();
    expect(p.sent.filter((path) => path.startsWith('msdyn_ocliveworkitems') && path.includes('statecode eq 0'))).toHaveLength(1);
  });

  it('says at once that no org is in use when its workspace closes, even with the request budget spent', async () => {
    const { feed, timers, counters, where, p } = await running();
    counters.requests += 100; // a burst of actions spent the budget: the next poll waits for it
    await timers.fire();
    await settle();
    const next = timers.pending().at(-1)!.ms;
    expect(next).toBeGreaterThan(0);
    await feed.orgSourcesChanged(); // a tab closed that was not the org's: nothing changes, nothing is sent
    expect(timers.pending().at(-1)!.ms).toBe(next);
    where.org = null;
    await feed.orgSourcesChanged();
    expect(timers.pending().at(-1)!.ms).toBe(0);
    p.sent.length = 0;
    await timers.fire();
    await settle();
    expect(feed.snapshot()).toMatchObject({ access: { state: 'noOrg', org: null }, conversations: [] });
    expect(p.sent).toEqual([]);
  });

  it('slows down while no view is visible', async () => {
    const { feed, timers } = await running(platform(), { views: 2, visible: false });
    expect(timers.pending().at(-1)!.ms).toBe(30_000);
    expect(feed.snapshot().freshness.intervalMs).toBe(30_000);
  });
});
