import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { LOG_LIMIT } from '../../../lib/actions/record-store';
import { createActionRunner } from '../../../lib/actions/runner';
import { createCounters } from '../../../lib/dataverse/counters';
import { createPageTransport, type RunInTab } from '../../../lib/dataverse/page-transport';
import { pendingRecord, type ActionIntent, type ActionRecord } from '../../../lib/model/actions';
import { actionLogItem } from '../../../lib/storage/items';
import { CHANNEL } from '../../../lib/model/conversation';
import { fakePlatform, failure } from './fake-platform';
import { AGENT_ID, CONVERSATION_ID, OTHER_QUEUE_ID, access, agent } from './fixtures';

const at = (etag = 'W/"1"') => ({ conversationId: CONVERSATION_ID, etag });
const monitor: ActionIntent = { kind: 'monitor', ...at() };
const forceClose: ActionIntent = { kind: 'forceClose', ...at() };
const settle = () => vi.advanceTimersByTimeAsync(15_000);
const only = (records: ActionRecord[]) => {
  expect(records).toHaveLength(1);
  return records[0]!;
};

beforeEach(() => vi.useFakeTimers({ now: new Date('2025-03-01T10:00:00Z') }));
afterEach(() => vi.useRealTimers());

describe('action runner: outcomes', () => {
  it('monitors, calls it done only after re-reading the conversation, and opens it in the workspace', async () => {
    const platform = fakePlatform();
    createActionRunner(platform.deps).run(monitor, 'r1');
    expect(only(platform.last())).toMatchObject({ id: 'r1', state: 'pending', label: 'Olga Hansen · Invoice question' });
    await settle();
    expect(platform.requests.map((r) => [r.method, r.path, r.body])).toEqual([
      ['POST', `msdyn_ocliveworkitems(${CONVERSATION_ID})/Microsoft.Dynamics.CRM.CCaaS_MonitorConversation`, { ApiVersion: '1.0' }],
    ]);
    expect(only(platform.last())).toMatchObject({ state: 'done', failure: null, openedIn: 'session' });
    expect(platform.opened).toEqual([CONVERSATION_ID]);
    expect(platform.ways).toEqual(['page']);
  });

  it('writes the reason to the conversation as a note, and says so if the note fails', async () => {
    const platform = fakePlatform();
    createActionRunner(platform.deps).run({ ...forceClose, reason: 'Spam' }, 'r1');
    await settle();
    expect(platform.requests[1]).toMatchObject({
      method: 'POST',
      path: 'annotations',
      body: {
        subject: 'Force close by Sofia Lindqvist (Floorwalker)',
        notetext: 'Spam',
        'objectid_msdyn_ocliveworkitem@odata.bind': `/msdyn_ocliveworkitems(${CONVERSATION_ID})`,
      },
    });
    expect(only(platform.last())).toMatchObject({ state: 'done', reason: null });

    const noNote = fakePlatform();
    noNote.respond(
      () => 'apply',
      () => failure(403, 'No create privilege on annotation'),
    );
    createActionRunner(noNote.deps).run({ ...forceClose, reason: 'Spam' }, 'r1');
    await settle();
    expect(only(noNote.last())).toMatchObject({
      state: 'done',
      reason: 'actions_reason_noteFailed',
      detail: 'No create privilege on annotation',
    });
  });

  it.each([
    [403, 'forbidden'],
    [400, 'rule'],
    [404, 'gone'],
    [412, 'conflict'],
    [401, 'signedOut'],
    [500, 'network'],
  ] as const)('a %i from the platform fails with %s and keeps its message', async (status, category) => {
    const platform = fakePlatform();
    platform.respond(() => failure(status, 'The platform explains', status === 401 ? 'signedOut' : 'http'));
    createActionRunner(platform.deps).run(forceClose, 'r1');
    await settle();
    expect(only(platform.last())).toMatchObject({ state: 'failed', failure: category, detail: 'The platform explains' });
    expect(platform.row).not.toBeNull();
  });

  it('after a dropped connection, asks the platform: done if it took effect, failed if not', async () => {
    const tookEffect = fakePlatform();
    tookEffect.respond((request) => {
      tookEffect.apply(request);
      return failure(null, 'connection reset', 'network');
    });
    createActionRunner(tookEffect.deps).run(forceClose, 'r1');
    await settle();
    expect(only(tookEffect.last()).state).toBe('done');

    const lost = fakePlatform();
    lost.respond(() => failure(null, 'connection reset', 'network'));
    createActionRunner(lost.deps).run(forceClose, 'r1');
    await settle();
    expect(only(lost.last())).toMatchObject({ state: 'failed', failure: 'network', reason: 'actions_reason_notApplied' });
  });

  it('waits out a 429 until Retry-After, sends nothing inside the window, then completes by itself', async () => {
    const platform = fakePlatform();
    const retryAt = Date.now() + 4000;
    platform.respond(() => failure(429, 'Number of requests exceeded the limit', 'http', retryAt));
    createActionRunner(platform.deps).run(forceClose, 'r1');
    await vi.advanceTimersByTimeAsync(3900);
    expect(platform.requests).toHaveLength(1);
    expect(only(platform.last())).toMatchObject({ state: 'pending', retryAt });
    await settle();
    expect(platform.requests).toHaveLength(2);
    expect(only(platform.last())).toMatchObject({ state: 'done', retryAt: null });
  });

  it('gives up after repeated 429s and says so', async () => {
    const platform = fakePlatform();
    for (let i = 0; i < 10; i++) platform.respond(() => failure(429, 'busy', 'throttled', Date.now() + 1000));
    createActionRunner(platform.deps).run(forceClose, 'r1');
    await vi.advanceTimersByTimeAsync(60_000);
    expect(platform.requests).toHaveLength(6);
    expect(only(platform.last())).toMatchObject({ state: 'failed', failure: 'throttled' });
  });

  it('explains an assign refused because the user holds the API access role (sam)', async () => {
    const platform = fakePlatform({ status: 'open', agentId: null });
    platform.setAccess(access({ hasApiAccessRole: true }));
    platform.respond(() => failure(403, 'Principal user is missing prvAssign privilege'));
    createActionRunner(platform.deps).run({ kind: 'assignAgent', ...at(), agentId: AGENT_ID, override: false }, 'r1');
    await settle();
    expect(only(platform.last())).toMatchObject({
      failure: 'forbidden',
      reason: 'actions_reason_apiAccessRole',
      detail: 'Principal user is missing prvAssign privilege',
    });
  });
});

describe('action runner: the way to the platform', () => {
  it('sends writes and their reason notes through the workspace tab while it is open, from the worker when it is not', async () => {
    const open = fakePlatform();
    createActionRunner(open.deps).run({ ...forceClose, reason: 'Spam' }, 'r1');
    await settle();
    expect(open.ways).toEqual(['page', 'page']);

    const closed = fakePlatform();
    closed.setRoutes({ workspaceOpen: false, workerRefused: false });
    createActionRunner(closed.deps).run({ ...forceClose, reason: 'Spam' }, 'r1');
    await settle();
    expect(closed.ways).toEqual(['worker', 'worker']);
    expect(only(closed.last()).state).toBe('done');
  });

  it('never fails silently without a way: monitor with no workspace open, or any write once the org refused the worker', async () => {
    const noWorkspace = fakePlatform();
    noWorkspace.setRoutes({ workspaceOpen: false, workerRefused: false });
    createActionRunner(noWorkspace.deps).run(monitor, 'r1');
    await settle();
    expect(noWorkspace.requests).toEqual([]);
    expect(only(noWorkspace.last())).toMatchObject({ state: 'failed', failure: 'blocked', reason: 'actions_reason_openWorkspace' });

    const refusing = fakePlatform();
    refusing.setRoutes({ workspaceOpen: false, workerRefused: true });
    createActionRunner(refusing.deps).run(forceClose, 'r1');
    await settle();
    expect(refusing.requests).toEqual([]);
    expect(only(refusing.last())).toMatchObject({ failure: 'blocked', reason: 'actions_reason_openWorkspace' });
  });

  it('says what to do when the org refuses a write from the worker', async () => {
    const platform = fakePlatform();
    platform.setRoutes({ workspaceOpen: false, workerRefused: false });
    platform.respond(() => {
      // As the router does: a refused worker write with reads still working is remembered for the org.
      platform.setRoutes({ workspaceOpen: false, workerRefused: true });
      return failure(403, "Refused: changes from origin 'chrome-extension://abc'");
    });
    createActionRunner(platform.deps).run(forceClose, 'r1');
    await settle();
    expect(only(platform.last())).toMatchObject({
      failure: 'forbidden',
      reason: 'actions_reason_workerRefused',
      detail: "Refused: changes from origin 'chrome-extension://abc'",
    });
    expect(platform.row).not.toBeNull();
  });

  it('a page that lies about the answer cannot make an action done: only a read from the worker can', async () => {
    const platform = fakePlatform();
    // A page script that replaced fetch: it answers 204 to everything and sends nothing on.
    const lyingTab = (async () => ({ status: 204, redirected: false, headers: {}, body: '' })) as RunInTab;
    const page = createPageTransport({
      org: 'https://contoso.crm4.dynamics.com',
      counters: createCounters(),
      runInTab: lyingTab,
      tab: async () => 7,
    });
    const deps = { ...platform.deps, transport: () => ({ ok: true as const, via: 'page' as const, transport: page }) };
    createActionRunner(deps).run(forceClose, 'r1');
    await settle();
    expect(platform.row).not.toBeNull();
    expect(only(platform.last())).toMatchObject({ state: 'failed', failure: 'network', reason: 'actions_reason_unconfirmed' });
  });

  it('says where the conversation opened, and that it could not be opened when that fails', async () => {
    const platform = fakePlatform();
    const deps = { ...platform.deps, openInWorkspace: () => Promise.reject(new Error('tab gone')) };
    createActionRunner(deps).run(monitor, 'r1');
    await settle();
    expect(only(platform.last())).toMatchObject({ state: 'done', openedIn: 'none' });
  });
});

describe('action runner: transfer and assignment wait for the agent', () => {
  it('shows the transfer pending until the target accepts', async () => {
    const platform = fakePlatform();
    createActionRunner(platform.deps).run({ kind: 'transfer', ...at(), agentId: 'target' }, 'r1');
    await settle();
    expect(only(platform.last()).state).toBe('waitingForAgent');
    platform.answer(true);
    await vi.advanceTimersByTimeAsync(31_000);
    expect(only(platform.last()).state).toBe('done');
    expect(platform.row).toMatchObject({ agentId: 'target', participants: [{ agentId: AGENT_ID, mode: 'consult' }] });
  });

  it('fails as rejected when the target declines', async () => {
    const platform = fakePlatform({ status: 'open', agentId: null });
    createActionRunner(platform.deps).run({ kind: 'assignAgent', ...at(), agentId: 'target', override: true }, 'r1');
    await settle();
    expect(only(platform.last()).state).toBe('waitingForAgent');
    platform.answer(false);
    await vi.advanceTimersByTimeAsync(31_000);
    expect(only(platform.last())).toMatchObject({ state: 'failed', failure: 'rejected' });
  });

  it('records by how many units an override assignment exceeds capacity', async () => {
    const platform = fakePlatform({ status: 'open', agentId: null, capacityUnits: 25 });
    const full = agent({ capacityFree: 5 });
    platform.setAgents([full]);
    createActionRunner(platform.deps).run({ kind: 'assignAgent', ...at(), agentId: full.id, override: true }, 'r1');
    await settle();
    expect(only(platform.last())).toMatchObject({ state: 'waitingForAgent', capacityExceededBy: 20 });
  });

  it("prefers the platform's own count of exceeded units when its response has one", async () => {
    const platform = fakePlatform({ status: 'open', agentId: null, capacityUnits: 25 });
    platform.respond((request) => (platform.apply(request), { ok: true, status: 200, body: { CapacityExceededBy: 7 }, headers: {} }));
    createActionRunner(platform.deps).run({ kind: 'assignAgent', ...at(), agentId: 'target', override: true }, 'r1');
    await settle();
    expect(only(platform.last())).toMatchObject({ state: 'waitingForAgent', capacityExceededBy: 7 });
  });

  it('refuses an assignment over capacity without the override, before any request', async () => {
    const platform = fakePlatform({ status: 'open', agentId: null, capacityUnits: 25 });
    const full = agent({ capacityFree: 5 });
    platform.setAgents([full]);
    createActionRunner(platform.deps).run({ kind: 'assignAgent', ...at(), agentId: full.id, override: false }, 'r1');
    await settle();
    expect(platform.requests).toEqual([]);
    expect(only(platform.last())).toMatchObject({ failure: 'blocked', reason: 'actions_reason_needsOverride' });
  });
});

describe('action runner: never twice, never blind', () => {
  it('runs a double click, or the same action from two views, once', async () => {
    const platform = fakePlatform();
    const runner = createActionRunner(platform.deps);
    runner.run(forceClose, 'click-1');
    runner.run(forceClose, 'click-2');
    runner.run(forceClose, 'click-1');
    await settle();
    expect(platform.requests).toHaveLength(1);
    expect(only(platform.last()).id).toBe('click-1');
    runner.run(forceClose, 'click-1');
    await settle();
    expect(platform.requests).toHaveLength(1);
  });

  it('refuses a second, different action on a conversation while one is in flight', async () => {
    const platform = fakePlatform();
    const runner = createActionRunner(platform.deps);
    runner.run({ kind: 'transfer', ...at(), agentId: 'target' }, 'r1');
    await settle();
    runner.run({ ...forceClose, etag: platform.row!.etag }, 'r2');
    await settle();
    expect(platform.last().find((r) => r.id === 'r2')).toMatchObject({ failure: 'blocked', reason: 'actions_reason_inFlightOther' });
  });

  it('re-checks a conversation that changed since it was shown: refused as changed by someone else', async () => {
    const platform = fakePlatform({ status: 'open', agentId: null, queueId: OTHER_QUEUE_ID });
    platform.change({ agentId: 'someone', status: 'active' });
    createActionRunner(platform.deps).run({ kind: 'assignAgent', ...at('W/"1"'), agentId: 'target', override: true }, 'r1');
    await settle();
    expect(platform.requests).toEqual([]);
    expect(only(platform.last())).toMatchObject({ failure: 'conflict', reason: 'actions_reason_assignState' });
  });

  it('goes ahead when the changed conversation still allows the action', async () => {
    const platform = fakePlatform();
    platform.change({ sentiment: 8 });
    createActionRunner(platform.deps).run(forceClose, 'r1');
    await settle();
    expect(only(platform.last()).state).toBe('done');
  });

  it('leaves a swept conversation alone once anything touched it since it was listed (stuck means untouched)', async () => {
    const platform = fakePlatform();
    platform.change({ sentiment: 8 });
    createActionRunner(platform.deps).run({ ...forceClose, asSeen: true }, 'r1');
    await settle();
    expect(platform.requests).toEqual([]);
    expect(only(platform.last())).toMatchObject({ failure: 'conflict', reason: 'actions_reason_changedSinceSeen' });

    const untouched = fakePlatform();
    createActionRunner(untouched.deps).run({ ...forceClose, asSeen: true }, 'r1');
    await settle();
    expect(only(untouched.last()).state).toBe('done');
  });

  it('turns a platform 400 into a conflict when a re-read shows someone else changed it meanwhile', async () => {
    const platform = fakePlatform();
    platform.respond(() => {
      platform.change({ status: 'wrapup' });
      return failure(400, 'Conversation is not in a state that allows transfer');
    });
    createActionRunner(platform.deps).run({ kind: 'transfer', ...at(), agentId: 'target' }, 'r1');
    await settle();
    expect(only(platform.last())).toMatchObject({ failure: 'conflict', detail: 'Conversation is not in a state that allows transfer' });
  });

  it('refuses without a request when the platform rules say no (voice cannot be transferred)', async () => {
    const platform = fakePlatform({ channels: [CHANNEL.voice] });
    createActionRunner(platform.deps).run({ kind: 'transfer', ...at(), agentId: 'target' }, 'r1');
    await settle();
    expect(platform.requests).toEqual([]);
    expect(only(platform.last())).toMatchObject({ failure: 'blocked', reason: 'actions_reason_transferChannel' });
  });

  it('keeps the log bounded, newest first', async () => {
    const platform = fakePlatform({ channels: [CHANNEL.entityRecords] });
    const runner = createActionRunner(platform.deps);
    for (let i = 0; i < LOG_LIMIT + 5; i++) {
      runner.run(forceClose, `r${i}`);
      await vi.advanceTimersByTimeAsync(0);
    }
    const records = platform.last();
    expect(records).toHaveLength(LOG_LIMIT);
    expect(records[0]!.id).toBe(`r${LOG_LIMIT + 4}`);
  });
});

describe('action runner: a killed worker', () => {
  async function killedMidway(prepare: (p: ReturnType<typeof fakePlatform>) => void) {
    const before = fakePlatform({ status: 'open', agentId: null });
    prepare(before);
    const runner = createActionRunner(before.deps);
    runner.run({ kind: 'assignAgent', ...at(), agentId: 'target', override: true }, 'r1');
    await vi.advanceTimersByTimeAsync(0);
    return before;
  }

  it('re-reads the platform for an action that was already sent, without sending it again', async () => {
    // The worker dies while the request is on the wire (no answer ever comes back); the platform applied it.
    const platform = await killedMidway((p) => p.respond((request) => (p.apply(request), new Promise(() => undefined))));
    expect(platform.stored?.sent).toEqual(['r1']);
    const sentBefore = platform.requests.length;
    // A new worker, same storage and platform.
    const again = createActionRunner(platform.deps);
    await again.resume();
    await settle();
    expect(platform.requests.length).toBe(sentBefore);
    platform.answer(true);
    await vi.advanceTimersByTimeAsync(31_000);
    expect(only(platform.last())).toMatchObject({ id: 'r1', state: 'done' });
  });

  it('settles a sent action the platform does not show as failed, never as done', async () => {
    const platform = fakePlatform();
    platform.stored = {
      version: 1,
      sent: ['r1'],
      records: [pendingRecord('r1', forceClose, 'x', 0)],
    };
    await createActionRunner(platform.deps).resume();
    await settle();
    expect(platform.requests).toEqual([]);
    expect(only(platform.last())).toMatchObject({ state: 'failed', failure: 'network', reason: 'actions_reason_notApplied' });
  });

  it('sends an action that never left, and ignores unreadable storage', async () => {
    const platform = fakePlatform();
    platform.stored = {
      version: 1,
      sent: [],
      records: [pendingRecord('r1', forceClose, 'x', 0)],
    };
    await createActionRunner(platform.deps).resume();
    await settle();
    expect(platform.requests).toHaveLength(1);
    expect(only(platform.last()).state).toBe('done');

    // What the browser's session storage holds is read through the stored item, which refuses a garbled log.
    fakeBrowser.reset();
    await fakeBrowser.storage.session.set({ actions: { version: 1, records: 'nope' } });
    const garbled = fakePlatform();
    const storage = { load: () => actionLogItem.get(), save: actionLogItem.set };
    await createActionRunner({ ...garbled.deps, storage }).resume();
    expect(garbled.last()).toEqual([]);
  });

  it('runs an action that arrives before the worker has resumed once, not again when resuming', async () => {
    const platform = fakePlatform({ status: 'open', agentId: null });
    const runner = createActionRunner(platform.deps);
    runner.run({ kind: 'assignQueue', ...at(), queueId: OTHER_QUEUE_ID }, 'r1');
    await runner.resume();
    await settle();
    expect(platform.requests.filter((r) => r.path.endsWith('CCaaS_InitiateQueueAssignment'))).toHaveLength(1);
    expect(platform.published.every((records) => records.every((r) => r.state !== 'failed'))).toBe(true);
    expect(only(platform.last())).toMatchObject({ id: 'r1', state: 'done' });
  });
});
