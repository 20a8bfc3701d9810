import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../../../lib/model/settings';
import { parseManagedPolicy } from '../../../lib/policy/managed-policy';
import { mergeSettings } from '../../../lib/policy/merge';
import { checkDraft, rebaseDraft, toDraft } from '../../../lib/settings/draft';
import { withoutManaged } from '../../../lib/settings/user-settings';

const effective = (policy: unknown = {}, user = {}) => mergeSettings(user, parseManagedPolicy(policy).policy);

describe('checkDraft', () => {
  it('finds nothing to save in an untouched form', () => {
    const settings = effective();
    expect(checkDraft(toDraft(settings.values), settings)).toEqual({ changes: {}, invalid: [] });
  });

  it('parses typed text into the changed values only', () => {
    const settings = effective();
    const draft = {
      ...toDraft(settings.values),
      pollIntervalSeconds: ' 15 ',
      orgUrls: 'https://contoso.crm4.dynamics.com\n\n  https://crm.contoso.com \n',
      reasonCodes: 'Duplicate\nSpam',
    };
    expect(checkDraft(draft, settings)).toEqual({
      changes: {
        pollIntervalSeconds: 15,
        orgUrls: ['https://contoso.crm4.dynamics.com', 'https://crm.contoso.com'],
        reasonCodes: ['Duplicate', 'Spam'],
      },
      invalid: [],
    });
  });

  it('names each invalid field: empty numbers, bad addresses, the same queue twice, a warning after its alert', () => {
    const settings = effective();
    const row = { queue: 'Sales', waitWarnSeconds: '10', waitAlertSeconds: '20', sentimentAlertAtOrBelow: '8' };
    expect(checkDraft({ ...toDraft(settings.values), pollIntervalSeconds: '' }, settings).invalid).toEqual(['pollIntervalSeconds']);
    expect(checkDraft({ ...toDraft(settings.values), orgUrls: 'contoso' }, settings).invalid).toEqual(['orgUrls']);
    expect(checkDraft({ ...toDraft(settings.values), thresholds: [row, row] }, settings).invalid).toEqual(['thresholds']);
    const late = { ...row, waitWarnSeconds: '30' };
    expect(checkDraft({ ...toDraft(settings.values), thresholds: [late] }, settings).invalid).toEqual(['thresholds']);
  });

  it('never offers a managed key for saving, even when the form holds something else', () => {
    const settings = effective({ pollIntervalSeconds: 30 });
    expect(checkDraft({ ...toDraft(settings.values), pollIntervalSeconds: 'x' }, settings)).toEqual({ changes: {}, invalid: [] });
  });
});

describe('withoutManaged', () => {
  it('keeps the user own value for a managed entry, so lifting the policy restores it', () => {
    const stored = { actions: { ...DEFAULT_SETTINGS.actions, forceClose: true } };
    const changes = { actions: { monitor: false, assign: true, transfer: true, forceClose: false }, language: 'sv' as const };
    expect(withoutManaged(changes, stored, ['actions.forceClose', 'language'])).toEqual({
      actions: { monitor: false, assign: true, transfer: true, forceClose: true },
    });
  });

  it('leaves a managed queue out unless the user had one', () => {
    const t = { waitWarnSeconds: 1, waitAlertSeconds: 2, sentimentAlertAtOrBelow: 8 };
    expect(withoutManaged({ thresholds: { '*': t, Sales: t } }, {}, ['thresholds.*'])).toEqual({ thresholds: { Sales: t } });
  });
});

describe('rebaseDraft', () => {
  it('takes new values for untouched and newly managed fields and keeps unsaved edits', () => {
    const before = effective();
    const draft = { ...toDraft(before.values), monitoringNotice: 'typed', pollIntervalSeconds: '9', diagnostics: true };
    const after = effective({ pollIntervalSeconds: 20, overlay: false });
    const rebased = rebaseDraft(draft, before.values, after);
    expect(rebased.monitoringNotice).toBe('typed');
    expect(rebased.diagnostics).toBe(true);
    expect(rebased.pollIntervalSeconds).toBe('20');
    expect(rebased.overlay).toBe(false);
  });
});
