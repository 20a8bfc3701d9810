import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'puppeteer';
import { SAM, SOFIA } from '../../emulator/personas';
import type { Conversation } from '../../lib/model/conversation';
import { startHarness, type Harness } from './harness';
import { openView, requestsSince, sendAction, stateOf, waitForState, webApi } from '../soak/probe';
import { actionRequests, MESSAGING, MODE, participantsOf, requestsWithInFlight, seatOf, supervisedOngoing } from './platform';
import { closeDialogs, search, until, waitForText } from './screen';

/**
 * Reliability end to end: the emulator's fault switches against the built extension. What the user sees is read from
 * the side panel (its freshness line, its grid, a row's details); the port snapshot (a probe view) says which rows
 * and actions the worker holds; the emulator's request log says what reached the platform and when.
 */

const INTERVAL_MS = 3_000;
/** A poll cycle is several requests; on loopback they take well under this. */
const CYCLE_SLACK_MS = 1_500;
const FEED_READS = /msdyn_ocliveworkitems|msdyn_sessionparticipants|msdyn_agentstatuses/;
/** A poll cycle's first request: the read of the conversations collection. */
const isPoll = (r: { method: string; path: string }) => r.method === 'GET' && r.path.startsWith('/api/data/v9.2/msdyn_ocliveworkitems?');

describe('reliability: faults, bad data and a killed worker, with nothing lost', () => {
  let h: Harness;
  let sp: Page;
  let view: Page;
  /** Is Sofia monitoring the conversation, according to the platform (a monitor seat on its session)? */
  const monitoredByUs = async (conversationId: string) =>
    seatOf(await participantsOf(webApi(h, SOFIA.upn), conversationId), SOFIA.systemuserid, MODE.monitor) !== undefined;
  const used = new Set<string>();

  const freshnessText = () => sp.$eval('.fw-freshness', (element) => element.textContent ?? '');
  const waitFreshness = async (pattern: RegExp, timeout: number) => {
    const start = Date.now();
    await sp.waitForFunction(
      (source, flags) => new RegExp(source, flags).test(document.querySelector('.fw-freshness')?.textContent ?? ''),
      { timeout, polling: 50 },
      pattern.source,
      pattern.flags,
    );
    return Date.now() - start;
  };
  /** Milliseconds from `since` to the first poll the platform answered well after it (the emulator's log). */
  const firstGoodPollAfter = async (since: number) => {
    const log = await until(
      () => requestsSince(h, new Date(since)),
      (found) => found.some((r) => isPoll(r) && r.status === 200),
      'a poll answered well',
      30_000,
    );
    return Date.parse(log.find((r) => isPoll(r) && r.status === 200)!.time) - since;
  };
  const gridRows = () => sp.$eval('[role="grid"]', (grid) => Number(grid.getAttribute('aria-rowcount')) - 1);
  /** Requests the platform has received since then and not answered yet. */
  const inFlight = async (since: Date) => (await requestsWithInFlight(h, since)).filter((r) => r.status === null);
  const ourRequests = async (since: Date) => (await requestsSince(h, since)).filter((r) => r.user === SOFIA.upn || r.user === null);
  /** A conversation no other check has touched. */
  const pick = async (test: (c: Conversation) => boolean): Promise<Conversation> => {
    const state = (await stateOf(view))!;
    const row = state.conversations.find((c) => !used.has(c.id) && test(c));
    if (!row) throw new Error('The scenario has no conversation for this check');
    used.add(row.id);
    return row;
  };
  const messagingActive = (c: Conversation) =>
    c.status === 'active' &&
    c.channels.every((ch) => MESSAGING.includes(String(ch))) &&
    c.agentId !== SOFIA.systemuserid &&
    !c.participants.some((p) => p.agentId === SOFIA.systemuserid) &&
    !c.pending;
  const waitAction = (id: string, timeout = 30_000) =>
    waitForState(view, `s.actions.some((a) => a.id === '${id}' && (a.state === 'done' || a.state === 'failed'))`, timeout);
  /** The supervisor calls on the conversation the platform accepted. */
  const accepted = async (since: Date, conversationId: string) =>
    (await actionRequests(h, since, conversationId)).filter((r) => r.status !== null && r.status < 300);

  const DETAILS = 'dialog[open]:has(.fw-actions)';
  const ACTION_DIALOG = 'dialog.fw-action-dialog[open]';
  async function openRow(id: string): Promise<void> {
    await search(sp, id);
    await (await sp.waitForSelector(`#fw-row-${id}`, { timeout: 15_000 }))!.click();
    await sp.waitForSelector(DETAILS);
  }
  async function closeDetails(): Promise<void> {
    await closeDialogs(sp, sp);
    await search(sp, '');
  }

  beforeAll(async () => {
    h = await startHarness({ scenario: 'typical', user: SOFIA.upn });
    view = await openView(h);
    sp = await h.openSidePanel();
    await sp.setViewport({ width: 420, height: 900 });
    await sp.waitForSelector('[role="grid"] [role="row"][aria-rowindex="2"]', { timeout: 30_000 });
    await waitFreshness(/^● ?Live/, 15_000);
  });
  afterAll(async () => {
    await h?.close();
  });
  // A test that fails half-way must not leave its fault on for the next one.
  afterEach(async () => {
    await h.control('faults', { clear: true });
  });

  it('throttling: no request inside the Retry-After window, the time is shown, feed and a pending action complete after', async () => {
    const target = await pick(messagingActive);
    const since = new Date();
    await h.control('faults', { throttle: { count: 3, retryAfterSeconds: 4 } });
    await sendAction(view, { kind: 'monitor', conversationId: target.id, etag: target.etag }, 'rel-throttle-monitor');
    await waitFreshness(/Throttled, retrying at \d{1,2}:\d{2}/, 10_000);
    const shown = /retrying at (\d{1,2}):(\d{2})(?::(\d{2}))?/.exec(await freshnessText())!;
    await waitFreshness(/^● ?Live/, 30_000);
    const done = await waitAction('rel-throttle-monitor');
    expect(done.actions.find((a) => a.id === 'rel-throttle-monitor')).toMatchObject({ state: 'done', failure: null });

    const log = await ourRequests(since);
    const throttled = log.filter((r) => r.status === 429);
    expect(throttled.length).toBe(3);
    for (const answer of throttled) {
      const at = Date.parse(answer.time);
      // Requests that left before the 429 came back are not the client's fault: allow 250 ms for the answer to land.
      const inside = log.filter((r) => Date.parse(r.time) > at + 250 && Date.parse(r.time) < at + 4_000);
      expect(inside, `requests inside the window after the 429 at ${answer.time}`).toEqual([]);
    }
    // The shown time (12- or 24-hour clock, English) is when the platform allows the next request.
    const retryAt = new Date(Date.parse(throttled[0]!.time) + 4_000);
    const clockSeconds = (hours: number, minutes: number, seconds: number) => ((hours % 12) * 60 + minutes) * 60 + seconds;
    const [hours, minutes, seconds] = [Number(shown[1]), Number(shown[2]), Number(shown[3] ?? retryAt.getSeconds())];
    expect(
      Math.abs(clockSeconds(hours, minutes, seconds) - clockSeconds(retryAt.getHours(), retryAt.getMinutes(), retryAt.getSeconds())),
    ).toBeLessThanOrEqual(2);
    expect(await accepted(since, target.id)).toHaveLength(1);
  });

  for (const status of [500, 503]) {
    it(`${status} burst: "Delayed" with the last rows kept, live again within one interval, a pending action settled once`, async () => {
      const target = await pick(messagingActive);
      const since = new Date();
      await h.control('faults', { errors: { status, rate: 1 } });
      await sendAction(view, { kind: 'monitor', conversationId: target.id, etag: target.etag }, `rel-${status}-monitor`);
      await waitFreshness(/Delayed/, 10_000);
      const rowsShown = await gridRows();
      // Two more polls fail while the panel says "Delayed": the rows stay.
      const delayedAt = new Date();
      await until(
        async () => (await ourRequests(delayedAt)).filter((r) => isPoll(r) && r.status === status).length,
        (n) => n >= 2,
        `two more polls answered ${status}`,
        30_000,
      );
      expect(rowsShown).toBeGreaterThan(0);
      expect(await gridRows()).toBe(rowsShown);
      const failing = (await stateOf(view))!;
      expect(failing.freshness.state).toMatch(/delayed|offline/);
      expect(failing.conversations.length).toBeGreaterThan(0);
      const clearedAt = Date.now();
      await h.control('faults', { clear: true });
      await waitFreshness(/^● ?Live/, 30_000);
      // Backoff never stretches past the interval: the first good poll comes within one interval of the fault ending.
      expect(await firstGoodPollAfter(clearedAt)).toBeLessThanOrEqual(INTERVAL_MS + CYCLE_SLACK_MS);

      // The action has one final outcome, and it is what the platform did: monitoring if and only if it says done.
      const finished = (await waitAction(`rel-${status}-monitor`)).actions.find((a) => a.id === `rel-${status}-monitor`)!;
      const platform = await monitoredByUs(target.id);
      expect(finished.state === 'done', `outcome ${finished.state}/${finished.reason} vs platform monitoring ${platform}`).toBe(platform);
      expect((await accepted(since, target.id)).length).toBeLessThanOrEqual(1);
    });
  }

  it('10 s latency: "Delayed" while answers take 10 s, rows kept, live again once they are quick', async () => {
    await h.control('faults', { latencyMs: 10_000 });
    await waitFreshness(/Delayed/, 25_000);
    expect(await gridRows()).toBeGreaterThan(0);
    const clearedAt = Date.now();
    await h.control('faults', { clear: true });
    await waitFreshness(/^● ?Live/, 30_000);
    // Requests already waiting keep their 10 s; the next cycle is quick again.
    expect(await firstGoodPollAfter(clearedAt)).toBeLessThanOrEqual(10_000 + INTERVAL_MS + CYCLE_SLACK_MS);
  });

  it('dropped connections: "Offline since …", rows kept, live again without user action', async () => {
    await h.control('faults', { dropConnections: { count: 4 } });
    await waitFreshness(/Offline since \d{1,2}:\d{2}/, 10_000);
    expect(await gridRows()).toBeGreaterThan(0);
    await waitFreshness(/^● ?Live/, 30_000);
    const state = (await h.control<{ faults: { dropConnections?: { count: number } } }>('state')).faults;
    expect(state.dropConnections?.count ?? 0).toBe(0);
  });

  it('truncated JSON: "Delayed", last good data kept, live again within one interval of the fault ending', async () => {
    const before = (await stateOf(view))!;
    await h.control('faults', { malformed: { count: 2 } });
    await waitFreshness(/Delayed/, 10_000);
    const during = (await stateOf(view))!;
    expect(during.conversations.map((c) => c.id).sort()).toEqual(before.conversations.map((c) => c.id).sort());
    const delayedAt = Date.now();
    await waitFreshness(/^● ?Live/, 30_000);
    // Both truncated answers are used up within the first failed cycle or the next; the one after that is good.
    expect(await firstGoodPollAfter(delayedAt)).toBeLessThanOrEqual(2 * (INTERVAL_MS + CYCLE_SLACK_MS));
  });

  it('session expiry: "Sign in again", no feed reads while signed out, resumes by itself after sign-in', async () => {
    await h.control('faults', { expireSessions: true });
    await waitFreshness(/Sign in again/, 10_000);
    await sp.waitForSelector('::-p-text(Sign in to Dynamics 365 again)');
    // Signed out, the worker only looks for a new sign-in now and then (one small request); it waits for that one.
    const signedOut = new Date();
    const whileOut = await until(
      () => ourRequests(signedOut),
      (found) => found.length > 0,
      'the worker’s sign-in probe',
      30_000,
      250,
    );
    expect(whileOut.filter((r) => FEED_READS.test(r.path))).toEqual([]);
    expect(Date.parse(whileOut[0]!.time) - signedOut.getTime()).toBeGreaterThan(3 * INTERVAL_MS);

    await h.page.goto(`${h.emulatorUrl}/signin?user=${encodeURIComponent(SOFIA.upn)}`);
    await waitFreshness(/^● ?Live/, 30_000);
    expect(await gridRows()).toBeGreaterThan(0);
  });

  it('worker killed while polling: the panel keeps its rows, reconnects and is live again', async () => {
    await h.control('clock', { paused: true });
    try {
      await waitFreshness(/^● ?Live/, 10_000);
      // The clock is stopped, so the platform's list holds still. The panel is compared with it, not with what it
      // showed before its next poll: a conversation that came just before the stop would count as gained.
      const ongoing = (await supervisedOngoing(webApi(h, SOFIA.upn))).length;
      await until(gridRows, (rows) => rows === ongoing, 'the panel to show the platform’s ongoing list', 15_000, 100);
      // Slow answers keep the poll on the wire: the worker is stopped once the platform has received it.
      const since = new Date();
      await h.control('faults', { latencyMs: 3_000 });
      await until(
        () => inFlight(since),
        (found) => found.some(isPoll),
        'a poll the platform has received and not answered',
        20_000,
        50,
      );
      const killedAt = Date.now();
      await h.killWorker();
      await h.control('faults', { clear: true });
      await waitForState(view, `s.freshness.lastSuccessAt > ${killedAt}`, 30_000);
      await waitFreshness(/^● ?Live/, 15_000);
      expect(await gridRows()).toBe(ongoing);
    } finally {
      await h.control('clock', { paused: false });
    }
  });

  it('worker killed during an action: the outcome is read back from the platform and shown, the call not sent twice', async () => {
    const target = await pick(messagingActive);
    const since = new Date();
    // Every answer takes 4 s: the monitor call stays on the wire long enough to stop the worker under it.
    await h.control('faults', { latencyMs: 4_000 });
    await sendAction(view, { kind: 'monitor', conversationId: target.id, etag: target.etag }, 'rel-kill-monitor');
    const received = await until(
      () => actionRequests(h, since, target.id),
      (found) => found.length > 0,
      'the monitor call to reach the platform',
      40_000,
      50,
    );
    // The platform has received the call and not answered it yet when the worker stops.
    expect(received.map((r) => r.status)).toEqual([null]);
    await h.killWorker();
    await h.control('faults', { clear: true });
    const finished = (await waitAction('rel-kill-monitor', 40_000)).actions.find((a) => a.id === 'rel-kill-monitor')!;
    const posts = await actionRequests(h, since, target.id);
    // One call reached the platform (answered after the worker that sent it was gone), none was sent again.
    expect(posts.map((r) => r.status)).toEqual([204]);
    expect(finished.state).toBe('done');
    expect(await monitoredByUs(target.id)).toBe(true);
    await openRow(target.id);
    await waitForText(sp, `${DETAILS} .fw-actions-lifecycle`, 'You are monitoring this conversation');
    await closeDetails();
  });

  it('conflict: another supervisor transfers first; our transfer is refused as "changed by someone else", the row shows the transfer', async () => {
    const target = await pick(messagingActive);
    const personas = [SOFIA.systemuserid, SAM.systemuserid];
    const agent = (await stateOf(view))!.agents.find(
      (a) =>
        !a.isBot &&
        !personas.includes(a.id) &&
        a.id !== target.agentId &&
        a.queueIds.includes(target.queueId ?? '') &&
        (target.allowedPresences ?? ['available']).includes(a.presence),
    );
    if (!agent) throw new Error('No transfer target for the other supervisor');
    await (await sp.waitForSelector('.fw-header button::-p-text(Pause)'))!.click();
    try {
      await waitFreshness(/Paused/, 15_000);
      await openRow(target.id);
      await webApi(h, SAM.upn).call(
        'POST',
        `msdyn_ocliveworkitems(${target.id})/Microsoft.Dynamics.CRM.CCaaS_InitiateAgentTransferBySupervisor`,
        { ApiVersion: '1.0', AgentId: agent.id },
      );
      // The panel, paused, still shows the conversation as it was: the supervisor acts on what they see.
      await (await sp.waitForSelector(`${DETAILS} button::-p-text(Transfer)`))!.click();
      await sp.waitForSelector(`${ACTION_DIALOG} input[type="radio"]`);
      await (await sp.waitForSelector(`${ACTION_DIALOG} button::-p-text(Transfer)`))!.click();
      await waitForText(sp, `${DETAILS} .fw-actions-lifecycle`, 'changed by someone else');
      await waitForText(sp, DETAILS, 'A transfer waits for the agent to accept');
      const record = (await stateOf(view))!.actions.find((a) => a.intent.conversationId === target.id)!;
      expect(record).toMatchObject({ state: 'failed', failure: 'conflict' });
      await closeDetails();
    } finally {
      // Whatever happened, the next check needs the feed running.
      await closeDialogs(sp, sp);
      await (await sp.waitForSelector('.fw-header button::-p-text(Resume)'))!.click();
    }
    await waitFreshness(/^● ?Live/, 15_000);
  });

  it('bad data: long, right-to-left, emoji and unknown values render safely; wrongly typed rows are reported; the rest renders', async () => {
    const api = webApi(h, SOFIA.upn);
    const state = (await stateOf(view))!;
    const queue = state.queues.find((q) => q.supervised && q.type === 'messaging')!;
    const create = async (fields: Record<string, unknown>) =>
      String(
        (
          await api.call('POST', 'msdyn_ocliveworkitems', {
            msdyn_channel: '192360000',
            'msdyn_cdsqueueid_msdyn_ocliveworkitem@odata.bind': `/queues(${queue.id})`,
            ...fields,
          })
        ).activityid,
      );
    const long = `Long ${'x'.repeat(9_995)}`;
    const rtl = 'مرحبا بالعالم — שלום עולם';
    const emoji = '👩‍💻 Zoë 🎉 naïve ✔︎';
    const rendered = {
      long: await create({ subject: long }),
      rtl: await create({ subject: rtl }),
      emoji: await create({ subject: emoji }),
      missing: await create({}),
      unknownOption: await create({ subject: 'Unknown sentiment option' }),
    };
    const typedWrong = await create({ subject: 'Wrongly typed status' });
    const missingRequired = await create({ subject: 'No created-on date' });
    await h.control(`rows/msdyn_ocliveworkitems/${rendered.unknownOption}`, {
      set: { msdyn_customersentimentlabel: 99, msdyn_statuschangereason: 987654 },
    });
    await h.control(`rows/msdyn_ocliveworkitems/${typedWrong}`, { set: { statuscode: 'two', subject: 42 } });
    await h.control(`rows/msdyn_ocliveworkitems/${missingRequired}`, { set: { createdon: null } });

    const ids = Object.values(rendered);
    const after = await waitForState(
      view,
      `${JSON.stringify(ids)}.every((id) => s.conversations.some((c) => c.id === id)) && s.rowIssues.recent.some((i) => i.id === '${missingRequired}')`,
      15_000,
    );
    const reported = after.rowIssues.recent.filter((issue) => issue.id === typedWrong || issue.id === missingRequired);
    expect(new Set(reported.map((issue) => issue.id))).toEqual(new Set([typedWrong, missingRequired]));
    expect(after.conversations.find((c) => c.id === rendered.long)!.subject).toBe(long);

    await sp.waitForSelector('.fw-diagnostics summary::-p-text(could not be shown)');
    for (const [kind, id] of Object.entries(rendered)) {
      await search(sp, id);
      const row = (await sp.waitForSelector(`#fw-row-${id}`, { timeout: 10_000 }))!;
      const text = await row.evaluate((element) => element.textContent ?? '');
      if (kind === 'rtl') expect(text).toContain(rtl);
      if (kind === 'emoji') expect(text).toContain(emoji);
      if (kind === 'long') expect(text).toContain('Long xxxx');
      // Nothing pushes the panel sideways, however long the text.
      expect(await sp.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(420);
    }
    await search(sp, '');
    expect(await gridRows()).toBeGreaterThan(ids.length);
  });
});
