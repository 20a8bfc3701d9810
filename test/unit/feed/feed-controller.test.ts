import { describe, expect, it } from 'vitest';
import { FeedController, type FeedControllerDeps } from '../../../lib/feed/feed-controller';
import { createCounters } from '../../../lib/dataverse/counters';
import type { DataverseOutcome, DataverseRequest, DataverseTransport } from '../../../lib/dataverse/transport';
import type { FeedPatch } from '../../../lib/model/feed-state';
import { DEFAULT_SETTINGS } from '../../../lib/model/settings';
import { id, Q1, session } from './fixtures';

const ORG = 'https://contoso.crm4.dynamics.com';
const WORKSTREAM = '00000000-0000-4000-8000-0000000000c1';
const USER = '00000000-0000-4000-8000-000000000001';
const ok = (body: unknown): DataverseOutcome => ({ ok: true, status: 200, body, headers: {} });

const raw = (n: number, change: Record<string, unknown> = {}) => ({
  '@odata.etag': 'W/"100"', activityid: id(n), subject: `Conversation ${n}`, statecode: 0, statuscode: 1, msdyn_channel: '192360000',
  _msdyn_cdsqueueid_value: Q1, _msdyn_lastsessionid_value: session(n), createdon: '2026-01-01T10:00:00Z', modifiedon: '2026-01-01T10:00:00Z', ...change,
});

/** An org in memory: answers every request the feed makes; `next` overrides one answer. */
function platform() {
  const state = {
    switches: {} as Record<string, boolean>, ongoing: [raw(1), raw(2)], changed: [] as unknown[], next: [] as DataverseOutcome[], tracking: false, delta: [] as unknown[],
    /** Fails the first request whose path matches, once. */
    failOnce: null as ((path: string) => boolean) | null,
  };
  const sent: string[] = [];
  const transport: DataverseTransport = {
    org: ORG,
    async send(request: DataverseRequest) {
      const path = decodeURIComponent(request.path);
      sent.push(path);
      const forced = state.next.shift();
      if (forced) return forced;
      if (state.failOnce?.(path)) {
        state.failOnce = null;
        return { ok: false, kind: 'network', status: null, code: null, message: 'connection reset', retryAt: null };
      }
      if (path === 'WhoAmI()') return ok({ UserId: USER, BusinessUnitId: USER, OrganizationId: USER });
      if (path.startsWith(`systemusers(${USER})?`)) return ok({ fullname: 'Sofia', azureactivedirectoryobjectid: null });
      if (path.includes('systemuserroles_association')) return ok({ value: [{ name: 'Omnichannel supervisor' }] });
      if (path.startsWith('msdyn_omnichannelconfigurations')) return ok({ value: [state.switches] });
      if (path.includes('queuemembership_association') && path.startsWith('systemusers')) return ok({ value: [{ queueid: Q1, name: 'Billing', msdyn_queuetype: 192350000 }] });
      if (path.startsWith('msdyn_liveworkstreams')) return ok({ value: [{ msdyn_liveworkstreamid: WORKSTREAM, msdyn_capacityrequired: 2, msdyn_allowedpresences: '192360000,192360001' }] });
      if (path.startsWith('queues?')) return ok({ value: [{ queueid: Q1, name: 'Billing', msdyn_queuetype: 192350000 }] });
      if (path.startsWith('msdyn_ocliveworkitems') && path.includes('statecode eq 0')) return ok({ value: state.ongoing });
      if (state.tracking && request.headers?.Prefer === 'odata.track-changes') return ok({ value: state.ongoing, '@odata.deltaLink': `${ORG}/api/data/v9.2/msdyn_ocliveworkitems?$deltatoken=1` });
      if (path.includes('$deltatoken=1')) return ok({ value: state.delta, '@odata.deltaLink': `${ORG}/api/data/v9.2/msdyn_ocliveworkitems?$deltatoken=1` });
      if (path.startsWith('msdyn_ocliveworkitems') && path.includes('modifiedon ge')) return ok({ value: state.changed });
      if (path.includes('$top=1')) return ok({ value: [{ modifiedon: '2026-01-01T09:00:00Z' }] });
      return ok({ value: [] });
    },
  };
  return { state, sent, transport };
}

function scheduler() {
  const timers: { run: () => void; ms: number; live: boolean }[] = [];
  return {
    timers,
    schedule(run: () => void, ms: number) {
      const timer = { run, ms, live: true };
      timers.push(timer);
      return () => void (timer.live = false);
    },
    /** The cycle timer due next (the one scheduled last and still live, ignoring the aging check). */
    pending() {
      return timers.filter((t) => t.live && t.ms !== 10_001);
    },
    async fire() {
      const timer = this.pending().at(-1);
      if (!timer) throw new Error('nothing scheduled');
      timer.live = false;
      timer.run();
      await new Promise((resolve) => setTimeout(resolve, 0));
      for (let i = 0; i < 20; i++) await Promise.resolve();
    },
  };
}

function storage() {
  let value: unknown;
  return { load: async () => value, save: async (v: unknown) => void (value = JSON.parse(JSON.stringify(v))) };
}

function controller(p: ReturnType<typeof platform>, timers: ReturnType<typeof scheduler>, store = storage(), now = { t: 1_000_000 }, policy = { blocked: false }) {
  const patches: FeedPatch[] = [];
  const deps: FeedControllerDeps = {
    resolveOrg: async () => ORG,
    isOrgBlocked: () => policy.blocked,
    transportFor: () => p.transport,
    settings: () => ({ values: DEFAULT_SETTINGS, managedKeys: [], policyIssues: [] }),
    counters: createCounters(),
    storage: store,
    publish: (patch) => patches.push(patch),
    now: () => now.t,
    schedule: (run, ms) => timers.schedule(run, ms),
    random: () => 0.5,
    log: () => undefined,
  };
  return { feed: new FeedController(deps), patches, store, now, policy };
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

async function settle() {
  for (let i = 0; i < 50; i++) await new Promise((resolve) => setTimeout(resolve, 0));
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

    p.state.changed = [raw(1, { '@odata.etag': 'W/"101"', statecode: 1, statuscode: 4, modifiedon: '2026-01-01T10:01:00Z' }), raw(3, { '@odata.etag': 'W/"101"' })];
    p.sent.length = 0;
    await timers.fire();
    await settle();
    expect(feed.snapshot().conversations.map((c) => c.id).sort()).toEqual([id(2), id(3)]);
    expect(p.sent.filter((path) => path.includes('statecode eq 0'))).toEqual([]);
    expect(p.sent.some((path) => path.startsWith('msdyn_ocliveworkitems') && path.includes('modifiedon ge 2026-01-01T09:59:50Z'))).toBe(true);
  });

  it('notices an admin changing a supervisor switch within half a minute, without a full role check', async () => {
    const { feed, now, p, timers } = await running();
    expect(feed.currentAccess().orgSwitches.forceClose).toBe(false);
    p.state.switches = { msdyn_enable_supervisor_forceclose: true };
    p.sent.length = 0;
    for (let i = 0; i < 10; i++) {
      now.t += 3_000;
      await timers.fire();
    }
    await settle();
    expect(feed.currentAccess().orgSwitches.forceClose).toBe(true);
    expect(p.sent.filter((path) => path === 'WhoAmI()')).toEqual([]);
    expect(p.sent.filter((path) => path.startsWith('msdyn_omnichannelconfigurations')).length).toBe(1);
  });

  it('loses no change when a fault hits after the conversations are read, before the participants are', async () => {
    const { feed, now, p, timers, patches } = await running();
    patches.length = 0;
    p.state.changed = [
      raw(1, { '@odata.etag': 'W/"101"', statecode: 1, statuscode: 4, modifiedon: '2026-01-01T10:01:00Z' }),
      raw(3, { '@odata.etag': 'W/"101"', modifiedon: '2026-01-01T10:01:00Z' }),
    ];
    p.state.failOnce = (path) => path.startsWith('msdyn_sessionparticipants');
    now.t += 3_000;
    await timers.fire();
    await settle();
    expect(feed.snapshot().freshness.state).toBe('offline');
    now.t += 3_000;
    await timers.fire();
    await settle();
    // What a view holds is what the patches told it: the close and the new conversation both arrived.
    expect(patches.flatMap((patch) => patch.conversations?.upsert ?? []).map((c) => c.id)).toContain(id(3));
    expect(patches.flatMap((patch) => patch.conversations?.remove ?? [])).toContain(id(1));
    expect(feed.snapshot().conversations.map((c) => c.id).sort()).toEqual([id(2), id(3)]);
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

  it('runs a manual refresh once however often it is asked, and pauses on request', async () => {
    const { feed, patches, p, timers } = await running();
    p.sent.length = 0;
    await Promise.all([feed.refresh(), feed.refresh(), feed.refresh()]);
    expect(p.sent.filter((path) => path.startsWith('msdyn_ocliveworkitems') && path.includes('statecode eq 0'))).toHaveLength(1);
    feed.pause();
    expect(timers.pending()).toHaveLength(0);
    expect(feed.snapshot()).toMatchObject({ paused: true, freshness: { state: 'paused' } });
    expect(patches.at(-1)).toEqual({ paused: true });
  });

  it('reads presence every fourth poll and participants every sixth, keeping one view under 40 requests a minute', async () => {
    const { now, p, timers } = await running();
    p.sent.length = 0;
    for (let i = 0; i < 20; i++) {
      now.t += 3_000;
      await timers.fire();
    }
    await settle();
    const count = (prefix: string) => p.sent.filter((path) => path.startsWith(prefix)).length;
    expect(count('msdyn_ocliveworkitems')).toBe(20);
    expect(count('msdyn_agentstatuses')).toBe(5);
    expect(count('msdyn_sessionparticipants')).toBe(4);
    expect(p.sent.length).toBeLessThanOrEqual(40);
  });

  it('slows down while no view is visible', async () => {
    const { feed, timers } = await running(platform(), { views: 2, visible: false });
    expect(timers.pending().at(-1)!.ms).toBe(30_000);
    expect(feed.snapshot().freshness.intervalMs).toBe(30_000);
  });

  it('uses change tracking when the org has it: delta link instead of the watermark, deletions removed', async () => {
    const tracked = platform();
    tracked.state.tracking = true;
    const { feed, p, timers } = await running(tracked);
    p.sent.length = 0;
    p.state.delta = [
      { '@odata.context': `${ORG}/api/data/v9.2/$metadata#msdyn_ocliveworkitems/$deletedEntity`, id: id(1), reason: 'deleted' },
      raw(2, { '@odata.etag': 'W/"150"', statuscode: 3 }),
    ];
    await timers.fire();
    await settle();
    expect(feed.snapshot().conversations.map((c) => [c.id, c.status])).toEqual([[id(2), 'waiting']]);
    expect(p.sent.some((path) => path.startsWith('msdyn_ocliveworkitems') && path.includes('modifiedon ge'))).toBe(false);
    expect(p.sent.some((path) => path.includes('$deltatoken=1'))).toBe(true);

    // An expired token: this poll fails, the next one is back on the watermark. (This second poll reads neither
    // participants nor presence: they are read every few polls, so the delta link is the first request.)
    p.state.next.push({ ok: false, kind: 'http', status: 400, code: null, message: 'The delta token has expired', retryAt: null });
    await timers.fire();
    await settle();
    p.sent.length = 0;
    await timers.fire();
    await settle();
    expect(p.sent.some((path) => path.startsWith('msdyn_ocliveworkitems') && path.includes('statecode eq 0'))).toBe(true);
  });

  it('sends nothing to an org the policy blocks, says so, and starts once the policy allows it', async () => {
    const p = platform();
    const timers = scheduler();
    const made = controller(p, timers, storage(), { t: 1_000_000 }, { blocked: true });
    await made.feed.start();
    made.feed.setDemand({ views: 1, visible: true });
    await timers.fire();
    expect(made.feed.currentAccess().state).toBe('blockedHost');
    expect(p.sent).toEqual([]);
    made.policy.blocked = false;
    await timers.fire();
    await settle();
    expect(made.feed.currentAccess().state).toBe('supervisor');
    expect(p.sent).toContain('WhoAmI()');
  });

  it('falls back to the watermark when the org has no change tracking', async () => {
    const { feed, p, timers } = await running();
    p.sent.length = 0;
    await timers.fire();
    await settle();
    expect(p.sent.filter((path) => path.startsWith('msdyn_ocliveworkitems'))).toEqual([expect.stringContaining('modifiedon ge')]);
  });
});
