import { describe, expect, it } from 'vitest';
import { previewBulk, reasonRequired } from '../../../lib/features/bulk-actions/preview';
import { CHANNEL } from '../../../lib/model/conversation';
import { DEFAULT_SETTINGS } from '../../../lib/model/settings';
import { access, agent, conversation, OTHER_QUEUE_ID, QUEUE_ID, settings } from '../actions/fixtures';
import { pendingRecord } from '../../../lib/model/actions';

const id = (n: number) => `c0000000-0000-4000-8000-00000000000${n}`;
const queues = [
  { id: QUEUE_ID, name: 'Billing', type: 'messaging' as const, supervised: true },
  { id: OTHER_QUEUE_ID, name: 'Tech', type: 'messaging' as const, supervised: true },
];

describe('bulk preview', () => {
  it('uses the single action rules per row: eligible rows get an intent, others the rule that skips them', () => {
    const rows = [conversation({ id: id(1), status: 'waiting' }), conversation({ id: id(2), channels: [CHANNEL.entityRecords] })];
    const items = previewBulk({ kind: 'forceClose', reason: ' Spam ' }, rows, {
      access: access(),
      settings: settings(),
      agents: [],
      queues,
      records: [],
    });
    expect(items[0]).toMatchObject({ skip: null, intent: { kind: 'forceClose', conversationId: id(1), reason: 'Spam' } });
    expect(items[1]).toMatchObject({ intent: null, skip: 'actions_reason_forceCloseChannel' });
  });

  it('skips rows with an action already in flight, and rows the org switch blocks', () => {
    const row = conversation({ id: id(1), status: 'open', agentId: null });
    const inFlight = pendingRecord('r1', { kind: 'forceClose', conversationId: id(1), etag: 'W/"1"' }, '', 0);
    const ctx = { access: access(), settings: settings(), agents: [], queues, records: [inFlight] };
    expect(previewBulk({ kind: 'assignQueue', queueId: OTHER_QUEUE_ID }, [row], ctx)[0]!.skip).toBe('actions_reason_inFlightOther');
    const off = {
      ...ctx,
      records: [],
      access: access({ orgSwitches: { monitor: true, assign: false, transfer: true, forceClose: true } }),
    };
    expect(previewBulk({ kind: 'assignQueue', queueId: OTHER_QUEUE_ID }, [row], off)[0]!.skip).toBe('actions_reason_switchOff_assign');
  });

  it('checks the target per row: same queue, and an agent who would need an override', () => {
    const open = conversation({ id: id(1), status: 'open', agentId: null, capacityUnits: 100 });
    const ctx = { access: access(), settings: settings(), agents: [agent({ capacityFree: 10 })], queues, records: [] };
    expect(previewBulk({ kind: 'assignQueue', queueId: QUEUE_ID }, [open], ctx)[0]!.skip).toBe('actions_reason_sameQueue');
    expect(previewBulk({ kind: 'assignAgent', agentId: ctx.agents[0]!.id }, [open], ctx)[0]!.skip).toBe('actions_reason_needsOverride');
    expect(previewBulk({ kind: 'transfer' }, [conversation()], ctx)[0]!.skip).toBe('bulk_skip_noTarget');
  });

  it('a reason the organisation requires blocks the batch until given', () => {
    const required = settings({ values: { ...DEFAULT_SETTINGS, requireReason: { transfer: false, forceClose: true } } });
    expect(reasonRequired({ kind: 'forceClose' }, required)).toBe(true);
    expect(reasonRequired({ kind: 'forceClose', reason: 'Duplicate' }, required)).toBe(false);
    expect(reasonRequired({ kind: 'transfer' }, required)).toBe(false);
  });
});
