import { z } from 'zod';
import { untilAborted, type RunInTab } from '../dataverse/page-transport';
import type { OpenedIn } from '../model/actions';
import { workspaceAppUrl } from '../worker/workspace-tabs';

/**
 * After a monitor or join the supervisor sees the conversation inside the workspace they acted from, the way the
 * platform opens it: through the page's own client API, never by replacing the tab's URL (that reloads the
 * multisession app and closes every session the supervisor had open; docs/platform.md, "Workspace URLs").
 */

/** Which of the page's own APIs opened it. */
const PageOpenerSchema = z.enum(['apm', 'omnichannel', 'navigateTo', 'openForm', 'openUrl', 'none']);
export type PageOpener = z.infer<typeof PageOpenerSchema>;

/**
 * The session template passed to Microsoft.Apm.createSession. Microsoft documents the input (a template's unique
 * name, and `parametersStr` naming the entity and record) but no template for conversations; this name follows the
 * documented `<entity>_entity_session_default_template` pattern and is assumed. A workspace without it rejects the
 * call, and the next opener is tried.
 */
export const CONVERSATION_SESSION_TEMPLATE = 'msdyn_ocliveworkitem_entity_session_default_template';
const CONVERSATION_TABLE = 'msdyn_ocliveworkitem';

/**
 * Runs in the workspace page's own world, where the app's client API lives; serialised into the tab, so it uses
 * nothing from outside itself. The first opener the page offers that does not throw or reject wins, in this order:
 * a session through the App Profile Manager (the multisession workspace's own session API), a session through the
 * Omnichannel API (the conversation with its channel's template), then a form inside the current session
 * (navigateTo, openForm), and only then the record URL through the app's own openUrl. Sessions come before forms
 * because a form replaces what the supervisor had on screen in that session. It returns which one worked, nothing
 * else, and leaves nothing behind.
 */
export async function openConversationInPage(
  conversationId: string,
  workstreamId: string | null,
  recordUrl: string | null,
  template: string,
  table: string,
): Promise<PageOpener> {
  type Api = Record<string, unknown> | undefined;
  const page = globalThis as { Microsoft?: { Omnichannel?: Api; Apm?: Api }; Xrm?: { Navigation?: Api } };
  const navigation = page.Xrm?.Navigation;
  const record = { entityName: table, entityId: conversationId };
  const sessionContext = () =>
    new Map([
      [
        'parametersStr',
        JSON.stringify([
          ['entityName', table],
          ['entityId', conversationId],
        ]),
      ],
    ]);
  // [what it is, the object offering it, its method, the arguments]: called on its object, as the app would.
  const openers: Array<[PageOpener, Api, string, () => unknown[]]> = [
    ['apm', page.Microsoft?.Apm, 'createSession', () => [{ templateName: template, sessionContext: sessionContext(), isFocused: true }]],
    ['omnichannel', page.Microsoft?.Omnichannel, 'openConversation', () => [conversationId, undefined, workstreamId ?? undefined]],
    ['navigateTo', navigation, 'navigateTo', () => [{ pageType: 'entityrecord', ...record }, { target: 1 }]],
    ['openForm', navigation, 'openForm', () => [record]],
    ['openUrl', recordUrl === null ? undefined : navigation, 'openUrl', () => [recordUrl]],
  ];
  for (const [name, api, method, args] of openers) {
    const open = api?.[method];
    if (typeof open !== 'function') continue;
    try {
      await open.apply(api, args());
      return name;
    } catch {
      // This workspace does not offer it for conversations: try the next.
    }
  }
  return 'none';
}

/** Where the supervisor finds the conversation, by the opener that worked. */
const OPENED_BY: Record<PageOpener, OpenedIn> = {
  omnichannel: 'session',
  apm: 'session',
  navigateTo: 'form',
  openForm: 'form',
  openUrl: 'newTab',
  none: 'none',
};

/** The workspace URL showing one conversation, in the same app (appname or appid, never both) as `current`. */
export function conversationRecordUrl(current: string, conversationId: string): string | null {
  const target = workspaceAppUrl(current);
  if (!target) return null;
  target.searchParams.set('pagetype', 'entityrecord');
  target.searchParams.set('etn', CONVERSATION_TABLE);
  target.searchParams.set('id', conversationId);
  return target.toString();
}

export interface OpenInWorkspaceDeps {
  runInTab: RunInTab;
  /** Opens a new tab beside the workspace tab (never replaces it). */
  createTab(url: string, besideTabId: number): Promise<unknown>;
  timeoutMs?: number;
}

/** A page that never settles its promise cannot keep the worker waiting. */
const OPEN_TIMEOUT_MS = 10_000;

/**
 * Open the conversation inside the workspace tab the action ran in. Only when the page offers none of its client
 * APIs (it is not the app, or not loaded) does the record open in a new tab beside it. What the page says is only
 * ever which opener worked: at worst a page could make the panel say the wrong place.
 */
export async function openInWorkspace(
  deps: OpenInWorkspaceDeps,
  tab: { id: number; url: string } | null,
  conversation: { id: string; workstreamId: string | null },
): Promise<OpenedIn> {
  if (!tab) return 'none';
  const recordUrl = conversationRecordUrl(tab.url, conversation.id);
  let opener: PageOpener;
  try {
    const args: Parameters<typeof openConversationInPage> = [
      conversation.id,
      conversation.workstreamId,
      recordUrl,
      CONVERSATION_SESSION_TEMPLATE,
      CONVERSATION_TABLE,
    ];
    const answer = await untilAborted(
      deps.runInTab(tab.id, 'MAIN', openConversationInPage, args),
      AbortSignal.timeout(deps.timeoutMs ?? OPEN_TIMEOUT_MS),
    );
    const parsed = PageOpenerSchema.safeParse(answer);
    if (!parsed.success) return 'none';
    opener = parsed.data;
  } catch {
    return 'none';
  }
  if (opener !== 'none' || !recordUrl) return OPENED_BY[opener];
  return deps.createTab(recordUrl, tab.id).then(
    () => 'newTab' as const,
    () => 'none' as const,
  );
}
