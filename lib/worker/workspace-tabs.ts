import { matchesAny } from './match-pattern';

/** What the worker sees of a tab (browser.tabs.Tab; the URL only for hosts it may access). */
export interface TabInfo {
  id?: number;
  url?: string;
  active?: boolean;
  windowId?: number;
  lastAccessed?: number;
  status?: string;
}

type WorkspaceTab<T> = T & { id: number; url: string; origin: string };

/** The workspace tabs among `tabs` (on a URL the content script's patterns match), each with its org's origin. */
export function workspaceTabs<T extends TabInfo>(tabs: readonly T[], patterns: readonly string[]): Array<WorkspaceTab<T>> {
  return tabs.flatMap((tab) => {
    if (tab.id === undefined || !tab.url || !matchesAny(tab.url, patterns)) return [];
    try {
      return [{ ...tab, id: tab.id, url: tab.url, origin: new URL(tab.url).origin }];
    } catch {
      return [];
    }
  });
}

/** The org's workspace tabs among `tabs`. */
export const workspaceTabsOf = <T extends TabInfo>(tabs: readonly T[], org: string, patterns: readonly string[]): Array<WorkspaceTab<T>> =>
  workspaceTabs(tabs, patterns).filter((tab) => tab.origin === org);

/**
 * Where the extension acts for the supervisor: the org's workspace tab they are looking at (active in the focused
 * window), else an active one in another window, else the one used most recently; a tab still loading comes last.
 */
export function chooseWorkspaceTab(
  tabs: readonly TabInfo[],
  org: string,
  patterns: readonly string[],
  focusedWindowId: number | null,
): number | null {
  const rank = (tab: TabInfo) =>
    (tab.status === 'loading' ? 0 : 4) + (tab.active ? 2 : 0) + (tab.active && tab.windowId === focusedWindowId ? 1 : 0);
  const [best] = workspaceTabsOf(tabs, org, patterns).sort((a, b) => rank(b) - rank(a) || (b.lastAccessed ?? 0) - (a.lastAccessed ?? 0));
  return best?.id ?? null;
}

/** The workspace app's start page for a workspace URL: the same app (appname or appid, never both), nothing else. */
export function workspaceAppUrl(current: string): URL | null {
  let url: URL;
  try {
    url = new URL(current);
  } catch {
    return null;
  }
  if (!url.pathname.endsWith('/main.aspx')) return null;
  const app = new URL(url.pathname, url.origin);
  const appname = url.searchParams.get('appname');
  const appid = url.searchParams.get('appid');
  if (appname) app.searchParams.set('appname', appname);
  else if (appid) app.searchParams.set('appid', appid);
  return app;
}

/** The Customer Service workspace app (docs/platform.md, "Workspace URLs"): opened for an org whose workspace tab was never seen. */
const DEFAULT_WORKSPACE_APP = 'msdyn_CustomerServiceWorkspace';

export const defaultWorkspaceUrl = (org: string): string => `${org}/main.aspx?appname=${DEFAULT_WORKSPACE_APP}`;
