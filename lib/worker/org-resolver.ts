export interface OrgSources {
  /** URL patterns of the workspace (the manifest's content-script matches, read at run time). */
  workspacePatterns(): string[];
  /** Open tabs matching the patterns. */
  queryTabs(patterns: string[]): Promise<{ url?: string; active?: boolean; lastAccessed?: number }[]>;
  /** Org URLs from settings or policy, first one used when no workspace tab is open. */
  configuredOrgs(): readonly string[];
}

/**
 * The org is the origin of an open workspace tab; the one already in use wins while its tab stays open, then the
 * active tab, then the most recently used one. With no workspace tab, the first configured org URL.
 */
export async function resolveOrg(sources: OrgSources, current: string | null): Promise<string | null> {
  const patterns = sources.workspacePatterns();
  const tabs = patterns.length === 0 ? [] : await sources.queryTabs(patterns).catch(() => []);
  const origins = tabs
    .filter((tab) => typeof tab.url === 'string')
    .sort((a, b) => Number(b.active ?? false) - Number(a.active ?? false) || (b.lastAccessed ?? 0) - (a.lastAccessed ?? 0))
    .map((tab) => originOf(tab.url as string))
    .filter((origin): origin is string => origin !== null);
  if (current && origins.includes(current)) return current;
  if (origins[0]) return origins[0];
  const configured = sources.configuredOrgs()[0];
  return configured ? originOf(configured) : null;
}

function originOf(url: string): string | null {
  try {
    const { origin, protocol } = new URL(url);
    return protocol === 'https:' || protocol === 'http:' ? origin : null;
  } catch {
    return null;
  }
}
