/**
 * Does a URL match one of the extension's match patterns (scheme://host/path, `*` wildcards)? Chrome's rules:
 * `*.` in a host also matches the bare domain, and a host without a port matches every port.
 * https://developer.chrome.com/docs/extensions/develop/concepts/match-patterns
 */
export function matchesAny(url: string, patterns: readonly string[]): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  return patterns.some((pattern) => {
    const match = /^(\*|https?):\/\/([^/]+)(\/.*)$/.exec(pattern);
    if (!match) return false;
    const [, scheme, host, path] = match as unknown as [string, string, string, string];
    if (scheme !== '*' && `${scheme}:` !== parsed.protocol) return false;
    const hostOk = host === '*' || (host.startsWith('*.') ? parsed.hostname === host.slice(2) || parsed.hostname.endsWith(host.slice(1)) : parsed.hostname === host.replace(/:\d+$/, ''));
    const pathRegex = new RegExp(`^${path.split('*').map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('.*')}$`);
    return hostOk && pathRegex.test(parsed.pathname + parsed.search);
  });
}
