import { AxePuppeteer } from '@axe-core/puppeteer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'puppeteer';
import { startHarness, type Harness } from './harness';

/**
 * The supervisor actions end to end, through the side panel's UI against the emulator: the platform's rules
 * visible before the click (disabled with the reason), the real outcome confirmed after it.
 */

const SOFIA = '5f0f1a00-0000-4000-8000-000000000001';
const CHAT = '192360000';
const VOICE = '192370000';
const RECORDS = '192350000';
const MESSAGING = ['192360000', '192300000', '192340000', '192330000', '19241000', '192350002'];

interface Row {
  activityid: string;
  subject: string;
  statuscode: number;
  msdyn_channel: string;
  _msdyn_activeagentid_value: string | null;
  _msdyn_cdsqueueid_value: string | null;
}

const DETAILS = 'dialog[open]:has(.fw-actions)';
const ACTION_DIALOG = 'dialog.fw-action-dialog[open]';
const SEARCH = 'input[aria-label="Search conversations"]';

describe('actions: monitor, join, assign, transfer, force close through the panel', () => {
  let h: Harness;
  let sp: Page;
  let token: string;
  const used = new Set<string>();

  const api = async <T>(method: string, path: string): Promise<T> => {
    const response = await fetch(`${h.emulatorUrl}/api/data/v9.2/${path}`, { method, headers: { authorization: `Bearer ${token}`, accept: 'application/json' } });
    if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${await response.text()}`);
    return (await response.json()) as T;
  };
  const ongoing = async () =>
    (await api<{ value: Row[] }>('GET', 'msdyn_ocliveworkitems?$select=activityid,subject,statuscode,msdyn_channel,_msdyn_activeagentid_value,_msdyn_cdsqueueid_value&$filter=statecode eq 0')).value;
  /** A conversation no other check has touched yet. */
  const pick = async (test: (row: Row) => boolean): Promise<Row> => {
    const row = (await ongoing()).find((r) => !used.has(r.activityid) && test(r));
    if (!row) throw new Error('The scenario has no conversation for this check');
    used.add(row.activityid);
    return row;
  };
  const isMessagingActive = (r: Row) => r.statuscode === 2 && MESSAGING.includes(r.msdyn_channel) && r._msdyn_activeagentid_value !== SOFIA;
  const isOpenUnassigned = (r: Row) => r.statuscode === 1 && r._msdyn_activeagentid_value === null && r.msdyn_channel !== RECORDS;

  const waitForText = (selector: string, text: string, timeout = 15_000) =>
    sp.waitForFunction(
      (s, t) => [...document.querySelectorAll(s)].some((e) => e.textContent?.includes(t)),
      { timeout, polling: 100 },
      selector,
      text,
    );
  const expectAccessible = async (selector: string) => {
    const results = await new AxePuppeteer(sp).include(selector).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
    expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
  };
  /** Node-side polling: survives the page navigating underneath (puppeteer's waitForFunction does not). */
  const until = async (test: () => boolean, timeout = 10_000) => {
    for (const end = Date.now() + timeout; !test(); await new Promise((r) => setTimeout(r, 100))) {
      if (Date.now() > end) throw new Error('Timed out');
    }
  };
  const textOf = (selector: string) => sp.$eval(selector, (e) => e.textContent ?? '');

  async function openRow(id: string): Promise<void> {
    await closeDetails();
    await sp.waitForSelector(SEARCH);
    // Replace the search text the way typing does (an input event), whatever has focus after the last dialog.
    await sp.$eval(SEARCH, (input, value) => {
      const field = input;
      Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!.call(field, value);
      field.dispatchEvent(new Event('input', { bubbles: true }));
    }, id);
    const row = await sp.waitForSelector(`#fw-row-${id}`, { timeout: 15_000 }).catch(async (error: Error) => {
      const seen = await sp.evaluate(() => ({
        search: document.querySelector<HTMLInputElement>('input[aria-label="Search conversations"]')?.value,
        rows: document.querySelectorAll('[role="row"]').length,
        header: document.querySelector('header')?.textContent,
      }));
      throw new Error(`${error.message}; the panel shows ${JSON.stringify(seen)}`);
    });
    await row!.click();
    await sp.waitForSelector(DETAILS, { timeout: 5000 }).catch(async (error: Error) => {
      const dialogs = await sp.evaluate(() => [...document.querySelectorAll('dialog')].map((d) => `${d.open}:${d.className}:${d.textContent?.slice(0, 80)}`));
      throw new Error(`${error.message}; dialogs ${JSON.stringify(dialogs)}`);
    });
  }
  /** Escape closes the top dialog; a check that failed midway may have left an action dialog over the details. */
  async function closeDetails(): Promise<void> {
    for (let i = 0; i < 3 && (await sp.$('dialog[open]')); i++) {
      await sp.keyboard.press('Escape');
      await new Promise((r) => setTimeout(r, 100));
    }
    await sp.waitForFunction(() => !document.querySelector('dialog[open]'), { polling: 100 });
  }
  const click = async (scope: string, name: string) => (await sp.waitForSelector(`${scope} button::-p-text(${name})`))!.click();
  const disabledReason = (requested: string) =>
    sp.$eval(`${DETAILS} [data-action="${requested}"]`, (button) => ({
      disabled: button.getAttribute('aria-disabled') === 'true',
      reason: (button.getAttribute('aria-describedby') ?? '').split(' ').map((id) => document.getElementById(id)?.textContent ?? '').join(' '),
    }));

  beforeAll(async () => {
    // The org's clock stands still: no simulated routing races the test for the rows it picks.
    h = await startHarness({ scenario: 'typical', user: 'sofia@contoso.test', speed: 0 });
    token = (await h.control<{ access_token: string }>('token', { user: 'sofia@contoso.test' })).access_token;
    sp = await h.openSidePanel();
    await sp.waitForSelector('[role="grid"]', { timeout: 20_000 });
  });
  afterAll(async () => {
    await h?.close();
  });

  it('monitors, opens the conversation in the workspace, then joins (the workspace shows the join notice)', async () => {
    const row = await pick((r) => isMessagingActive(r) && r.msdyn_channel === CHAT);
    await openRow(row.activityid);
    expect((await disabledReason('monitor')).disabled).toBe(false);
    await click(DETAILS, 'Monitor');
    await waitForText(`${DETAILS} .fw-actions-lifecycle`, 'You are monitoring this conversation');
    await until(() => h.page.url().includes(`pagetype=entityrecord&etn=msdyn_ocliveworkitem&id=${row.activityid}`));
    await h.page.waitForSelector('#transcript');
    await click(DETAILS, 'Join');
    await waitForText(`${DETAILS} .fw-actions-lifecycle`, 'You joined the conversation');
    await h.page.waitForFunction(() => [...document.querySelectorAll('.notice')].some((n) => n.textContent?.includes('Sofia Lindqvist joined the conversation')), { timeout: 10_000, polling: 200 });
  });

  it('shows every unavailable action disabled, with the reason in words', async () => {
    const active = await pick(isMessagingActive);
    await openRow(active.activityid);
    expect(await disabledReason('assign')).toEqual({ disabled: true, reason: 'Assign: Only open, unassigned conversations can be assigned' });

    const voice = await pick((r) => r.msdyn_channel === VOICE && (r.statuscode === 2 || r.statuscode === 3));
    await openRow(voice.activityid);
    expect((await disabledReason('transfer')).reason).toContain('Only messaging conversations (chat, SMS, WhatsApp …) can be transferred');
    expect((await disabledReason('forceClose')).disabled).toBe(false);

    const routed = await pick((r) => r.msdyn_channel === RECORDS && r.statuscode !== 1);
    await openRow(routed.activityid);
    expect((await disabledReason('monitor')).reason).toContain("Record-routed conversations can't be monitored");

    const own = await pick((r) => r._msdyn_activeagentid_value === SOFIA && r.statuscode === 2);
    await openRow(own.activityid);
    expect((await disabledReason('monitor')).reason).toContain("You can't monitor a conversation you handle yourself");

    const open = await pick(isOpenUnassigned);
    await openRow(open.activityid);
    expect((await disabledReason('monitor')).reason).toContain('Only active, waiting or wrap-up conversations can be monitored');
    expect((await disabledReason('transfer')).reason).toContain('Only active or waiting conversations can be transferred');
  });

  it('assigns to an agent over capacity, saying by how many units before confirming', async () => {
    const row = await pick(isOpenUnassigned);
    await openRow(row.activityid);
    await click(DETAILS, 'Assign');
    await sp.waitForSelector(ACTION_DIALOG);
    await (await sp.waitForSelector(`${ACTION_DIALOG} ::-p-text(Override presence and capacity)`))!.click();
    // Needs the feed to give each conversation its workstream's capacity units (Conversation.capacityUnits).
    const over = await sp.waitForSelector(`${ACTION_DIALOG} .fw-candidate.fw-over:has(.fw-candidate-cost) input`, { timeout: 5000 }).catch(async () => {
      throw new Error(`No agent is shown with the units an override would exceed; the picker shows: ${await textOf(`${ACTION_DIALOG} .fw-candidates`)}`);
    });
    await over!.click();
    await waitForText(`${ACTION_DIALOG} #fw-assign-cost`, 'exceeds their capacity by');
    const cost = await textOf(`${ACTION_DIALOG} #fw-assign-cost`);
    const units = Number(/by (\d+) units/.exec(cost)?.[1]);
    expect(units).toBeGreaterThan(0);
    await click(ACTION_DIALOG, 'Assign');
    await waitForText(`${DETAILS} .fw-actions-lifecycle`, 'Assignment pending: waiting for');
    await h.control(`conversations/${row.activityid}/respond`, { decision: 'accept' });
    await waitForText(`${DETAILS} .fw-actions-lifecycle`, `units over capacity`, 30_000);
  });

  it('assigns to another queue', async () => {
    const row = await pick(isOpenUnassigned);
    await openRow(row.activityid);
    await click(DETAILS, 'Assign');
    // The agent list may be empty for this queue (nobody eligible): the queue choice is there either way.
    await sp.waitForSelector(`${ACTION_DIALOG} ::-p-text(Another queue)`);
    await expectAccessible(ACTION_DIALOG);
    await expectAccessible(`${DETAILS} .fw-actions`);
    await (await sp.waitForSelector(`${ACTION_DIALOG} ::-p-text(Another queue)`))!.click();
    const queueName = await sp.$eval(`${ACTION_DIALOG} select`, (s) => s.selectedOptions[0]?.textContent ?? '');
    await click(ACTION_DIALOG, 'Assign');
    await waitForText(`${DETAILS} .fw-actions-lifecycle`, `Moved to queue ${queueName}`, 20_000);
  });

  it('transfers: pending until the target accepts; a rejected transfer shows as rejected', async () => {
    for (const decision of ['accept', 'reject'] as const) {
      const row = await pick(isMessagingActive);
      await openRow(row.activityid);
      await click(DETAILS, 'Transfer');
      await sp.waitForSelector(`${ACTION_DIALOG} input[type="radio"]`);
      const target = await sp.$eval(`${ACTION_DIALOG} input[type="radio"]:checked`, (r) => r.closest('label')?.querySelector('.fw-candidate-name')?.textContent ?? '');
      await click(ACTION_DIALOG, 'Transfer');
      await waitForText(`${DETAILS} .fw-actions-lifecycle`, `Transfer pending: waiting for ${target} to accept`);
      await h.control(`conversations/${row.activityid}/respond`, { decision });
      await waitForText(`${DETAILS} .fw-actions-lifecycle`, decision === 'accept' ? `Transferred to ${target}` : `${target} rejected the transfer`, 40_000);
    }
  });

  it('still shows the final outcome when the worker is killed while a transfer waits (re-read, not guessed)', async () => {
    const row = await pick(isMessagingActive);
    await openRow(row.activityid);
    await click(DETAILS, 'Transfer');
    await sp.waitForSelector(`${ACTION_DIALOG} input[type="radio"]:checked`);
    const target = await sp.$eval(`${ACTION_DIALOG} input[type="radio"]:checked`, (r) => r.closest('label')?.querySelector('.fw-candidate-name')?.textContent ?? '');
    await click(ACTION_DIALOG, 'Transfer');
    await waitForText(`${DETAILS} .fw-actions-lifecycle`, 'Transfer pending');
    await h.killWorker();
    await h.control(`conversations/${row.activityid}/respond`, { decision: 'accept' });
    await waitForText(`${DETAILS} .fw-actions-lifecycle`, `Transferred to ${target}`, 40_000);
  });

  it('force closes after a confirmation naming the conversation, the agent and the customer', async () => {
    const row = await pick(isMessagingActive);
    await openRow(row.activityid);
    await click(DETAILS, 'Force close');
    const question = await textOf(`${ACTION_DIALOG} #fw-force-close-question`);
    expect(question).toContain(`Force close “${row.subject}”?`);
    await click(ACTION_DIALOG, 'Force close');
    // The row leaves the list as Closed.
    await sp.waitForFunction((id) => !document.getElementById(`fw-row-${id}`), { timeout: 20_000, polling: 100 }, row.activityid);
    const closed = await api<{ statecode: number; statuscode: number }>('GET', `msdyn_ocliveworkitems(${row.activityid})?$select=statecode,statuscode`);
    expect(closed).toMatchObject({ statecode: 1, statuscode: 4 });
  });

  it('completes a throttled action after Retry-After, saying when it retries', async () => {
    const row = await pick(isMessagingActive);
    await openRow(row.activityid);
    await h.control('faults', { throttle: { count: 3, retryAfterSeconds: 3 } });
    await click(DETAILS, 'Force close');
    await click(ACTION_DIALOG, 'Force close');
    await waitForText(`${DETAILS} .fw-actions-lifecycle`, 'the platform is busy; retrying at');
    await sp.waitForFunction((id) => !document.getElementById(`fw-row-${id}`), { timeout: 30_000, polling: 100 }, row.activityid);
    await h.control('faults', { clear: true });
  });

  // Needs the feed to re-read the org's switches every 30 s (not only at the 5-minute access re-check). Each change
  // shows within one re-read plus a poll, so its two waits take up to 35 s each: more than the default 60 s in all.
  it("turns all four off with the org's switches, and back on live", async () => {
    const row = await pick(isMessagingActive);
    await openRow(row.activityid);
    const all = (on: boolean) => h.control('config', { switches: { monitor: on, assign: on, transfer: on, forceClose: on } });
    await all(false);
    try {
      await waitForText(`${DETAILS} .fw-actions-reasons`, 'Force close is turned off by your administrator', 35_000);
      for (const [requested, name] of [['monitor', 'Monitor'], ['assign', 'Assign'], ['transfer', 'Transfer'], ['forceClose', 'Force close']]) {
        expect(await disabledReason(requested!)).toEqual({ disabled: true, reason: `${name}: ${name} is turned off by your administrator` });
      }
    } finally {
      await all(true);
    }
    await sp.waitForFunction((s) => !document.querySelector(`${s} .fw-actions-reasons`)?.textContent?.includes('administrator'), { timeout: 35_000, polling: 200 }, DETAILS);
    expect((await disabledReason('forceClose')).disabled).toBe(false);
  }, 90_000);

  it("explains why sam's assign fails (the Omnichannel API access role)", async () => {
    await h.page.goto(`${h.emulatorUrl}/signin?user=${encodeURIComponent('sam@contoso.test')}`);
    await sp.reload();
    await sp.waitForSelector('[role="grid"]', { timeout: 20_000 });
    const row = await pick(isOpenUnassigned);
    await openRow(row.activityid);
    await click(DETAILS, 'Assign');
    await waitForText(ACTION_DIALOG, 'Omnichannel API access');
    await click(ACTION_DIALOG, 'Assign');
    await waitForText(`${DETAILS} .fw-actions-lifecycle`, 'Assign to agent failed: you lack the permission');
    expect(await textOf(`${DETAILS} .fw-actions-lifecycle`)).toContain('Ask your administrator to remove that role from your account.');
  });
});
