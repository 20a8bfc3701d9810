import { matchesPattern, parseHttpUrl } from '../policy/host-access';

/**
 * Does a URL match one of the extension's content-script match patterns? Scheme and host as Chrome compares them
 * (lib/policy/host-access), plus the path, which decides whether a page is the workspace (main.aspx*).
 * https://developer.chrome.com/docs/extensions/develop/concepts/match-patterns
 */
export function matchesAny(url: string, patterns: readonly string[]): boolean {
  const parsed = parseHttpUrl(url);
  if (!parsed) return false;
  return patterns.some((pattern) => matchesPattern(parsed, pattern) && pathMatches(parsed, pattern));
}

function pathMatches(url: URL, pattern: string): boolean {
  const path = /^[^:]+:\/\/[^/]+(\/.*)$/.exec(pattern)?.[1] ?? '/*';
  const escaped = path.split('*').map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&'));
  return new RegExp(`^${escaped.join('.*')}$`).test(url.pathname + url.search);
}
