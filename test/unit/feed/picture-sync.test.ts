import { describe, expect, it } from 'vitest';
import { createCounters } from '../../../lib/dataverse/counters';
import { createPictureSync, DEEP_EVERY_MS, PARTICIPANTS_EVERY_MS, RECONCILE_MS, STATUSES_EVERY_MS } from '../../../lib/feed/picture-sync';
import type { FeedPatch } from '../../../lib/model/feed-state';
import { ORG, pageLargeLoad, platform, raw, settle, USER } from './fake-org';
import { id } from './fixtures';

function sync(p = platform(), now = { t: 1_000_000 }) {
  const patches: FeedPatch[] = [];
  const counters = createCounters();
  const made = createPictureSync({ counters, now: () => now.t, emit: (patch) => patches.push(patch), log: () => undefined });
  /** One poll, as the controller runs it after the access check. */
  const poll = () => made.poll(p.transport, USER);
  return { sync: made, p, now, patches, counters, poll };
}

/** After the first poll (a full load). */
async function loaded(p = platform()) {
  const made = sync(p);
  expect(await made.poll()).toEqual({ ok: true, value: { full: true } });
  return made;
}

const ids = (conversations: readonly { id: string }[]) => conversations.map((c) => c.id).sort();

describe('picture sync', () => {
  it('loads everything first, then reads only what changed since the watermark, reaching back over the overlap every DEEP_EVERY_MS', async () => {
    const { sync: s, p, now, poll, patches } = await loaded();
    expect(ids(s.conversations())).toEqual([id(1), id(2)]);
    expect(patches.some((patch) => patch.queues)).toBe(true);
    p.state.changed = [
      raw(1, { '@odata.etag': 'W/"101"', statecode: 1, statuscode: 4, modifiedon: '2026-01-01T10:01:00Z' }),
      raw(3, { '@odata.etag': 'W/"101"' }),
    ];
    p.sent.length = 0;
    now.t += 3_000;
    expect(await poll()).toEqual({ ok: true, value: { full: false } });
    expect(ids(s.conversations())).toEqual([id(2), id(3)]);
    expect(p.sent.filter((path) => path.includes('statecode eq 0'))).toEqual([]);
    expect(p.sent.some((path) => path.startsWith('msdyn_ocliveworkitems') && path.includes('modifiedon ge 2026-01-01T10:00:00Z'))).toBe(
      true,
    );
    p.sent.length = 0;
    now.t += DEEP_EVERY_MS;
    await poll();
    expect(p.sent.some((path) => path.startsWith('msdyn_ocliveworkitems') && path.includes('modifiedon ge 2026-01-01T10:00:50Z'))).toBe(
      true,
    );
  });

  it('shows the list as soon as the conversations are read, before the agents are', async () => {
    const p = platform();
    const send = p.transport.send.bind(p.transport);
    let release: () => void = () => undefined;
    const agentsHeld = new Promise<void>((resolve) => (release = resolve));
    p.transport.send = async (request) => {
      if (request.path.startsWith('msdyn_agentstatuses')) await agentsHeld;
      return send(request);
    };
    const { poll, patches } = sync(p);
    const polled = poll();
    await settle();
    expect(
      patches
        .flatMap((patch) => patch.conversations?.upsert ?? [])
        .map((c) => c.id)
        .sort(),
    ).toEqual([id(1), id(2)]);
    release();
    expect(await polled).toEqual({ ok: true, value: { full: true } });
  });

  it('reads the agents once the views on screen have drawn the list', async () => {
    const p = platform();
    let drawn: () => void = () => undefined;
    const made = createPictureSync({
      counters: createCounters(),
      now: () => 1_000_000,
      emit: () => undefined,
      log: () => undefined,
      viewsDrawn: () => new Promise<void>((resolve) => (drawn = resolve)),
    });
    const polled = made.poll(p.transport, USER);
    await settle();
    expect(made.conversations()).toHaveLength(2);
    const agentReads = () => p.sent.filter((path) => path.startsWith('msdyn_agentstatuses'));
    expect(agentReads()).toEqual([]);
    drawn();
    expect(await polled).toEqual({ ok: true, value: { full: true } });
    expect(agentReads().length).toBeGreaterThan(0);
  });

  it('once the org has been quiet for the overlap, polls start at its clock less the overlap, not at the last change’s second', async () => {
    const { sync: s, p, now, poll } = await loaded(); // the last change: 10:00:00
    const orgClock = { t: Date.parse('2026-01-01T10:05:00Z') };
    p.transport.serverNow = () => orgClock.t;
    const pollAt = async (seconds: number) => {
      p.sent.length = 0;
      now.t += seconds * 1_000;
      orgClock.t += seconds * 1_000;
      await poll();
      return p.sent.filter((path) => path.startsWith('msdyn_ocliveworkitems')).map((path) => /modifiedon ge (\S+?Z)/.exec(path)?.[1]);
    };
    expect(await pollAt(2)).toEqual(['2026-01-01T10:00:00Z']); // this read began at 10:05:02 …
    expect(await pollAt(2)).toEqual(['2026-01-01T10:04:52Z']); // … so nothing before 10:04:52 can still come
    // A change: the watermark follows it while it is newer than the org's clock less the overlap.
    p.state.changed = [raw(3, { '@odata.etag': 'W/"101"', modifiedon: '2026-01-01T10:05:05Z' })];
    expect(await pollAt(2)).toEqual(['2026-01-01T10:04:54Z']);
    expect(ids(s.conversations())).toContain(id(3));
    p.state.changed = [];
    expect(await pollAt(2)).toEqual(['2026-01-01T10:05:05Z']);
  });

  it('after a whole read, polls from the read’s start: a row added while its pages were read is not missed', async () => {
    const p = platform();
    // The org's clock at 10:05:00 when the read starts; a newer row than any read lands on a page already read.
    const orgClock = { t: Date.parse('2026-01-01T10:05:00Z') };
    p.transport.serverNow = () => orgClock.t;
    p.state.ongoing = [raw(1, { modifiedon: '2026-01-01T10:05:20Z' }), raw(2)];
    const { poll, now } = sync(p);
    expect(await poll()).toEqual({ ok: true, value: { full: true } });
    expect(p.sent.find((path) => path.startsWith('msdyn_ocliveworkitems') && path.includes('statecode eq 0'))).not.toContain('$orderby');
    p.state.changed = [raw(3, { '@odata.etag': 'W/"101"', modifiedon: '2026-01-01T10:05:10Z' })];
    p.sent.length = 0;
    now.t += 2_000;
    orgClock.t += 30_000;
    await poll();
    const since = p.sent.filter((path) => path.startsWith('msdyn_ocliveworkitems')).map((path) => /modifiedon ge (\S+?Z)/.exec(path)?.[1]);
    expect(since).toEqual(['2026-01-01T10:04:50Z']); // the read's start less the overlap, not 10:05:20
  });

  it('sends a large load’s conversations page by page once its participants are in, and removes what it did not bring at the end', async () => {
    // 3,000 ongoing in pages of 1,000; the last page is held until released.
    const p = platform();
    const rows = (count: number) => Array.from({ length: count }, (_, n) => raw(n));
    let ongoing = rows(3_000);
    let release: () => void = () => undefined;
    let lastPage: Promise<void> = Promise.resolve();
    let held = 'conversations 2';
    pageLargeLoad(p, { conversations: () => ongoing, participants: () => [] }, (what) => (what === held ? lastPage : undefined));
    const { sync: s, poll, patches } = sync(p);
    lastPage = new Promise<void>((resolve) => (release = resolve));
    const polled = poll();
    await settle();
    const sent = () => patches.flatMap((patch) => patch.conversations?.upsert ?? []).length;
    expect(sent()).toBe(2_000); // the first two pages are out while the third is read
    release();
    expect(await polled).toEqual({ ok: true, value: { full: true } });
    expect(sent()).toBe(3_000);
    expect(s.conversations()).toHaveLength(3_000);

    // A refresh after 1,000 closed: nothing is removed before the read has ended, then exactly those.
    ongoing = rows(2_000);
    held = 'conversations 1';
    patches.length = 0;
    s.requestFull();
    lastPage = new Promise<void>((resolve) => (release = resolve));
    const again = poll();
    await settle();
    expect(patches.flatMap((patch) => patch.conversations?.remove ?? [])).toEqual([]);
    release();
    await again;
    const removed = patches.flatMap((patch) => patch.conversations?.remove ?? []);
    expect(removed).toHaveLength(1_000);
    expect(removed).toContain(id(2_500));
    expect(patches.flatMap((patch) => patch.conversations?.upsert ?? [])).toEqual([]); // the rows it kept had not changed
    expect(s.conversations()).toHaveLength(2_000);
  });

  it('every RECONCILE_MS checks ids and versions, reads whole only the rows that differ; a refresh reads everything', async () => {
    const { now, poll, sync: s, p } = await loaded();
    const fullRead = (path: string) =>
      path.startsWith('msdyn_ocliveworkitems') && path.includes('statecode eq 0') && path.includes('subject');
    now.t += RECONCILE_MS - 1;
    expect(await poll()).toEqual({ ok: true, value: { full: false } });
    // Missed by the incremental reads: 1 closed, 2 changed, 4 arrived; 3 is unchanged.
    p.state.ongoing = [raw(2, { '@odata.etag': 'W/"105"', subject: 'Changed' }), raw(4)];
    p.sent.length = 0;
    now.t += 1;
    expect(await poll()).toEqual({ ok: true, value: { full: true } });
    expect(ids(s.conversations())).toEqual([id(2), id(4)]);
    expect(s.conversation(id(2))?.subject).toBe('Changed');
    expect(p.sent.filter(fullRead)).toEqual([]);
    expect(p.sent.some((path) => path.startsWith('msdyn_ocliveworkitems?$select=activityid&'))).toBe(true);
    const byId = p.sent.filter((path) => path.includes("PropertyName='activityid'"));
    expect(byId).toHaveLength(1);
    expect(byId[0]).toContain(id(2));
    expect(byId[0]).toContain(id(4));

    // Nothing differs: no row is read whole.
    p.sent.length = 0;
    now.t += RECONCILE_MS;
    expect(await poll()).toEqual({ ok: true, value: { full: true } });
    expect(p.sent.filter((path) => path.includes("PropertyName='activityid'"))).toEqual([]);

    p.sent.length = 0;
    s.requestFull();
    expect(await poll()).toEqual({ ok: true, value: { full: true } });
    expect(p.sent.filter(fullRead)).toHaveLength(1);
  });

  it('asks a reconcile for the session of a participant it does not know once, not at every reconcile', async () => {
    const p = platform();
    const foreign = id(9_001);
    const asked: string[] = [];
    const send = p.transport.send.bind(p.transport);
    p.transport.send = async (request) => {
      const path = decodeURIComponent(request.path);
      if (path.startsWith('msdyn_sessionparticipants?$select=msdyn_sessionparticipantid&')) {
        return { ok: true, status: 200, headers: {}, body: { value: [{ '@odata.etag': 'W/"1"', msdyn_sessionparticipantid: foreign }] } };
      }
      if (path.startsWith('msdyn_sessionparticipants') && path.includes(foreign)) {
        asked.push(path);
        return {
          ok: true,
          status: 200,
          headers: {},
          body: { value: [{ msdyn_sessionparticipantid: foreign, _msdyn_omnichannelsession_value: id(9_002) }] },
        };
      }
      return send(request);
    };
    const { now, poll } = await loaded(p);
    now.t += RECONCILE_MS;
    expect(await poll()).toEqual({ ok: true, value: { full: true } });
    expect(asked).toHaveLength(1);
    now.t += RECONCILE_MS;
    expect(await poll()).toEqual({ ok: true, value: { full: true } });
    expect(asked).toHaveLength(1);
  });

  it('loses no change when a fault hits after the conversations are read, before the participants are', async () => {
    const { sync: s, p, now, poll, patches } = await loaded();
    patches.length = 0;
    p.state.changed = [
      raw(1, { '@odata.etag': 'W/"101"', statecode: 1, statuscode: 4, modifiedon: '2026-01-01T10:01:00Z' }),
      raw(3, { '@odata.etag': 'W/"101"', modifiedon: '2026-01-01T10:01:00Z' }),
    ];
    p.state.failOnce = (path) => path.startsWith('msdyn_sessionparticipants');
    now.t += PARTICIPANTS_EVERY_MS; // a poll that reads the participants too
    expect(await poll()).toMatchObject({ ok: false, failure: { kind: 'network' } });
    now.t += 3_000;
    expect((await poll()).ok).toBe(true);
    // What a view holds is what the patches told it: the close and the new conversation both arrived.
    expect(patches.flatMap((patch) => patch.conversations?.upsert ?? []).map((c) => c.id)).toContain(id(3));
    expect(patches.flatMap((patch) => patch.conversations?.remove ?? [])).toContain(id(1));
    expect(ids(s.conversations())).toEqual([id(2), id(3)]);
  });

  it('reads presence and participants by time, out of step, however often it polls', async () => {
    for (const gapMs of [1_000, 1_500, 3_000]) {
      const { p, now, poll, counters } = await loaded();
      p.sent.length = 0;
      const before = counters.polls;
      const polls = 60_000 / gapMs;
      for (let i = 0; i < polls; i++) {
        now.t += gapMs;
        await poll();
      }
      const count = (prefix: string) => p.sent.filter((path) => path.startsWith(prefix)).length;
      expect(count('msdyn_ocliveworkitems')).toBe(polls);
      // At most one read per period in the minute, at least one per period and a poll.
      for (const [table, periodMs] of [
        ['msdyn_agentstatuses', STATUSES_EVERY_MS],
        ['msdyn_sessionparticipants', PARTICIPANTS_EVERY_MS],
      ] as const) {
        expect(count(table)).toBeLessThanOrEqual(60_000 / periodMs);
        expect(count(table)).toBeGreaterThanOrEqual(Math.floor(60_000 / (periodMs + gapMs)));
      }
      // Never both in one poll: the slower reads spread over the cycles.
      const both = p.sent.filter(
        (path, index) => path.startsWith('msdyn_agentstatuses') && p.sent[index - 1]?.startsWith('msdyn_sessionparticipants'),
      );
      expect(both).toEqual([]);
      expect(counters.polls - before).toBe(polls);
    }
  });

  it('uses change tracking when the org has it: delta link instead of the watermark, deletions removed', async () => {
    const tracked = platform();
    tracked.state.tracking = true;
    const { sync: s, p, poll } = await loaded(tracked);
    p.sent.length = 0;
    p.state.delta = [
      { '@odata.context': `${ORG}/api/data/v9.2/$metadata#msdyn_ocliveworkitems/$deletedEntity`, id: id(1), reason: 'deleted' },
      raw(2, { '@odata.etag': 'W/"150"', statuscode: 3 }),
    ];
    await poll();
    expect(s.conversations().map((c) => [c.id, c.status])).toEqual([[id(2), 'waiting']]);
    expect(p.sent.some((path) => path.startsWith('msdyn_ocliveworkitems') && path.includes('modifiedon ge'))).toBe(false);
    expect(p.sent.some((path) => path.includes('$deltatoken=1'))).toBe(true);

    // An expired token: this poll fails, the next one is a full load on the watermark. (This second poll reads
    // neither participants nor presence: they are read every few polls, so the delta link is the first request.)
    p.state.next.push({ ok: false, kind: 'http', status: 400, code: null, message: 'The delta token has expired', retryAt: null });
    expect(await poll()).toMatchObject({ ok: false, failure: { kind: 'http', status: 400 } });
    p.sent.length = 0;
    expect(await poll()).toEqual({ ok: true, value: { full: true } });
    expect(p.sent.some((path) => path.startsWith('msdyn_ocliveworkitems') && path.includes('statecode eq 0'))).toBe(true);
  });

  it('falls back to the watermark when the org has no change tracking', async () => {
    const { p, poll } = await loaded();
    p.sent.length = 0;
    await poll();
    expect(p.sent.filter((path) => path.startsWith('msdyn_ocliveworkitems'))).toEqual([expect.stringContaining('modifiedon ge')]);
  });

  it('hands a restarted worker the picture to resume from, without a full reload', async () => {
    const first = await loaded();
    const saved = JSON.parse(JSON.stringify(first.sync.persisted()));
    const next = sync(first.p, { t: 1_010_000 });
    next.sync.restore(saved);
    expect(ids(next.sync.conversations())).toEqual([id(1), id(2)]);
    first.p.sent.length = 0;
    expect(await next.poll()).toEqual({ ok: true, value: { full: false } });
    expect(first.p.sent.some((path) => path.includes('statecode eq 0'))).toBe(false);
  });

  it('tells the views every row is gone when reset, and re-reads one conversation for an action', async () => {
    const { sync: s, patches } = await loaded();
    patches.length = 0;
    s.reset();
    expect(patches).toEqual([{ conversations: { upsert: [], remove: [id(1), id(2)] }, agents: { upsert: [], remove: [] }, queues: [] }]);
    expect(s.conversationCount()).toBe(0);

    const again = await loaded();
    again.p.transport.send = async () => ({ ok: false, kind: 'http', status: 404, code: null, message: 'gone', retryAt: null });
    expect(await again.sync.reread(again.p.transport, id(1))).toBeNull();
    expect(ids(again.sync.conversations())).toEqual([id(2)]);
  });
});
