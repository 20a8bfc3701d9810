import { describe, expect, it } from 'vitest';
import { resolveOrg } from '../../../lib/worker/org-resolver';
import { matchesAny } from '../../../lib/worker/match-pattern';

describe('org resolution', () => {
  const sources = (tabs: { url?: string; active?: boolean; lastAccessed?: number }[], configured: string[] = []) => ({
    workspacePatterns: () => ['https://*.dynamics.com/main.aspx*', 'http://127.0.0.1/main.aspx*'],
    queryTabs: async () => tabs,
    configuredOrgs: () => configured,
  });

  it('takes the open workspace tab, keeps the current org while its tab is open, else the active one', async () => {
    const tabs = [
      { url: 'https://a.crm4.dynamics.com/main.aspx?appid=1', lastAccessed: 5 },
      { url: 'https://b.crm.dynamics.com/main.aspx', active: true, lastAccessed: 1 },
    ];
    expect(await resolveOrg(sources(tabs), null)).toBe('https://b.crm.dynamics.com');
    expect(await resolveOrg(sources(tabs), 'https://a.crm4.dynamics.com')).toBe('https://a.crm4.dynamics.com');
  });

  it('falls back to the first configured org, then to none', async () => {
    expect(await resolveOrg(sources([], ['https://c.crm.dynamics.com/some/path']), null)).toBe('https://c.crm.dynamics.com');
    expect(await resolveOrg(sources([]), null)).toBeNull();
  });
});

describe('match patterns', () => {
  it('matches like Chrome: any port for a host without one, *. subdomains, path wildcards', () => {
    const patterns = ['https://*.dynamics.com/main.aspx*', 'http://127.0.0.1/main.aspx*'];
    expect(matchesAny('https://contoso.crm4.dynamics.com/main.aspx?appid=1', patterns)).toBe(true);
    expect(matchesAny('http://127.0.0.1:41234/main.aspx?appname=x', patterns)).toBe(true);
    expect(matchesAny('https://contoso.crm4.dynamics.com/other', patterns)).toBe(false);
    expect(matchesAny('https://dynamics.com.evil.example/main.aspx', patterns)).toBe(false);
    expect(matchesAny('not a url', patterns)).toBe(false);
  });
});
