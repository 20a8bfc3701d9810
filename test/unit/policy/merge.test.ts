import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../../../lib/model/settings';
import { parseManagedPolicy } from '../../../lib/policy/managed-policy';
import { mergeSettings } from '../../../lib/policy/merge';
import { isActionBlockedByPolicy, policyAllowedActions } from '../../../lib/policy/locks';

const merged = (user: object, raw: unknown) => {
  const { policy, issues } = parseManagedPolicy(raw);
  return mergeSettings(user, policy, issues);
};

describe('mergeSettings', () => {
  it('gives the defaults when nobody set anything', () => {
    expect(merged({}, {})).toEqual({ values: DEFAULT_SETTINGS, managedKeys: [], policyIssues: [] });
  });

  it('lets the admin value beat the user value key by key, and keeps the user value elsewhere', () => {
    const s = merged({ pollIntervalSeconds: 10, language: 'sv', overlay: false }, { pollIntervalSeconds: 30, diagnostics: true });
    expect(s.values.pollIntervalSeconds).toBe(30);
    expect(s.values.diagnostics).toBe(true);
    expect(s.values.language).toBe('sv');
    expect(s.values.overlay).toBe(false);
    expect(s.managedKeys.sort()).toEqual(['diagnostics', 'pollIntervalSeconds']);
  });

  it('lets policy only restrict actions: false wins, true does not undo the user turning one off', () => {
    const user = { actions: { monitor: false, assign: true, transfer: true, forceClose: true } };
    const s = merged(user, { actions: { monitor: true, forceClose: false } });
    expect(s.values.actions).toEqual({ monitor: false, assign: true, transfer: true, forceClose: false });
    expect(s.managedKeys).toEqual(['actions.forceClose']);
    expect(isActionBlockedByPolicy(s, 'forceClose')).toBe(true);
    expect(isActionBlockedByPolicy(s, 'monitor')).toBe(false);
    expect(policyAllowedActions(s)).toEqual({ monitor: true, assign: true, transfer: true, forceClose: false });
  });

  it('locks thresholds per queue and keeps the user queues the policy does not name', () => {
    const billing = { waitWarnSeconds: 30, waitAlertSeconds: 60, sentimentAlertAtOrBelow: 9 };
    const user = { thresholds: { '*': { waitWarnSeconds: 10, waitAlertSeconds: 20, sentimentAlertAtOrBelow: 8 }, Billing: billing } };
    const policyDefault = { waitWarnSeconds: 100, waitAlertSeconds: 200, sentimentAlertAtOrBelow: 7 };
    const s = merged(user, { thresholds: { '*': policyDefault } });
    expect(s.values.thresholds).toEqual({ '*': policyDefault, Billing: billing });
    expect(s.managedKeys).toEqual(['thresholds.*']);
  });

  it('sets requireReason flag by flag', () => {
    const s = merged({ requireReason: { transfer: true, forceClose: false } }, { requireReason: { forceClose: true } });
    expect(s.values.requireReason).toEqual({ transfer: true, forceClose: true });
    expect(s.managedKeys).toEqual(['requireReason.forceClose']);
  });

  it('does not let the merge change the defaults or the policy objects it was given', () => {
    const raw = { orgUrls: ['https://contoso.crm4.dynamics.com'] };
    const s = merged({}, raw);
    s.values.orgUrls.push('https://x.example');
    s.values.thresholds['*']!.waitWarnSeconds = 1;
    expect(raw.orgUrls).toHaveLength(1);
    expect(DEFAULT_SETTINGS.thresholds['*']!.waitWarnSeconds).toBe(120);
  });
});

describe('parseManagedPolicy', () => {
  it('ignores each invalid value with a diagnostic that names it, and applies the valid ones', () => {
    const { policy, issues } = parseManagedPolicy({
      pollIntervalSeconds: 0,
      overlay: 'no',
      language: 'sv',
      monitoringNotice: 'Conversations are monitored.',
    });
    expect(policy).toEqual({ language: 'sv', monitoringNotice: 'Conversations are monitored.' });
    expect(issues).toHaveLength(2);
    expect(issues[0]).toMatch(/^The policy value “pollIntervalSeconds” was ignored: .*1/);
    expect(issues[1]).toMatch(/“overlay” was ignored/);
  });

  it('drops unknown keys and unknown entries with a diagnostic', () => {
    const { policy, issues } = parseManagedPolicy({ colour: 'red', actions: { monitor: false, delete: false } });
    expect(policy).toEqual({ actions: { monitor: false } });
    expect(issues).toEqual([
      'The policy value “colour” is not a Floorwalker setting and was ignored.',
      'The policy value “actions.delete” is not a Floorwalker setting and was ignored.',
    ]);
  });

  it('checks each threshold on its own, including a warning that comes after its alert', () => {
    const good = { waitWarnSeconds: 60, waitAlertSeconds: 120, sentimentAlertAtOrBelow: 8 };
    const { policy, issues } = parseManagedPolicy({
      thresholds: { Sales: good, Billing: { ...good, waitWarnSeconds: 500 }, Support: { waitWarnSeconds: 1 } },
    });
    expect(policy).toEqual({ thresholds: { Sales: good } });
    expect(issues.map((issue) => issue.split(':')[0])).toEqual([
      'The policy value “thresholds.Billing” was ignored',
      'The policy value “thresholds.Support” was ignored',
    ]);
    expect(issues[0]).toMatch(/waitWarnSeconds must not be greater than waitAlertSeconds/);
  });

  it('rejects a flag group that is not an object and an orgUrls entry that is not a URL', () => {
    const { policy, issues } = parseManagedPolicy({ actions: false, orgUrls: ['contoso'] });
    expect(policy).toEqual({});
    expect(issues).toHaveLength(2);
  });

  it('never throws, whatever the managed area holds', () => {
    for (const raw of [null, undefined, 42, 'x', [], [1], { thresholds: null }, { actions: [] }, { __proto__: { overlay: true } }]) {
      expect(() => merged({}, raw)).not.toThrow();
    }
    expect(parseManagedPolicy([]).issues).toHaveLength(1);
  });
});
