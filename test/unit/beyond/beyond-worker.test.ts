// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { createBeyondWorker, LOCKS_EVERY_N_POLLS, type Area } from '../../../lib/beyond/beyond-worker';
import { BEYOND_STATE_KEY, parseBeyondState } from '../../../lib/beyond/beyond-state';
import { writeActionNote } from '../../../lib/actions/operations/note';
import { createWebApiTransport } from '../../../lib/dataverse/web-api-transport';
import { createCounters } from '../../../lib/dataverse/counters';
import type { ActionRecord } from '../../../lib/model/actions';
import { DEFAULT_SETTINGS } from '../../../lib/model/settings';
import { SAM, SOFIA } from '../../../emulator/personas';
import { conversations, emulator, ORIGIN, sessionCookie } from '../emulator/helpers';
import { access } from '../actions/fixtures';
import { makeAgent, makeConversation } from '../view-model/fixtures';

const NOW = Date.parse('2026-03-02T10:00:00Z');

function memoryArea(): Area & { data: Record<string, unknown> } {
  const data: Record<string, unknown> = {};
  return { data, get: async (key) => ({ [key]: data[key] }), set: async (items) => void Object.assign(data, items) };
}

/** One supervisor's worker half, talking to the in-process emulator as that persona. */
async function supervisor(e: ReturnType<typeof emulator>, upn: string, userId: string, feed: { conversations?: ReturnType<typeof makeConversation>[] } = {}) {
  const cookie = await sessionCookie(e, upn);
  const transport = createWebApiTransport({
    org: ORIGIN, counters: createCounters(), now: () => NOW,
    fetch: (input, init) => e.fetch(new Request(input as string, { ...init, headers: { ...(init?.headers as Record<string, string>), cookie } })),
  });
  const local = memoryArea();
  const badges: string[] = [];
  const notes: string[] = [];
  const worker = createBeyondWorker({
    transport: () => transport,
    feed: () => ({
      access: access({ org: ORIGIN, userId }), conversations: feed.conversations ?? [], agents: [makeAgent({ id: 'a1' })],
      queues: [{ id: 'q-billing', name: 'Billing', type: 'messaging', supervised: true }],
      settings: { values: DEFAULT_SETTINGS, managedKeys: [], policyIssues: [] },
    }),
    local, session: memoryArea(), sync: memoryArea(),
    setBadge: (text) => badges.push(text), notify: (_id, title) => notes.push(title), now: () => NOW,
  });
  const state = () => parseBeyondState(local.data[BEYOND_STATE_KEY]);
  return { worker, transport, state, badges, notes };
}

describe('beyond worker against the emulator', () => {
  it('soft lock: one supervisor’s action shows to another until it ends; reason notes reach the shared log', async () => {
    const e = emulator({ scenario: 'typical' });
    const target = conversations(e, (row) => row.statecode === 0 && row.statuscode === 2)[0]!;
    const id = String(target.activityid);
    const sofia = await supervisor(e, SOFIA.upn, SOFIA.systemuserid);
    const sam = await supervisor(e, SAM.upn, SAM.systemuserid);

    const done = { id: 'req-1', state: 'done' } as ActionRecord;
    // As in the worker: the runner publishes the action's record before the lock note is written.
    await sofia.worker.recordsChanged([{ ...done, state: 'pending' }]);
    await sofia.worker.actionStarted({ kind: 'transfer', conversationId: id, etag: 'W/"1"', agentId: 'a' }, 'req-1', 'Sofia Lindqvist');
    await writeActionNote(sofia.transport, id, 'Transfer by Sofia Lindqvist (Floorwalker)', 'Needs a Swedish speaker');
    await sam.worker.afterPoll();
    expect(sam.state().locks).toEqual([expect.objectContaining({ conversationId: id, kind: 'transfer', userName: 'Sofia Lindqvist', userId: SOFIA.systemuserid })]);
    expect(sam.state().notes).toEqual([expect.objectContaining({ conversationId: id, text: 'Needs a Swedish speaker', author: expect.stringContaining('Sofia') })]);

    await sofia.worker.recordsChanged([{ ...done, state: 'pending' }]);
    await sam.worker.afterPoll();
    expect(sam.state().locks).toHaveLength(1);
    await sofia.worker.recordsChanged([done]);
    // Locks are read every few polls (to stay inside the platform budget): gone within that many.
    for (let poll = 0; poll < LOCKS_EVERY_N_POLLS; poll++) await sam.worker.afterPoll();
    expect(sam.state().locks).toEqual([]);
    await e.close();
  });

  it('alerts reach the badge, and each new alert is notified once', async () => {
    const e = emulator({ scenario: 'empty' });
    const waiting = makeConversation({ id: 'c1', statusUpdatedOn: new Date(NOW - 120_000).toISOString() });
    const sofia = await supervisor(e, SOFIA.upn, SOFIA.systemuserid, { conversations: [waiting] });
    await sofia.worker.afterPoll();
    await sofia.worker.afterPoll();
    expect(sofia.state().alerts.map((a) => a.kind)).toEqual(['idleMismatch']);
    expect(sofia.badges.at(-1)).toBe('1');
    expect(sofia.notes).toEqual(['Billing: customers wait while agents are free']);
    sofia.worker.prefsChanged({ alerts: { idleMismatch: false, breachSoon: true, sentimentDrop: true }, surfaces: { panel: true, badge: true, notification: true }, breachWithinMinutes: 2, stuckMinutes: { default: 30, byChannel: {} } });
    await sofia.worker.afterPoll();
    expect(sofia.badges.at(-1)).toBe('');
    // With alerts shown nowhere outside a view, the worker need not poll on its own.
    expect(sofia.worker.watching()).toBe(true);
    sofia.worker.prefsChanged({ alerts: { idleMismatch: true, breachSoon: true, sentimentDrop: true }, surfaces: { panel: true, badge: false, notification: false }, breachWithinMinutes: 2, stuckMinutes: { default: 30, byChannel: {} } });
    expect(sofia.worker.watching()).toBe(false);
    await e.close();
  });

  it('a burst of new alerts becomes a few notifications and one summary', async () => {
    const e = emulator({ scenario: 'empty' });
    const feed = { conversations: [1, 2, 3, 4, 5].map((n) => makeConversation({ id: `c${n}`, sentiment: 10 })) };
    const sofia = await supervisor(e, SOFIA.upn, SOFIA.systemuserid, feed);
    await sofia.worker.afterPoll();
    feed.conversations = feed.conversations.map((c) => ({ ...c, sentiment: 7 }));
    await sofia.worker.afterPoll();
    expect(sofia.state().alerts).toHaveLength(5);
    expect(sofia.notes).toEqual([expect.stringContaining('sentiment fell'), expect.stringContaining('sentiment fell'), 'More Floorwalker alerts']);
    await e.close();
  });
});
