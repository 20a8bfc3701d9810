import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { availability } from '../../../lib/actions/rules';
import { ACTION_KINDS, ActionFailureSchema, SUPERVISOR_FEATURES } from '../../../lib/model/actions';
import { CHANNEL, type ConversationStatus } from '../../../lib/model/conversation';
import { access, conversation } from './fixtures';

const catalog = (lang: string): Record<string, { message: string }> =>
  JSON.parse(readFileSync(resolve(import.meta.dirname, `../../../lib/i18n/catalog/${lang}/actions.json`), 'utf8'));

describe('actions catalogs', () => {
  const en = catalog('en');
  const sv = catalog('sv');

  // Keys, areas and placeholders in every language: test/unit/i18n/catalogs.test.ts.
  it('word every reason the rules can give', () => {
    const reasons = new Set<string>();
    const states: ConversationStatus[] = ['open', 'active', 'waiting', 'wrapup'];
    for (const kind of ACTION_KINDS) {
      for (const status of states) {
        for (const channels of [[CHANNEL.liveChat], [CHANNEL.voice], [CHANNEL.entityRecords], [CHANNEL.liveChat, CHANNEL.video]]) {
          for (const who of [access(), access({ state: 'notSupervisor' }), access({ state: 'signedOut' }), access({ state: 'checking' })]) {
            const reason = availability(kind, { conversation: conversation({ status, channels }), access: who }).reason;
            if (reason) reasons.add(reason);
          }
        }
      }
    }
    expect(reasons.size).toBeGreaterThan(10);
    for (const reason of reasons) expect(en[reason], reason).toBeDefined();
  });

  it('word every action and every failure category', () => {
    for (const kind of ACTION_KINDS) {
      expect(en[`actions_kind_${kind}`], kind).toBeDefined();
      expect(en[`actions_done_${kind}`], kind).toBeDefined();
    }
    // A rejection is worded with the agent's name instead (actions_rejected_*).
    for (const failure of ActionFailureSchema.options.filter((f) => f !== 'rejected'))
      expect(en[`actions_failure_${failure}`], failure).toBeDefined();
    for (const feature of SUPERVISOR_FEATURES) {
      for (const source of ['switchOff', 'policyOff', 'userOff']) expect(en[`actions_reason_${source}_${feature}`]).toBeDefined();
    }
  });

  it('use the Swedish platform terms', () => {
    expect(sv.actions_kind_monitor!.message).toBe('Övervaka');
    expect(sv.actions_kind_join!.message).toBe('Gå med');
    expect(sv.actions_kind_transfer!.message).toBe('Överför');
    expect(sv.actions_kind_forceClose!.message).toBe('Tvångsavsluta');
  });
});
