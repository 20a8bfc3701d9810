import { describe, expect, it } from 'vitest';
import { hostAccess, matchesPattern } from '../../../lib/policy/host-access';
import { parseManagedPolicy } from '../../../lib/policy/managed-policy';
import { mergeSettings } from '../../../lib/policy/merge';

const BUILT_IN = ['https://*.dynamics.com/*'];
const settings = (policy: unknown = {}, user = {}) => mergeSettings(user, parseManagedPolicy(policy).policy);

describe('matchesPattern', () => {
  it.each([
    ['https://contoso.crm4.dynamics.com/main.aspx', 'https://*.dynamics.com/*', true],
    ['https://dynamics.com/', 'https://*.dynamics.com/*', true],
    ['https://evil-dynamics.com/', 'https://*.dynamics.com/*', false],
    ['http://contoso.crm.dynamics.com/', 'https://*.dynamics.com/*', false],
    ['http://127.0.0.1:4321/main.aspx', 'http://127.0.0.1/*', true],
    ['https://crm.contoso.com/', '*://crm.contoso.com/*', true],
    ['https://crm.contoso.com:8443/', 'https://crm.contoso.com:443/*', false],
  ])('%s against %s is %s', (address, pattern, expected) => {
    expect(matchesPattern(new URL(address), pattern)).toBe(expected);
  });
});

describe('hostAccess', () => {
  it('needs nothing for a Dynamics org and a run-time permission for a custom domain', () => {
    expect(hostAccess('https://contoso.crm4.dynamics.com', settings(), BUILT_IN)).toEqual({ kind: 'builtIn' });
    expect(hostAccess('https://crm.contoso.com:8443/main.aspx', settings(), BUILT_IN)).toEqual({
      kind: 'optional',
      pattern: 'https://crm.contoso.com/*',
    });
    expect(hostAccess('https://contoso.crm4.dynamics.com.mcas.ms', settings(), BUILT_IN)).toEqual({
      kind: 'optional',
      pattern: 'https://contoso.crm4.dynamics.com.mcas.ms/*',
    });
  });

  it('blocks every org the policy does not list, Dynamics ones included', () => {
    const managed = settings({ orgUrls: ['https://contoso.crm4.dynamics.com', 'https://crm.contoso.com'] });
    expect(hostAccess('https://contoso.crm4.dynamics.com/main.aspx', managed, BUILT_IN)).toEqual({ kind: 'builtIn' });
    expect(hostAccess('https://crm.contoso.com/', managed, BUILT_IN)).toEqual({ kind: 'optional', pattern: 'https://crm.contoso.com/*' });
    expect(hostAccess('https://fabrikam.crm.dynamics.com', managed, BUILT_IN)).toEqual({ kind: 'blocked' });
    expect(hostAccess('https://proxy.mcas.ms', managed, BUILT_IN)).toEqual({ kind: 'blocked' });
  });

  it('with an empty managed list allows Dynamics orgs only', () => {
    const managed = settings({ orgUrls: [] });
    expect(hostAccess('https://fabrikam.crm.dynamics.com', managed, BUILT_IN)).toEqual({ kind: 'builtIn' });
    expect(hostAccess('https://crm.contoso.com', managed, BUILT_IN)).toEqual({ kind: 'blocked' });
  });

  it('does not block on the user list: that is a preference, not a rule', () => {
    const user = settings({}, { orgUrls: ['https://contoso.crm4.dynamics.com'] });
    expect(hostAccess('https://crm.contoso.com', user, BUILT_IN).kind).toBe('optional');
  });

  it('refuses what is not a web address', () => {
    for (const address of ['', 'contoso', 'ftp://x.example', 'javascript:alert(1)']) {
      expect(hostAccess(address, settings(), BUILT_IN)).toEqual({ kind: 'invalid' });
    }
  });
});
