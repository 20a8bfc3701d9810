/**
 * After a successful monitor the supervisor sees the conversation in the workspace, on the documented record URL
 * (docs/platform.md, "App URLs and detection"): main.aspx?appname=<app>&pagetype=entityrecord&etn=msdyn_ocliveworkitem&id=<guid>.
 * The worker does it with tabs.update, so it works whether the action came from the overlay or the side panel.
 */

/** The workspace URL showing one conversation, in the same app (appname or appid, never both) as `current`. */
export function conversationRecordUrl(current: string, conversationId: string): string | null {
  let url: URL;
  try {
    url = new URL(current);
  } catch {
    return null;
  }
  if (!url.pathname.endsWith('/main.aspx')) return null;
  const target = new URL(url.pathname, url.origin);
  const appname = url.searchParams.get('appname');
  const appid = url.searchParams.get('appid');
  if (appname) target.searchParams.set('appname', appname);
  else if (appid) target.searchParams.set('appid', appid);
  target.searchParams.set('pagetype', 'entityrecord');
  target.searchParams.set('etn', 'msdyn_ocliveworkitem');
  target.searchParams.set('id', conversationId);
  return target.toString();
}

/** The part of browser.tabs this needs; the worker passes the real one, tests a fake. */
export interface TabsLike {
  query(query: { active?: boolean; lastFocusedWindow?: boolean }): Promise<Array<{ id?: number; url?: string; active?: boolean }>>;
  update(tabId: number, change: { url: string; active?: boolean }): Promise<unknown>;
}

/** Navigate the org's workspace tab (the focused one if several) to the conversation. False when there is none. */
export async function openInWorkspace(tabs: TabsLike, org: string, conversationId: string): Promise<boolean> {
  const all = await tabs.query({});
  const workspace = all.filter((tab) => tab.id !== undefined && tab.url?.startsWith(`${org}/`) && conversationRecordUrl(tab.url, conversationId));
  const focused = (await tabs.query({ active: true, lastFocusedWindow: true })).find((tab) => workspace.some((w) => w.id === tab.id));
  const tab = focused ?? workspace.find((w) => w.active) ?? workspace[0];
  const url = tab?.url ? conversationRecordUrl(tab.url, conversationId) : null;
  if (tab?.id === undefined || !url) return false;
  await tabs.update(tab.id, { url });
  return true;
}
