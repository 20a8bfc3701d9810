// @vitest-environment node
import { signal } from '@preact/signals';
import { describe, expect, it } from 'vitest';
import { createAlerts, EMPTY_ALERTS_MEMORY } from '../../../lib/features/alerts/worker';
import { EMPTY_MEMORY, storedSentiment } from '../../../lib/features/alerts/detect';
import { DEFAULT_ALERT_PREFS, type AlertPrefs } from '../../../lib/features/alerts/prefs';
import { createSharedLog, EMPTY_SHARED_LOG } from '../../../lib/features/shared-log/worker';
import { createSoftLocks, EMPTY_SOFT_LOCKS, LOCKS_EVERY_MS } from '../../../lib/features/soft-locks/worker';
import { writeActionNote } from '../../../lib/actions/operations/note';
import { createWebApiTransport } from '../../../lib/dataverse/web-api-transport';
import { createCounters } from '../../../lib/dataverse/counters';
import type { ActionRecord } from '../../../lib/model/actions';
import { DEFAULT_SETTINGS } from '../../../lib/model/settings';
import { SAM, SOFIA } from '../../../emulator/personas';
import { API, conversations, emulator, ORIGIN, sessionCookie } from '../emulator/helpers';
import { access } from '../actions/fixtures';
import { makeAgent, makeConversation } from '../view-model/fixtures';

const NOW = Date.parse('2026-03-02T10:00:00Z');

/** storage.session as a worker half sees it: one value, kept here. */
function memory<T>(initial: T) {
  const box = { value: initial, get: async () => box.value, set: async (value: T) => void (box.value = value) };
  return box;
}

/** One supervisor's soft locks and shared log, talking to the in-process emulator as that persona. */
async function supervisor(e: ReturnType<typeof emulator>, upn: string, userId: string, clock = { t: NOW }) {
  const cookie = await sessionCookie(e, upn);
  const transport = createWebApiTransport({
    org: ORIGIN,
    counters: createCounters(),
    now: () => NOW,
    fetch: (input, init) => e.fetch(new Request(input, { ...init, headers: { ...(init?.headers as Record<string, string>), cookie } })),
  });
  const common = { transport: () => transport, access: () => access({ org: ORIGIN, userId }), now: () => clock.t, log: () => undefined };
  const softLocks = createSoftLocks({ ...common, writer: () => transport, memory: memory(EMPTY_SOFT_LOCKS), publish: () => undefined });
  const sharedLog = createSharedLog({ ...common, memory: memory(EMPTY_SHARED_LOG), publish: () => undefined });
  return { transport, softLocks, sharedLog };
}

/** The alerts' worker half over a fixed feed, with what it told the badge, the notifications and the views. */
function alertsOver(
  feed: { conversations: ReturnType<typeof makeConversation>[] },
  saved = memory(EMPTY_ALERTS_MEMORY),
  clock = { t: NOW },
  seen = memory(storedSentiment(EMPTY_MEMORY)),
) {
  const prefs = signal<AlertPrefs>(DEFAULT_ALERT_PREFS);
  const badges: string[] = [];
  const notes: string[] = [];
  const bodies: string[] = [];
  const published: unknown[] = [];
  const alerts = createAlerts({
    feed: () => ({
      conversations: feed.conversations,
      agents: [makeAgent({ id: 'a1' })],
      queues: [{ id: 'q-billing', name: 'Billing', type: 'messaging', supervised: true }],
      settings: { values: DEFAULT_SETTINGS, managedKeys: [], policyIssues: [] },
    }),
    prefs,
    memory: saved,
    sentiment: seen,
    log: () => undefined,
    setBadge: (text) => badges.push(text),
    notify: (_id, title, body) => {
      notes.push(title);
      bodies.push(body);
    },
    publish: (list) => published.push(list),
    now: () => clock.t,
  });
  return { alerts, prefs, badges, notes, bodies, published, saved, seen };
}

describe('soft locks and the shared log against the emulator', () => {
  it('one supervisor’s action shows to another until it ends; reason notes reach the shared log', async () => {
    const e = emulator({ scenario: 'typical' });
    const target = conversations(e, (row) => row.statecode === 0 && row.statuscode === 2)[0]!;
    const id = String(target.activityid);
    const sofia = await supervisor(e, SOFIA.upn, SOFIA.systemuserid);
    const samClock = { t: NOW };
    const sam = await supervisor(e, SAM.upn, SAM.systemuserid, samClock);

    const done = { id: 'req-1', state: 'done' } as ActionRecord;
    // As in the worker: the runner publishes the action's record before the lock note is written.
    await sofia.softLocks.recordsChanged([{ ...done, state: 'pending' }]);
    await sofia.softLocks.actionStarted({ kind: 'transfer', conversationId: id, etag: 'W/"1"', agentId: 'a' }, 'req-1', 'Sofia Lindqvist');
    await writeActionNote(sofia.transport, id, 'Transfer by Sofia Lindqvist (Floorwalker)', 'Needs a Swedish speaker');
    await sam.softLocks.afterPoll();
    await sam.sharedLog.afterPoll();
    expect(sam.softLocks.current()).toEqual([
      expect.objectContaining({ conversationId: id, kind: 'transfer', userName: 'Sofia Lindqvist', userId: SOFIA.systemuserid }),
    ]);
    // The log holds the reason, not the lock note.
    expect(sam.sharedLog.current()).toEqual([
      expect.objectContaining({ conversationId: id, text: 'Needs a Swedish speaker', author: expect.stringContaining('Sofia') }),
    ]);

    await sofia.softLocks.recordsChanged([{ ...done, state: 'pending' }]);
    await sam.softLocks.afterPoll();
    expect(sam.softLocks.current()).toHaveLength(1);
    await sofia.softLocks.recordsChanged([done]);
    // Locks are read at most every LOCKS_EVERY_MS (to stay inside the platform budget): still shown before then,
    // gone at the first poll after it.
    samClock.t += LOCKS_EVERY_MS - 1;
    await sam.softLocks.afterPoll();
    expect(sam.softLocks.current()).toHaveLength(1);
    samClock.t += 1;
    await sam.softLocks.afterPoll();
    expect(sam.softLocks.current()).toEqual([]);
    await e.close();
  });

  it('a supervisor never sees their own lock; a restarted worker still deletes the lock note it wrote', async () => {
    const e = emulator({ scenario: 'typical' });
    const id = String(conversations(e, (row) => row.statecode === 0 && row.statuscode === 2)[0]!.activityid);
    const cookie = await sessionCookie(e, SOFIA.upn);
    const transport = createWebApiTransport({
      org: ORIGIN,
      counters: createCounters(),
      now: () => NOW,
      fetch: (input, init) => e.fetch(new Request(input, { ...init, headers: { ...(init?.headers as Record<string, string>), cookie } })),
    });
    const saved = memory(EMPTY_SOFT_LOCKS);
    const deps = {
      transport: () => transport,
      writer: () => transport,
      access: () => access({ org: ORIGIN, userId: SOFIA.systemuserid }),
      memory: saved,
      publish: () => undefined,
      now: () => NOW,
      log: () => undefined,
    };
    const first = createSoftLocks(deps);
    await first.recordsChanged([{ id: 'req-1', state: 'pending' } as ActionRecord]);
    await first.actionStarted({ kind: 'forceClose', conversationId: id, etag: 'W/"1"' }, 'req-1', 'Sofia Lindqvist');
    await first.afterPoll();
    expect(first.current()).toEqual([]);
    const lockNotes = () =>
      e
        .fetch(new Request(`${API}/annotations?$select=subject&$filter=startswith(subject,'Floorwalker lock')`, { headers: { cookie } }))
        .then((r) => r.json() as Promise<{ value: unknown[] }>);
    expect((await lockNotes()).value).toHaveLength(1);

    // The worker is stopped and a new one starts while the action ends.
    const second = createSoftLocks(deps);
    await second.recordsChanged([{ id: 'req-1', state: 'done' } as ActionRecord]);
    expect((await lockNotes()).value).toHaveLength(0);
    expect(saved.value.held).toEqual({});
    await e.close();
  });
});

describe('alerts worker', () => {
  it('alerts reach the badge and the views, and each new alert is notified once', async () => {
    const waiting = makeConversation({ id: 'c1', statusUpdatedOn: new Date(NOW - 120_000).toISOString() });
    const sofia = alertsOver({ conversations: [waiting] });
    await sofia.alerts.afterPoll();
    await sofia.alerts.afterPoll();
    expect(sofia.alerts.current().map((a) => a.kind)).toEqual(['idleMismatch']);
    expect(sofia.published).toHaveLength(1);
    expect(sofia.badges.at(-1)).toBe('1');
    expect(sofia.notes).toEqual(['Billing: customers wait while agents are free']);
    sofia.prefs.value = { ...DEFAULT_ALERT_PREFS, alerts: { idleMismatch: false, breachSoon: true, sentimentDrop: true } };
    await sofia.alerts.afterPoll();
    expect(sofia.badges.at(-1)).toBe('');
    expect(sofia.published.at(-1)).toEqual({ keys: [], changed: [] });
    // With alerts shown nowhere outside a view, the worker need not poll on its own.
    expect(sofia.alerts.watching()).toBe(true);
    sofia.prefs.value = { ...DEFAULT_ALERT_PREFS, surfaces: { panel: true, badge: false, notification: false } };
    expect(sofia.alerts.watching()).toBe(false);
  });

  it('a restarted worker keeps the alerts in force and does not notify them again', async () => {
    const feed = { conversations: [makeConversation({ id: 'c1', statusUpdatedOn: new Date(NOW - 120_000).toISOString() })] };
    const before = alertsOver(feed);
    await before.alerts.afterPoll();
    expect(before.notes).toHaveLength(1);
    const after = alertsOver(feed, before.saved);
    await after.alerts.ready;
    expect(after.alerts.current().map((a) => a.kind)).toEqual(['idleMismatch']);
    await after.alerts.afterPoll();
    expect(after.notes).toEqual([]);
    expect(after.badges.at(-1)).toBe('1');
  });

  it('saves a new alert at once, and the sentiment it has seen apart, at most once a minute', async () => {
    const clock = { t: NOW };
    const feed = { conversations: [makeConversation({ id: 'c1', status: 'active', agentId: 'a1', sentiment: 10 })] };
    const sofia = alertsOver(feed, memory(EMPTY_ALERTS_MEMORY), clock);
    await sofia.alerts.afterPoll();
    expect(sofia.seen.value.last).toEqual({ c1: 10 });
    feed.conversations = [makeConversation({ id: 'c1', status: 'active', agentId: 'a1', sentiment: 11 })];
    clock.t += 5_000;
    await sofia.alerts.afterPoll();
    expect(sofia.seen.value.last).toEqual({ c1: 10 });
    feed.conversations.push(makeConversation({ id: 'c2', statusUpdatedOn: new Date(NOW - 120_000).toISOString() }));
    clock.t += 5_000;
    await sofia.alerts.afterPoll();
    expect(sofia.saved.value.alerts.map((a) => a.kind)).toEqual(['idleMismatch']);
    expect(sofia.seen.value.last).toEqual({ c1: 10 });
    clock.t += 60_000;
    await sofia.alerts.afterPoll();
    expect(sofia.seen.value.last).toEqual({ c1: 11, c2: 10 });
  });

  it('a restarted worker still sees a fall from the sentiment its predecessor saved', async () => {
    const feed = { conversations: [makeConversation({ id: 'c1', status: 'active', agentId: 'a1', sentiment: 10 })] };
    const before = alertsOver(feed);
    await before.alerts.afterPoll();
    feed.conversations = [makeConversation({ id: 'c1', status: 'active', agentId: 'a1', sentiment: 7 })];
    const after = alertsOver(feed, before.saved, { t: NOW }, before.seen);
    await after.alerts.afterPoll();
    expect(after.alerts.current().map((a) => a.key)).toEqual(['sentimentDrop:c1']);
    expect(after.notes).toEqual([expect.stringContaining('sentiment fell')]);
  });

  it('a burst of new alerts becomes a few notifications and one summary', async () => {
    const feed = { conversations: [1, 2, 3, 4, 5].map((n) => makeConversation({ id: `c${n}`, sentiment: 10 })) };
    const sofia = alertsOver(feed);
    await sofia.alerts.afterPoll();
    feed.conversations = feed.conversations.map((c) => ({ ...c, sentiment: 7 }));
    await sofia.alerts.afterPoll();
    expect(sofia.alerts.current()).toHaveLength(5);
    expect(sofia.notes).toEqual([
      expect.stringContaining('sentiment fell'),
      expect.stringContaining('sentiment fell'),
      'More Floorwalker alerts',
    ]);
  });

  it('a stream of new alerts raises at most three notifications a minute; the next one sums up those held back', async () => {
    const clock = { t: NOW };
    const feed = {
      conversations: [1, 2, 3, 4, 5, 6].map((n) => makeConversation({ id: `c${n}`, status: 'active', agentId: 'a1', sentiment: 10 })),
    };
    const sofia = alertsOver(feed, memory(EMPTY_ALERTS_MEMORY), clock);
    await sofia.alerts.afterPoll();
    const fall = async (...ids: string[]) => {
      feed.conversations = feed.conversations.map((c) => (ids.includes(c.id) ? { ...c, sentiment: 7 } : c));
      clock.t += 5_000;
      await sofia.alerts.afterPoll();
    };
    await fall('c1');
    await fall('c2');
    await fall('c3');
    await fall('c4', 'c5');
    expect(sofia.alerts.current()).toHaveLength(5);
    expect(sofia.notes).toHaveLength(3);
    clock.t += 60_000;
    await fall('c6');
    expect(sofia.notes.slice(3)).toEqual([expect.stringContaining('sentiment fell'), 'More Floorwalker alerts']);
    expect(sofia.bodies.at(-1)).toBe('More alerts (2): open the panel to see them');
  });
});
