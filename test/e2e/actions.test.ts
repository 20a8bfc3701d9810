import { AxePuppeteer } from '@axe-core/puppeteer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'puppeteer';
import { SAM, SOFIA } from '../../emulator/personas';
import { ACTION_DIALOG, DETAILS, detailsDriver, LIFECYCLE } from './details-driver';
import { startHarness, type Harness } from './harness';
import { webApi } from '../soak/probe';
import {
  actionRequests,
  CHAT,
  conversationOf,
  conversationPicker,
  FORCE_CLOSED,
  freeUnitsOf,
  isMessagingActive,
  isOpenUnassigned,
  isPendingFor,
  MODE,
  participantsOf,
  RECORDS,
  seatOf,
  STATUS,
  VOICE,
  type WebApi,
} from './platform';
import { until } from './screen';

/**
 * The supervisor actions end to end, through the side panel's UI against the emulator: the platform's rules
 * visible before the click (disabled with the reason), and the outcome read back from the platform (the
 * conversation's agent, queue, status and transfer count, its session's participants), not from the panel's words.
 */

/** msdyn_statuschangereason while an assignment or a transfer waits for the agent. */
const ASSIGNED_BY_SUPERVISOR = 192350017;
const AWAITING_AGENT_ACCEPTANCE = 192350002;

describe('actions: monitor, join, assign, transfer, force close through the panel', () => {
  let h: Harness;
  let sp: Page;
  let api: WebApi;
  let panel: ReturnType<typeof detailsDriver>;
  let conversations: ReturnType<typeof conversationPicker>;

  const expectAccessible = async (selector: string) => {
    const results = await new AxePuppeteer(sp)
      .include(selector)
      .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'])
      .analyze();
    expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
  };
  beforeAll(async () => {
    // The org's clock stands still: no simulated routing races the test for the rows it picks.
    h = await startHarness({ scenario: 'typical', user: SOFIA.upn, speed: 0 });
    api = webApi(h, SOFIA.upn);
    conversations = conversationPicker(api);
    sp = await h.openSidePanel();
    panel = detailsDriver(sp, sp);
    await sp.waitForSelector('[role="grid"] [role="row"][aria-rowindex="2"]', { timeout: 30_000 });
  });
  afterAll(async () => {
    await h?.close();
  });

  it('monitors, opens the conversation in the workspace, then joins (the workspace shows the join notice)', async () => {
    const row = await conversations.pick((r) => isMessagingActive(r) && r.msdyn_channel === CHAT);
    await panel.openRow(row.activityid);
    expect((await panel.disabledReason('monitor')).disabled).toBe(false);
    await panel.click(DETAILS, 'Monitor');
    await panel.waitForText(LIFECYCLE, 'You are monitoring this conversation');
    // On the platform: Sofia's seat in the conversation's session, in monitor mode.
    expect(seatOf(await participantsOf(api, row.activityid), SOFIA.systemuserid, MODE.monitor)).toMatchObject({
      statecode: 0,
      msdyn_lefton: null,
    });
    await until(
      async () => h.page.url(),
      (url) => url.includes(`pagetype=entityrecord&etn=msdyn_ocliveworkitem&id=${row.activityid}`),
      'the workspace to open the conversation',
    );
    await h.page.waitForSelector('#transcript');
    await panel.click(DETAILS, 'Join');
    await panel.waitForText(LIFECYCLE, 'You joined the conversation');
    // The same seat now consults: Sofia is in the conversation.
    const seats = await participantsOf(api, row.activityid);
    expect(seatOf(seats, SOFIA.systemuserid, MODE.consult)).toMatchObject({ statecode: 0, msdyn_lefton: null });
    expect(seatOf(seats, SOFIA.systemuserid, MODE.monitor)).toBeUndefined();
    await h.page.waitForFunction(
      () => [...document.querySelectorAll('.notice')].some((n) => n.textContent?.includes('Sofia Lindqvist joined the conversation')),
      { timeout: 10_000, polling: 200 },
    );
  });

  it('shows every unavailable action disabled, with the reason in words', async () => {
    const active = await conversations.pick(isMessagingActive);
    await panel.openRow(active.activityid);
    expect(await panel.disabledReason('assign')).toEqual({
      disabled: true,
      reason: 'Assign: Only open, unassigned conversations can be assigned',
    });

    const voice = await conversations.pick(
      (r) => r.msdyn_channel === VOICE && (r.statuscode === STATUS.active || r.statuscode === STATUS.waiting),
    );
    await panel.openRow(voice.activityid);
    expect((await panel.disabledReason('transfer')).reason).toContain(
      'Only messaging conversations (chat, SMS, WhatsApp …) can be transferred',
    );
    expect((await panel.disabledReason('forceClose')).disabled).toBe(false);

    const routed = await conversations.pick((r) => r.msdyn_channel === RECORDS && r.statuscode !== STATUS.open);
    await panel.openRow(routed.activityid);
    expect((await panel.disabledReason('monitor')).reason).toContain("Record-routed conversations can't be monitored");

    const own = await conversations.pick((r) => r._msdyn_activeagentid_value === SOFIA.systemuserid && r.statuscode === STATUS.active);
    await panel.openRow(own.activityid);
    expect((await panel.disabledReason('monitor')).reason).toContain("You can't monitor a conversation you handle yourself");

    const open = await conversations.pick(isOpenUnassigned);
    await panel.openRow(open.activityid);
    expect((await panel.disabledReason('monitor')).reason).toContain('Only active, waiting or wrap-up conversations can be monitored');
    expect((await panel.disabledReason('transfer')).reason).toContain('Only active or waiting conversations can be transferred');
  });

  it('assigns to an agent over capacity, saying by how many units before confirming; pending, then accepted', async () => {
    const row = await conversations.pick(isOpenUnassigned);
    await panel.openRow(row.activityid);
    await panel.click(DETAILS, 'Assign');
    await sp.waitForSelector(ACTION_DIALOG);
    await (await sp.waitForSelector(`${ACTION_DIALOG} ::-p-text(Override presence and capacity)`))!.click();
    // Each agent's free units in the picker are the platform's (msdyn_availableunitscapacity).
    const listed = await sp.$$eval(`${ACTION_DIALOG} .fw-candidate`, (labels) =>
      labels.map((label) => ({
        id: label.querySelector('input')!.value,
        why: label.querySelector('.fw-candidate-why')?.textContent ?? '',
      })),
    );
    expect(listed.length).toBeGreaterThan(0);
    for (const candidate of listed) {
      expect(/(-?\d+) units free/.exec(candidate.why)?.[1], `free units of ${candidate.id}`).toBe(
        String(await freeUnitsOf(api, candidate.id)),
      );
    }
    // Needs the feed to give each conversation its workstream's capacity units (Conversation.capacityUnits).
    const over = await sp
      .waitForSelector(`${ACTION_DIALOG} .fw-candidate.fw-over:has(.fw-candidate-cost) input`, { timeout: 5000 })
      .catch(async () => {
        throw new Error(
          `No agent is shown with the units an override would exceed; the picker shows: ${await panel.textOf(`${ACTION_DIALOG} .fw-candidates`)}`,
        );
      });
    await over!.click();
    const agent = await panel.pickedCandidate();
    await panel.waitForText(`${ACTION_DIALOG} #fw-assign-cost`, 'exceeds their capacity by');
    const units = Number(/by (\d+) units/.exec(await panel.textOf(`${ACTION_DIALOG} #fw-assign-cost`))?.[1]);
    // By as many units as the workstream asks for beyond what the agent has free, as the platform counts them.
    const workstream = await api.call<{ msdyn_capacityrequired: number }>(
      'GET',
      `msdyn_liveworkstreams(${row._msdyn_liveworkstreamid_value})?$select=msdyn_capacityrequired`,
    );
    expect(units).toBe(workstream.msdyn_capacityrequired - (await freeUnitsOf(api, agent.id))!);
    expect(units).toBeGreaterThan(0);
    await panel.click(ACTION_DIALOG, 'Assign');
    await panel.waitForText(LIFECYCLE, 'Assignment pending: waiting for');
    // Pending on the platform: the agent is named on the conversation, still Open, their seat not joined yet.
    const pending = await conversationOf(api, row.activityid);
    expect(pending).toMatchObject({
      statuscode: STATUS.open,
      _msdyn_activeagentid_value: agent.id,
      msdyn_statuschangereason: ASSIGNED_BY_SUPERVISOR,
    });
    expect(isPendingFor(await participantsOf(api, row.activityid), agent.id)).toBe(true);
    await h.control(`conversations/${row.activityid}/respond`, { decision: 'accept' });
    await panel.waitForText(LIFECYCLE, 'units over capacity', 30_000);
    expect(await conversationOf(api, row.activityid)).toMatchObject({ statuscode: STATUS.active, _msdyn_activeagentid_value: agent.id });
    const seat = seatOf(await participantsOf(api, row.activityid), agent.id, MODE.primary);
    expect(seat?.msdyn_joinedon).not.toBeNull();
  });

  it('assigns to another queue', async () => {
    const row = await conversations.pick(isOpenUnassigned);
    await panel.openRow(row.activityid);
    await panel.click(DETAILS, 'Assign');
    // The agent list may be empty for this queue (nobody eligible): the queue choice is there either way.
    await sp.waitForSelector(`${ACTION_DIALOG} ::-p-text(Another queue)`);
    await expectAccessible(ACTION_DIALOG);
    await expectAccessible(`${DETAILS} .fw-actions`);
    await (await sp.waitForSelector(`${ACTION_DIALOG} ::-p-text(Another queue)`))!.click();
    const queue = await sp.$eval(`${ACTION_DIALOG} select`, (s) => ({ id: s.value, name: s.selectedOptions[0]?.textContent ?? '' }));
    expect(queue.id).not.toBe(row._msdyn_cdsqueueid_value);
    await panel.click(ACTION_DIALOG, 'Assign');
    await panel.waitForText(LIFECYCLE, `Moved to queue ${queue.name}`);
    // On the platform: in the chosen queue, still Open and unassigned, waiting there.
    expect(await conversationOf(api, row.activityid)).toMatchObject({
      _msdyn_cdsqueueid_value: queue.id,
      statuscode: STATUS.open,
      _msdyn_activeagentid_value: null,
    });
  });

  it('transfers: pending until the target accepts; a rejected transfer shows as rejected', async () => {
    for (const decision of ['accept', 'reject'] as const) {
      const row = await conversations.pick(isMessagingActive);
      const target = await panel.transfer(row.activityid);
      await panel.waitForText(LIFECYCLE, `Transfer pending: waiting for ${target.name} to accept`);
      // Pending on the platform: the first agent still has it; the target's seat waits, not joined.
      expect(await conversationOf(api, row.activityid)).toMatchObject({
        _msdyn_activeagentid_value: row._msdyn_activeagentid_value,
        msdyn_statuschangereason: AWAITING_AGENT_ACCEPTANCE,
        msdyn_transfercount: row.msdyn_transfercount,
      });
      expect(isPendingFor(await participantsOf(api, row.activityid), target.id)).toBe(true);
      await h.control(`conversations/${row.activityid}/respond`, { decision });
      await panel.waitForText(
        LIFECYCLE,
        decision === 'accept' ? `Transferred to ${target.name}` : `${target.name} rejected the transfer`,
        40_000,
      );
      const after = await conversationOf(api, row.activityid);
      const seat = seatOf(await participantsOf(api, row.activityid), target.id, MODE.primary);
      if (decision === 'accept') {
        expect(after).toMatchObject({ _msdyn_activeagentid_value: target.id, msdyn_transfercount: (row.msdyn_transfercount ?? 0) + 1 });
        expect(seat?.msdyn_joinedon).not.toBeNull();
      } else {
        expect(after).toMatchObject({
          _msdyn_activeagentid_value: row._msdyn_activeagentid_value,
          msdyn_transfercount: row.msdyn_transfercount,
        });
        expect(seat?.msdyn_lefton).not.toBeNull();
      }
    }
  });

  it('still shows the final outcome when the worker is killed while a transfer waits (re-read, not guessed)', async () => {
    const row = await conversations.pick(isMessagingActive);
    const target = await panel.transfer(row.activityid);
    await panel.waitForText(LIFECYCLE, 'Transfer pending');
    expect(isPendingFor(await participantsOf(api, row.activityid), target.id)).toBe(true);
    await h.killWorker();
    await h.control(`conversations/${row.activityid}/respond`, { decision: 'accept' });
    await panel.waitForText(LIFECYCLE, `Transferred to ${target.name}`, 40_000);
    expect(await conversationOf(api, row.activityid)).toMatchObject({
      _msdyn_activeagentid_value: target.id,
      msdyn_transfercount: (row.msdyn_transfercount ?? 0) + 1,
    });
  });

  it('force closes after a confirmation naming the conversation, the agent and the customer', async () => {
    const row = await conversations.pick(isMessagingActive);
    await panel.openRow(row.activityid);
    await panel.click(DETAILS, 'Force close');
    const question = await panel.textOf(`${ACTION_DIALOG} #fw-force-close-question`);
    expect(question).toContain(`Force close “${row.subject}”?`);
    await panel.click(ACTION_DIALOG, 'Force close');
    // The row leaves the list as Closed.
    await sp.waitForFunction((id) => !document.getElementById(`fw-row-${id}`), { timeout: 20_000, polling: 100 }, row.activityid);
    expect(await conversationOf(api, row.activityid)).toMatchObject({
      statecode: 1,
      statuscode: STATUS.closed,
      msdyn_statuschangereason: FORCE_CLOSED,
    });
  });

  it('completes a throttled action after Retry-After, saying when it retries', async () => {
    const row = await conversations.pick(isMessagingActive);
    await panel.openRow(row.activityid);
    const since = new Date();
    await h.control('faults', { throttle: { count: 3, retryAfterSeconds: 3 } });
    try {
      await panel.click(DETAILS, 'Force close');
      await panel.click(ACTION_DIALOG, 'Force close');
      await panel.waitForText(LIFECYCLE, 'the platform is busy; retrying at');
      await sp.waitForFunction((id) => !document.getElementById(`fw-row-${id}`), { timeout: 30_000, polling: 100 }, row.activityid);
    } finally {
      await h.control('faults', { clear: true });
    }
    expect(await conversationOf(api, row.activityid)).toMatchObject({
      statecode: 1,
      statuscode: STATUS.closed,
      msdyn_statuschangereason: FORCE_CLOSED,
    });
    // Run once: a single call the platform accepted.
    expect((await actionRequests(h, since, row.activityid)).filter((r) => r.status !== null && r.status < 300)).toHaveLength(1);
  });

  // Off: the feed re-reads the org's switches every 30 s (not only at the 5-minute access re-check), so the change shows
  // within one re-read plus a poll (45 s allowed on a loaded machine). Back on: a refresh reads them with the list, well
  // before the next re-read (the last was moments ago, when "off" showed).
  it("turns all four off with the org's switches, live, and back on at a refresh", async () => {
    const row = await conversations.pick(isMessagingActive);
    await panel.openRow(row.activityid);
    const all = (on: boolean) => h.control('config', { switches: { monitor: on, assign: on, transfer: on, forceClose: on } });
    await all(false);
    try {
      await panel.waitForText(`${DETAILS} .fw-actions-reasons`, 'Force close is turned off by your administrator', 45_000);
      for (const [requested, name] of [
        ['monitor', 'Monitor'],
        ['assign', 'Assign'],
        ['transfer', 'Transfer'],
        ['forceClose', 'Force close'],
      ]) {
        expect(await panel.disabledReason(requested!)).toEqual({
          disabled: true,
          reason: `${name}: ${name} is turned off by your administrator`,
        });
      }
    } finally {
      await all(true);
    }
    // The details are a modal dialog: the supervisor closes them, refreshes, and opens the conversation again.
    await panel.closeDetails();
    await (await sp.waitForSelector('::-p-aria([name="Refresh"][role="button"])'))!.click();
    await panel.openRow(row.activityid);
    await sp.waitForFunction(
      (s) => !document.querySelector(`${s} .fw-actions-reasons`)?.textContent?.includes('administrator'),
      { timeout: 10_000, polling: 200 },
      DETAILS,
    );
    expect((await panel.disabledReason('forceClose')).disabled).toBe(false);
  }, 90_000);

  it("explains why sam's assign fails (the Omnichannel API access role), and the platform is unchanged", async () => {
    await h.page.goto(`${h.emulatorUrl}/signin?user=${encodeURIComponent(SAM.upn)}`);
    await sp.reload();
    await sp.waitForSelector('[role="grid"] [role="row"][aria-rowindex="2"]', { timeout: 30_000 });
    const row = await conversations.pick(isOpenUnassigned);
    await panel.openRow(row.activityid);
    const since = new Date();
    await panel.click(DETAILS, 'Assign');
    await panel.waitForText(ACTION_DIALOG, 'Omnichannel API access');
    await panel.click(ACTION_DIALOG, 'Assign');
    await panel.waitForText(LIFECYCLE, 'Assign to agent failed: you lack the permission');
    expect(await panel.textOf(LIFECYCLE)).toContain('Ask your administrator to remove that role from your account.');
    // The platform refused it, and the conversation is as it was: Open, unassigned, nobody's seat waiting.
    expect((await actionRequests(h, since, row.activityid)).map((r) => [r.user, r.status])).toEqual([[SAM.upn, 403]]);
    expect(await conversationOf(api, row.activityid)).toMatchObject({ statuscode: STATUS.open, _msdyn_activeagentid_value: null });
    expect(
      (await participantsOf(api, row.activityid)).filter(
        (p) => p.msdyn_mode === MODE.primary && p.msdyn_joinedon === null && p.msdyn_lefton === null,
      ),
    ).toEqual([]);
  });
});
