import { describe, expect, it } from 'vitest';
import { rowContext } from '../../../lib/features/row-context/row-context';
import { countStuck, stuckConversations } from '../../../lib/features/sweeper/stuck';
import { CHANNEL } from '../../../lib/model/conversation';
import { DEFAULT_SETTINGS } from '../../../lib/model/settings';
import { iso, makeConversation, NOW } from '../view-model/fixtures';

const settings = { values: DEFAULT_SETTINGS, managedKeys: [], policyIssues: [] };
const stuckMinutes = { default: 30, byChannel: { [String(CHANNEL.sms)]: 120 } };

describe('stuck-conversation sweeper', () => {
  it('lists Open, Waiting and Wrap-up rows idle past their channel’s threshold, longest idle first', () => {
    const rows = [
      makeConversation({ id: 'wrap', status: 'wrapup', modifiedOn: iso(40 * 60_000) }),
      makeConversation({ id: 'wait', status: 'waiting', modifiedOn: iso(90 * 60_000) }),
      makeConversation({ id: 'active', status: 'active', modifiedOn: iso(90 * 60_000) }),
      makeConversation({ id: 'fresh', status: 'open', modifiedOn: iso(5 * 60_000) }),
      makeConversation({ id: 'sms', status: 'waiting', channels: [CHANNEL.sms], modifiedOn: iso(90 * 60_000) }),
    ];
    const stuck = stuckConversations(rows, stuckMinutes, NOW);
    expect(stuck.map((s) => s.conversation.id)).toEqual(['wait', 'wrap']);
    expect(stuck[1]).toMatchObject({ thresholdMinutes: 30, idleSeconds: 2400 });
    expect(countStuck(rows, stuckMinutes, NOW)).toBe(2);
    expect(countStuck(rows, stuckMinutes, NOW + 31 * 60_000)).toBe(4);
  });
});

describe('per-row context', () => {
  it('says why a row is flagged and whose action is under way, not counting one’s own lock', () => {
    const row = makeConversation({ id: 'c1', statusUpdatedOn: iso(400_000), sentiment: 7, modifiedOn: iso(45 * 60_000) });
    const locks = [
      { id: 'n1', conversationId: 'c1', kind: 'transfer' as const, userId: 'me', userName: 'Me', until: NOW + 60_000 },
      { id: 'n2', conversationId: 'c1', kind: 'forceClose' as const, userId: 'sam', userName: 'Sam', until: NOW + 30_000 },
    ];
    const alert = {
      key: 'k',
      kind: 'idleMismatch' as const,
      queueId: 'q-billing',
      queueName: 'Billing',
      conversationIds: ['c1'],
      value: 1,
      label: null,
    };
    const context = rowContext(row, { settings, stuckMinutes, alerts: [alert], locks, me: 'ME', now: NOW });
    expect(context.flags.map((f) => f.key)).toEqual([
      'context_flag_wait_alert',
      'context_flag_sentiment',
      'context_flag_stuck',
      'context_flag_alert_idleMismatch',
    ]);
    expect(context.sinceChangeSeconds).toBe(2700);
    expect(context.lock).toMatchObject({ userName: 'Sam' });
  });
});
