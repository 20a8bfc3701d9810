import { matchesAny } from './match-pattern';

/**
 * Which workspace page loads start the access check (the user may have signed in again, switched user or opened
 * another org): each load once, as soon as the tab has committed to a workspace address. Not at the load's end: the
 * workspace's own scripts take seconds to finish loading, and the feed need not wait for them.
 */
export function createWorkspaceLoads(patterns: () => readonly string[]) {
  /** Tabs whose current load has been checked already. */
  const checked = new Set<number>();
  const isWorkspace = (url: string | undefined) => url !== undefined && matchesAny(url, patterns());
  return {
    /** tabs.onUpdated's arguments (the tab's URL only for hosts the worker may access): whether to start the check. */
    updated(tabId: number, change: { status?: string }, tab: { url?: string; status?: string }): boolean {
      if (change.status === 'complete') return !checked.delete(tabId) && isWorkspace(tab.url);
      // A new load: whatever was checked was the one before.
      if (change.status === 'loading') checked.delete(tabId);
      if (tab.status !== 'loading' || checked.has(tabId) || !isWorkspace(tab.url)) return false;
      checked.add(tabId);
      return true;
    },
    removed(tabId: number): void {
      checked.delete(tabId);
    },
  };
}
