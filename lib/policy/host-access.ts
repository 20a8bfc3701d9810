import type { EffectiveSettings } from '../model/settings';
import { isManaged } from './locks';

/**
 * What it takes to reach an org at this address:
 * - builtIn: the manifest's host permissions cover it (https://*.dynamics.com, plus the emulator in test builds);
 * - optional: a custom domain, on-premises org or proxy (*.mcas.ms); ask for `pattern` at run time;
 * - blocked: the organisation's policy lists its orgs and this is not one of them;
 * - invalid: not an http(s) address.
 */
export type HostAccess = { kind: 'invalid' } | { kind: 'blocked' } | { kind: 'builtIn' } | { kind: 'optional'; pattern: string };

export function hostAccess(address: string, settings: EffectiveSettings, builtInPatterns: readonly string[]): HostAccess {
  const url = parseHttpUrl(address);
  if (!url) return { kind: 'invalid' };
  const builtIn = builtInPatterns.some((pattern) => matchesPattern(url, pattern));
  if (isManaged(settings, 'orgUrls')) {
    const listed = settings.values.orgUrls.some((org) => parseHttpUrl(org)?.origin === url.origin);
    // An empty managed list keeps the default "any *.dynamics.com org" but nothing beyond it.
    const allowed = listed || (settings.values.orgUrls.length === 0 && builtIn);
    if (!allowed) return { kind: 'blocked' };
  }
  return builtIn ? { kind: 'builtIn' } : { kind: 'optional', pattern: originPattern(url) };
}

/** The host permission to request for one address: its scheme and host, any port, any path. */
function originPattern(url: URL): string {
  return `${url.protocol}//${url.hostname}/*`;
}

export function parseHttpUrl(address: string): URL | null {
  try {
    const url = new URL(address.trim());
    return url.protocol === 'https:' || url.protocol === 'http:' ? url : null;
  } catch {
    return null;
  }
}

/**
 * Chrome match-pattern test for the origin part ("https://*.dynamics.com/*", "*://host/*"); a pattern without a
 * port matches every port, as in Chrome. Paths are not compared: host permissions are granted per origin.
 */
export function matchesPattern(url: URL, pattern: string): boolean {
  const match = /^(\*|https?):\/\/(\*|(?:\*\.)?[^/*:]+)(?::(\d+))?\//.exec(pattern);
  if (!match) return pattern === '<all_urls>';
  const [, scheme, host = '', port] = match;
  if (scheme === '*' ? !['http:', 'https:'].includes(url.protocol) : url.protocol !== `${scheme}:`) return false;
  if (port !== undefined && url.port !== port) return false;
  if (host === '*') return true;
  if (host.startsWith('*.')) {
    const domain = host.slice(2);
    return url.hostname === domain || url.hostname.endsWith(`.${domain}`);
  }
  return url.hostname === host;
}
