import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TargetType, type Frame, type Page } from 'puppeteer';
import { SOFIA } from '../../emulator/personas';
import { ACTION_DIALOG, DETAILS, detailsDriver, LIFECYCLE } from './details-driver';
import { startHarness, type Harness } from './harness';
import { CHAT, conversationOf, conversationPicker, isMessagingActive, isOpenUnassigned, type WebApi } from './platform';
import { requestsSince, webApi } from '../soak/probe';

/**
 * Acting from inside the workspace (docs/decisions/0003-reads-in-the-worker-writes-in-the-page.md), against an org
 * that refuses changes sent from the extension's own origin: the supervisor's changes go through the workspace tab
 * and land on the platform; monitor and join open the conversation as a session in that tab without reloading it;
 * with no workspace open, what needs it says so and offers to open it.
 */

/** The extension's storage, as the worker calls it (evaluated there, typed here). */
declare const chrome: { storage: { sync: { set(items: object): Promise<void>; get(key: string): Promise<Record<string, unknown>> } } };

describe('page writes: acting through the workspace tab', () => {
  let h: Harness;
  let sp: Page;
  let api: WebApi;
  let conversations: ReturnType<typeof conversationPicker>;
  let panel: ReturnType<typeof detailsDriver>;
  /** The changes the org received since `since`, with the Origin each came from. */
  const writesSince = async (since: string) => (await requestsSince(h, since)).filter((r) => r.method !== 'GET');
  const writeRoute = () => sp.$eval('.fw-write-route', (note) => note.textContent ?? '');
  const configureOrg = async (orgUrls: string[]) =>
    (await h.worker()).evaluate(async (urls) => {
      const { settings } = await chrome.storage.sync.get('settings');
      await chrome.storage.sync.set({ settings: { ...(settings as object), orgUrls: urls } });
    }, orgUrls);
  const workspaceOpened = async () =>
    (
      await h.browser.waitForTarget((t) => t.type() === TargetType.PAGE && t.url().startsWith(`${h.emulatorUrl}/main.aspx`), {
        timeout: 15_000,
      })
    ).page();

  /** The workspace page's open sessions (its own session tabs), and the marker the test left in it. */
  const workspaceState = (page: Page) =>
    page.evaluate(() => ({
      sessions: [...document.querySelectorAll<HTMLElement>('.session-tab[data-session]:not([data-session="home"])')].map(
        (tab) => tab.dataset.session,
      ),
      marker: (window as { __marker?: string }).__marker ?? null,
    }));
  const waitForSession = (page: Page, id: string) => page.waitForSelector(`.session-tab[data-session="${id}"]`, { timeout: 15_000 });

  beforeAll(async () => {
    // The org's clock stands still: no simulated routing races the test for the rows it picks.
    h = await startHarness({ scenario: 'typical', user: SOFIA.upn, speed: 0 });
    await h.page.setViewport({ width: 1400, height: 900 });
    await h.control('config', { extensionOriginWrites: 'refuse' });
    api = webApi(h, SOFIA.upn);
    conversations = conversationPicker(api);
    sp = await h.openSidePanel();
    panel = detailsDriver(sp, sp);
    await sp.waitForSelector('[role="grid"]', { timeout: 20_000 });
  });
  afterAll(async () => {
    await h?.close();
  });

  it('force closes, assigns and transfers through the workspace tab of an org that refuses the extension’s own writes', async () => {
    const since = new Date().toISOString();
    await sp.waitForFunction(
      () => document.querySelector('.fw-write-route')?.textContent?.includes('Writes go through the workspace tab.'),
      { timeout: 10_000, polling: 100 },
    );

    const closing = await conversations.pick(isMessagingActive);
    await panel.openRow(closing.activityid);
    await panel.click(DETAILS, 'Force close');
    await panel.click(ACTION_DIALOG, 'Force close');
    await sp.waitForFunction((id) => !document.getElementById(`fw-row-${id}`), { timeout: 20_000, polling: 100 }, closing.activityid);
    expect(await conversationOf(api, closing.activityid)).toMatchObject({ statecode: 1, statuscode: 4 });

    const moving = await conversations.pick(isOpenUnassigned);
    await panel.openRow(moving.activityid);
    await panel.click(DETAILS, 'Assign');
    await (await sp.waitForSelector(`${ACTION_DIALOG} ::-p-text(Another queue)`))!.click();
    const queue = await sp.$eval(`${ACTION_DIALOG} select`, (s) => ({ id: s.value, name: s.selectedOptions[0]?.textContent ?? '' }));
    await panel.click(ACTION_DIALOG, 'Assign');
    await panel.waitForText(LIFECYCLE, `Moved to queue ${queue.name}`, 20_000);
    expect((await conversationOf(api, moving.activityid))._msdyn_cdsqueueid_value).toBe(queue.id);

    const transferring = await conversations.pick(isMessagingActive);
    const target = (await panel.transfer(transferring.activityid)).id;
    await panel.waitForText(LIFECYCLE, 'Transfer pending');
    await h.control(`conversations/${transferring.activityid}/respond`, { decision: 'accept' });
    await panel.waitForText(LIFECYCLE, 'Transferred to', 40_000);
    expect((await conversationOf(api, transferring.activityid))._msdyn_activeagentid_value).toBe(target);
    await panel.closeDetails();

    // Every change came from the workspace page's own origin, and none was refused: the extension's origin sent none.
    const writes = await writesSince(since);
    const actions = writes.filter((w) => w.path.includes('CCaaS_')).map((w) => w.path.replace(/^.*CCaaS_/, ''));
    expect(actions).toEqual(['ForceCloseConversation', 'InitiateQueueAssignment', 'InitiateAgentTransferBySupervisor']);
    expect(writes.filter((w) => w.origin !== h.emulatorUrl)).toEqual([]);
    expect(writes.filter((w) => w.status === 403)).toEqual([]);
    expect(await writeRoute()).toContain('Writes go through the workspace tab.');
  });

  it('monitors then joins from the side panel: a session in the workspace tab, nothing reloaded, other sessions kept', async () => {
    const earlier = await conversations.pick(isMessagingActive);
    // The supervisor already has a conversation open in the workspace, and the page holds state a reload would lose.
    await h.page.evaluate(
      (id) =>
        (
          window as unknown as { Microsoft: { Omnichannel: { openConversation(id: string): Promise<void> } } }
        ).Microsoft.Omnichannel.openConversation(id),
      earlier.activityid,
    );
    await waitForSession(h.page, earlier.activityid);
    await h.page.evaluate(() => void ((window as { __marker?: string }).__marker = 'side panel'));

    const row = await conversations.pick((r) => isMessagingActive(r) && r.msdyn_channel === CHAT);
    await panel.openRow(row.activityid);
    await panel.click(DETAILS, 'Monitor');
    await panel.waitForText(LIFECYCLE, 'You are monitoring this conversation Opened in the workspace tab as a session.');
    await waitForSession(h.page, row.activityid);
    expect(await workspaceState(h.page)).toEqual({ sessions: [earlier.activityid, row.activityid], marker: 'side panel' });
    await h.page.waitForSelector('#session-seat::-p-text(You are monitoring this conversation)', { timeout: 10_000 });

    await panel.click(DETAILS, 'Join');
    await panel.waitForText(LIFECYCLE, 'You joined the conversation');
    await h.page.waitForFunction(
      () => [...document.querySelectorAll('.notice')].some((n) => n.textContent?.includes('Sofia Lindqvist joined the conversation')),
      { timeout: 10_000, polling: 200 },
    );
    expect(await workspaceState(h.page)).toEqual({ sessions: [earlier.activityid, row.activityid], marker: 'side panel' });
    await panel.closeDetails();
  });

  it('monitors then joins from the overlay in the same tab: a session there, nothing reloaded, other sessions kept', async () => {
    await h.page.bringToFront();
    const before = (await workspaceState(h.page)).sessions;
    await h.page.evaluate(() => void ((window as { __marker?: string }).__marker = 'overlay'));
    const overlay: Frame = await h.overlay();
    const inOverlay = detailsDriver(h.page, overlay);

    const row = await conversations.pick((r) => isMessagingActive(r) && r.msdyn_channel === CHAT);
    await inOverlay.openRow(row.activityid);
    await inOverlay.click(DETAILS, 'Monitor');
    await inOverlay.waitForText(LIFECYCLE, 'Opened in the workspace tab as a session.');
    await waitForSession(h.page, row.activityid);
    expect(await workspaceState(h.page)).toEqual({ sessions: [...before, row.activityid], marker: 'overlay' });

    await inOverlay.click(DETAILS, 'Join');
    await inOverlay.waitForText(LIFECYCLE, 'You joined the conversation');
    await h.page.waitForFunction(
      () => [...document.querySelectorAll('.notice')].some((n) => n.textContent?.includes('Sofia Lindqvist joined the conversation')),
      { timeout: 10_000, polling: 200 },
    );
    expect(await workspaceState(h.page)).toEqual({ sessions: [...before, row.activityid], marker: 'overlay' });
    // The overlay it was done from is the one still there: its frame never went away.
    expect(overlay.detached).toBe(false);
    await inOverlay.closeDetails();
  });

  it('a page script that replaces fetch neither sees the requests sent through its tab nor can fake their answers', async () => {
    await h.page.evaluate(() => {
      const page = window as unknown as { fetch: typeof fetch; __seen: string[] };
      page.__seen = [];
      page.fetch = async (input) => {
        page.__seen.push(input instanceof Request ? input.url : String(input));
        return new Response(null, { status: 204 });
      };
    });
    const row = await conversations.pick(isMessagingActive);
    await sp.bringToFront();
    await panel.openRow(row.activityid);
    await panel.click(DETAILS, 'Force close');
    await panel.click(ACTION_DIALOG, 'Force close');
    await sp.waitForFunction((id) => !document.getElementById(`fw-row-${id}`), { timeout: 20_000, polling: 100 }, row.activityid);
    expect(await conversationOf(api, row.activityid)).toMatchObject({ statecode: 1, statuscode: 4 });
    const seen = await h.page.evaluate(() => (window as unknown as { __seen: string[] }).__seen);
    expect(seen.filter((url) => url.includes('/api/data/'))).toEqual([]);
  });

  it('with no workspace open: says to open it, remembers the org refused the extension’s writes, and opens the workspace from the button', async () => {
    // With no workspace tab open the org comes from the settings, as for a supervisor working from the side panel alone.
    await configureOrg([h.emulatorUrl]);
    await h.page.close();
    await sp.bringToFront();
    const row = await conversations.pick(isMessagingActive);
    await panel.openRow(row.activityid);
    const why = 'Open the agent workspace to act on conversations';
    await sp.waitForFunction(
      (s) => document.querySelector(`${s} [data-action="monitor"]`)?.getAttribute('aria-disabled') === 'true',
      { timeout: 10_000, polling: 100 },
      DETAILS,
    );
    expect((await panel.disabledReason('monitor')).reason).toContain(why);
    expect(await writeRoute()).toContain('no agent workspace is open');

    // Writes still go from the worker until the org refuses one: then it is remembered, and said.
    expect((await panel.disabledReason('forceClose')).disabled).toBe(false);
    await panel.click(DETAILS, 'Force close');
    await panel.click(ACTION_DIALOG, 'Force close');
    await panel.waitForText(LIFECYCLE, 'Force close failed', 20_000);
    // The refusal may come first on the action or on its lock note: either way it says to open the workspace.
    expect(await panel.textOf(LIFECYCLE)).toMatch(
      /This organization accepts changes only from the agent workspace|Open the agent workspace to act on conversations/,
    );
    expect((await conversationOf(api, row.activityid)).statecode).toBe(0);
    await sp.waitForFunction(
      () => document.querySelector('.fw-write-route')?.textContent?.includes('has refused changes sent from the browser'),
      { timeout: 10_000, polling: 100 },
    );
    expect(await writeRoute()).toContain('Writes go through the workspace tab only, and none is open');
    expect(await panel.disabledReason('forceClose')).toEqual({ disabled: true, reason: expect.stringContaining(why) });

    const since = new Date().toISOString();
    await panel.click(DETAILS, 'Open the agent workspace');
    const opened = (await workspaceOpened())!;
    expect(new URL(opened.url()).searchParams.get('appname')).toBe('msdyn_CustomerServiceWorkspace');
    await sp.bringToFront();
    await sp.waitForFunction(
      (s) => document.querySelector(`${s} [data-action="forceClose"]`)?.getAttribute('aria-disabled') !== 'true',
      { timeout: 20_000, polling: 100 },
      DETAILS,
    );
    await panel.click(DETAILS, 'Force close');
    await panel.click(ACTION_DIALOG, 'Force close');
    await sp.waitForFunction((id) => !document.getElementById(`fw-row-${id}`), { timeout: 20_000, polling: 100 }, row.activityid);
    expect(await conversationOf(api, row.activityid)).toMatchObject({ statecode: 1, statuscode: 4 });
    const closes = (await writesSince(since)).filter((w) => w.path.includes('CCaaS_ForceClose'));
    expect(closes.map((w) => w.origin)).toEqual([h.emulatorUrl]);
    expect(closes[0]!.status).toBeLessThan(300);
    expect(await writeRoute()).toContain('Writes go through the workspace tab.');
    await panel.closeDetails();
    await opened.close();
  });

  it('with no org known but the workspace seen before: the panel offers to open it, and the floor comes back', async () => {
    await configureOrg([]);
    for (const page of await h.browser.pages()) if (page.url().startsWith(h.emulatorUrl)) await page.close();
    await sp.bringToFront();
    await sp.waitForSelector('::-p-text(Open a Dynamics 365 agent workspace to see your conversations.)', { timeout: 20_000 });
    await (await sp.waitForSelector('button::-p-text(Open the agent workspace)'))!.click();
    const opened = (await workspaceOpened())!;
    expect(new URL(opened.url()).searchParams.get('appname')).toBe('msdyn_CustomerServiceWorkspace');
    await sp.bringToFront();
    await sp.waitForSelector('[role="grid"]', { timeout: 30_000 });
    expect(await sp.$('::-p-text(Open a Dynamics 365 agent workspace)')).toBeNull();
  });
});
