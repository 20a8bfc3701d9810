// @vitest-environment node
import { afterEach, describe, expect, it } from 'vitest';
import type { Emulator } from '../../../emulator';
import { SOFIA } from '../../../emulator/personas';
import { conversations, emulator, signIn } from './helpers';
import { openWorkspace, type OpenPage } from './page-harness';

let e: Emulator;
let page: OpenPage | undefined;
afterEach(async () => {
  await page?.close();
  page = undefined;
  await e?.close();
});

async function waitFor(check: () => boolean, ms = 4000): Promise<void> {
  const until = Date.now() + ms;
  while (!check()) {
    if (Date.now() > until) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 50));
  }
}

const APP = '/main.aspx?appname=msdyn_CustomerServiceWorkspace';
const activeChat = () =>
  conversations(
    e,
    (r) =>
      r.statuscode === 2 &&
      r.msdyn_channel === '192360000' &&
      r._msdyn_activeagentid_value !== SOFIA.systemuserid &&
      !e.world.index.stuck.has(String(r.activityid)),
  )[0]!;

describe('workspace page', () => {
  it('shows the app header, a Home tab and a focused search box over the ongoing conversations', async () => {
    e = emulator();
    page = await openWorkspace(e, SOFIA.upn);
    const doc = page.document;
    expect(doc.querySelector('#app-header')?.textContent).toContain('Customer Service workspace');
    expect(doc.querySelector('.session-tab')?.textContent).toBe('Home');
    await waitFor(() => doc.querySelectorAll('#ongoing tbody tr').length > 0);
    expect(doc.activeElement?.id).toBe('workspace-search');
  });

  it('opens a conversation session from the record URL and shows its messages', async () => {
    e = emulator();
    const c = activeChat();
    page = await openWorkspace(e, SOFIA.upn, `${APP}&pagetype=entityrecord&etn=msdyn_ocliveworkitem&id=${String(c.activityid)}`);
    const doc = page.document;
    await waitFor(() => doc.querySelectorAll('#transcript .message').length > 1);
    expect(doc.querySelector('#conversation-title')?.textContent).toBe(c.subject);
    expect([...doc.querySelectorAll('.session-tab')].map((t) => t.getAttribute('data-session'))).toEqual(['home', String(c.activityid)]);
  });

  it('opens a session with Microsoft.Omnichannel.openConversation using pushState, and returns Home', async () => {
    e = emulator();
    const c = activeChat();
    page = await openWorkspace(e, SOFIA.upn);
    const { window, document: doc } = page;
    await window.Microsoft.Omnichannel.openConversation(`{${String(c.activityid).toUpperCase()}}`);
    expect(window.location.search).toContain(`pagetype=entityrecord&etn=msdyn_ocliveworkitem&id=${String(c.activityid)}`);
    expect(await window.Microsoft.Omnichannel.getConversationId()).toBe(String(c.activityid));
    await waitFor(() => doc.querySelectorAll('#transcript .message').length > 0);
    (doc.querySelector('[data-session="home"]') as HTMLElement).click();
    await waitFor(() => doc.querySelector('#workspace-search') !== null);
    expect(window.location.search).toBe('?appname=msdyn_CustomerServiceWorkspace');
    expect(doc.querySelectorAll('.session-tab')).toHaveLength(2); // the session stays open in its tab
  });

  it('shows "<supervisor> joined the conversation" after CCaaS_JoinConversation', async () => {
    e = emulator();
    const c = activeChat();
    const id = String(c.activityid);
    page = await openWorkspace(e, SOFIA.upn, `${APP}&pagetype=entityrecord&etn=msdyn_ocliveworkitem&id=${id}`);
    const sofia = await signIn(e, SOFIA.upn);
    for (const action of ['CCaaS_MonitorConversation', 'CCaaS_JoinConversation']) {
      expect(
        (await sofia.send('POST', `msdyn_ocliveworkitems(${id})/Microsoft.Dynamics.CRM.${action}`, { ApiVersion: '1.0' })).status,
      ).toBe(204);
    }
    await waitFor(() => page!.document.querySelector('#transcript .notice')?.textContent === `${SOFIA.fullname} joined the conversation`);
  });

  it('renders customer-controlled text as text, never as markup', async () => {
    e = emulator();
    const sofia = await signIn(e, SOFIA.upn);
    const evil = '<img src=x onerror="window.__pwned=1">Eve';
    const created = await sofia.send('POST', 'msdyn_ocliveworkitems', { subject: evil });
    const id = /\(([^)]+)\)$/.exec(created.headers.get('odata-entityid')!)![1]!;
    page = await openWorkspace(e, SOFIA.upn);
    await waitFor(() => [...page!.document.querySelectorAll('#ongoing a')].some((a) => a.textContent === evil));
    expect(page.document.querySelector('#ongoing img')).toBeNull();
    await page.window.Microsoft.Omnichannel.openConversation(id);
    await waitFor(() => page!.document.querySelector('#conversation-title')?.textContent === evil);
    expect(page.document.querySelector('img')).toBeNull();
    expect(page.window.__pwned).toBeUndefined();
  });
});

describe('workspace sessions', () => {
  const tabIds = () => [...page!.document.querySelectorAll('.session-tab')].map((t) => t.getAttribute('data-session'));
  const selected = () => page!.document.querySelector('.session-tab[aria-selected="true"]')?.getAttribute('data-session');
  const chats = () =>
    conversations(e, (r) => r.statuscode === 2 && r.msdyn_channel === '192360000' && r._msdyn_activeagentid_value !== SOFIA.systemuserid);
  const sessionInput = (id: string, isFocused?: boolean) => {
    const context = new page!.window.Map();
    context.set(
      'parametersStr',
      JSON.stringify([
        ['entityName', 'msdyn_ocliveworkitem'],
        ['entityId', id],
      ]),
    );
    return { templateName: 'msdyn_chat_session', sessionContext: context, ...(isFocused === undefined ? {} : { isFocused }) };
  };

  it('Microsoft.Apm opens each conversation as a session tab, focuses an open one again and reports the focused one', async () => {
    e = emulator();
    const [a, b] = chats().map((r) => String(r.activityid));
    page = await openWorkspace(e, SOFIA.upn);
    const apm = page.window.Microsoft.Apm;
    const first = await apm.createSession(sessionInput(a!));
    expect(tabIds()).toEqual(['home', a]);
    expect(selected()).toBe(a);
    const second = await apm.createSession(sessionInput(b!, false));
    expect(tabIds()).toEqual(['home', a, b]);
    expect(selected()).toBe(a); // not focused
    expect(apm.getAllSessions()).toEqual(['session-id-0', first, second]);
    const focused = apm.getFocusedSession();
    expect(focused.sessionId).toBe(first);
    const context = await focused.getContext();
    expect(context.getTabContext('tab-id-1').data.ocContext.config.sessionParams.LiveWorkItemId).toBe(a);
    // Opening an open conversation again, by any of the three ways, focuses its tab.
    expect(await apm.createSession(sessionInput(b!))).toBe(second);
    expect(selected()).toBe(b);
    await page.window.Microsoft.Omnichannel.openConversation(a);
    expect(selected()).toBe(a);
    await page.window.Xrm.Navigation.openForm({ entityName: 'msdyn_ocliveworkitem', entityId: `{${b!.toUpperCase()}}` });
    expect(selected()).toBe(b);
    expect(tabIds()).toEqual(['home', a, b]);
    await expect(
      apm.createSession({
        templateName: 'x',
        sessionContext: new page.window.Map([['parametersStr', '[["entityName","incident"],["entityId","' + a + '"]]']]),
      }),
    ).rejects.toThrow();
  });

  it('keeps sessions in page memory only: a reload keeps just the session its URL names', async () => {
    e = emulator();
    const [a, b] = chats().map((r) => String(r.activityid));
    page = await openWorkspace(e, SOFIA.upn);
    await page.window.Microsoft.Omnichannel.openConversation(a);
    await page.window.Microsoft.Omnichannel.openConversation(b);
    expect(tabIds()).toEqual(['home', a, b]);
    expect(page.window.localStorage.length + page.window.sessionStorage.length).toBe(0);
    const url = page.window.location.pathname + page.window.location.search;
    await page.close();
    page = await openWorkspace(e, SOFIA.upn, url);
    expect(tabIds()).toEqual(['home', b]);
  });

  it('shows the supervisor that they are monitoring, then that they joined, in that session', async () => {
    e = emulator();
    const c = activeChat();
    const id = String(c.activityid);
    page = await openWorkspace(e, SOFIA.upn, `${APP}&pagetype=entityrecord&etn=msdyn_ocliveworkitem&id=${id}`);
    const seat = () => page!.document.querySelector('#session-seat')?.textContent ?? '';
    await waitFor(() => page!.document.querySelectorAll('#transcript .message').length > 0);
    expect(seat()).toBe('');
    const sofia = await signIn(e, SOFIA.upn);
    await sofia.send('POST', `msdyn_ocliveworkitems(${id})/Microsoft.Dynamics.CRM.CCaaS_MonitorConversation`, { ApiVersion: '1.0' });
    await waitFor(() => seat().startsWith('You are monitoring this conversation'));
    await sofia.send('POST', `msdyn_ocliveworkitems(${id})/Microsoft.Dynamics.CRM.CCaaS_JoinConversation`, { ApiVersion: '1.0' });
    await waitFor(() => seat() === 'You joined this conversation.');
  });
});
