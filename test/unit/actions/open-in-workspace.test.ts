import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  CONVERSATION_SESSION_TEMPLATE,
  conversationRecordUrl,
  openConversationInPage,
  openInWorkspace,
  type OpenInWorkspaceDeps,
} from '../../../lib/actions/open-in-workspace';
import type { RunInTab } from '../../../lib/dataverse/page-transport';
import { serialised } from '../dataverse/in-tab';

const ORG = 'https://contoso.crm4.dynamics.com';
const ID = 'c0000000-0000-4000-8000-000000000001';
const WORKSTREAM = 'a0000000-0000-4000-8000-00000000000a';
const APP = `${ORG}/main.aspx?appname=msdyn_CustomerServiceWorkspace`;
const RECORD = `${APP}&pagetype=entityrecord&etn=msdyn_ocliveworkitem&id=${ID}`;

afterEach(() => vi.unstubAllGlobals());

describe('conversationRecordUrl', () => {
  it('keeps the app and opens the conversation record (documented URL form)', () => {
    expect(conversationRecordUrl(`${APP}&pagetype=dashboard&id=x`, ID)).toBe(RECORD);
    expect(conversationRecordUrl(`${ORG}/main.aspx?appid=1234`, ID)).toContain('appid=1234&pagetype=entityrecord');
    expect(conversationRecordUrl(`${ORG}/other.aspx`, ID)).toBeNull();
    expect(conversationRecordUrl('not a url', ID)).toBeNull();
  });
});

/** A workspace page's client API: each opener present or not, and whether it rejects; every call recorded. */
function workspacePage(
  offers: Partial<Record<'openConversation' | 'createSession' | 'navigateTo' | 'openForm' | 'openUrl', 'works' | 'rejects'>>,
) {
  const calls: Array<[string, unknown[]]> = [];
  const api = (name: keyof typeof offers) => {
    if (!offers[name]) return undefined;
    // A method of its object: it reads `this`, as the app's own methods may.
    return function (this: { owner: string }, ...args: unknown[]) {
      calls.push([`${this.owner}.${name}`, args]);
      return offers[name] === 'works' ? Promise.resolve('session-id-1') : Promise.reject(new Error('not for conversations'));
    };
  };
  vi.stubGlobal('Microsoft', {
    Omnichannel: { owner: 'Omnichannel', openConversation: api('openConversation') },
    Apm: { owner: 'Apm', createSession: api('createSession') },
  });
  vi.stubGlobal('Xrm', {
    Navigation: { owner: 'Navigation', navigateTo: api('navigateTo'), openForm: api('openForm'), openUrl: api('openUrl') },
  });
  return calls;
}

const openInPage = serialised(openConversationInPage);
const open = () => openInPage(ID, WORKSTREAM, RECORD, CONVERSATION_SESSION_TEMPLATE, 'msdyn_ocliveworkitem');

describe('opening the conversation inside the page (feature-detected, in order)', () => {
  it('opens an App Profile Manager session first, with the documented session input', async () => {
    const calls = workspacePage({ openConversation: 'works', createSession: 'works', navigateTo: 'works', openForm: 'works' });
    expect(await open()).toBe('apm');
    expect(calls).toHaveLength(1);
    const [name, [input]] = calls[0] as [string, [{ templateName: string; sessionContext: Map<string, string>; isFocused: boolean }]];
    expect(name).toBe('Apm.createSession');
    expect(input.templateName).toBe(CONVERSATION_SESSION_TEMPLATE);
    expect(input.isFocused).toBe(true);
    expect(JSON.parse(input.sessionContext.get('parametersStr')!)).toEqual([
      ['entityName', 'msdyn_ocliveworkitem'],
      ['entityId', ID],
    ]);
  });

  it('then an Omnichannel session: the conversation with its workstream, before any form', async () => {
    const calls = workspacePage({ createSession: 'rejects', openConversation: 'works', navigateTo: 'works', openForm: 'works' });
    expect(await open()).toBe('omnichannel');
    expect(calls.map(([name]) => name)).toEqual(['Apm.createSession', 'Omnichannel.openConversation']);
    expect(calls[1]![1]).toEqual([ID, undefined, WORKSTREAM]);
  });

  it('falls through an opener that rejects, to a form inside the app, then to the app’s own openUrl', async () => {
    let calls = workspacePage({ openConversation: 'rejects', createSession: 'rejects', navigateTo: 'works', openForm: 'works' });
    expect(await open()).toBe('navigateTo');
    expect(calls.map(([name]) => name)).toEqual(['Apm.createSession', 'Omnichannel.openConversation', 'Navigation.navigateTo']);
    expect(calls[2]![1]).toEqual([{ pageType: 'entityrecord', entityName: 'msdyn_ocliveworkitem', entityId: ID }, { target: 1 }]);

    calls = workspacePage({ openForm: 'works' });
    expect(await open()).toBe('openForm');
    expect(calls).toEqual([['Navigation.openForm', [{ entityName: 'msdyn_ocliveworkitem', entityId: ID }]]]);

    calls = workspacePage({ openForm: 'rejects', openUrl: 'works' });
    expect(await open()).toBe('openUrl');
    expect(calls.at(-1)).toEqual(['Navigation.openUrl', [RECORD]]);
  });

  it('says none when the page offers no way at all', async () => {
    workspacePage({});
    expect(await open()).toBe('none');
  });
});

describe('openInWorkspace', () => {
  function deps(pageAnswer: unknown) {
    const created: Array<[string, number]> = [];
    const ran: Array<[number, string]> = [];
    const runInTab = (async (tabId: number, world: string) => {
      ran.push([tabId, world]);
      if (pageAnswer instanceof Error) throw pageAnswer;
      return pageAnswer;
    }) as RunInTab;
    const d: OpenInWorkspaceDeps = {
      runInTab,
      createTab: async (url, beside) => void created.push([url, beside]),
      timeoutMs: 50,
    };
    return { d, created, ran };
  }
  const tab = { id: 7, url: `${APP}&pagetype=dashboard` };
  const conversation = { id: ID, workstreamId: WORKSTREAM };

  it('runs the opener in the page’s own world of the tab the action ran in, and says where it opened', async () => {
    const { d, ran, created } = deps('omnichannel');
    expect(await openInWorkspace(d, tab, conversation)).toBe('session');
    expect(ran).toEqual([[7, 'MAIN']]);
    expect(created).toEqual([]);
    expect(await openInWorkspace(deps('openForm').d, tab, conversation)).toBe('form');
  });

  it('opens the record in a new tab beside the workspace only when the page offers nothing, never replacing it', async () => {
    const { d, created } = deps('none');
    expect(await openInWorkspace(d, tab, conversation)).toBe('newTab');
    expect(created).toEqual([[RECORD, 7]]);
  });

  it('believes nothing but a known opener from the page, and never waits on a page that does not answer', async () => {
    const lying = deps({ opened: 'everywhere' });
    expect(await openInWorkspace(lying.d, tab, conversation)).toBe('none');
    expect(lying.created).toEqual([]);
    const failed = deps(new Error('Cannot access contents of the page'));
    expect(await openInWorkspace(failed.d, tab, conversation)).toBe('none');
    const silent: OpenInWorkspaceDeps = { runInTab: () => new Promise(() => undefined), createTab: async () => undefined, timeoutMs: 20 };
    expect(await openInWorkspace(silent, tab, conversation)).toBe('none');
  });

  it('does nothing without a workspace tab', async () => {
    const { d, ran } = deps('omnichannel');
    expect(await openInWorkspace(d, null, conversation)).toBe('none');
    expect(ran).toEqual([]);
  });
});
