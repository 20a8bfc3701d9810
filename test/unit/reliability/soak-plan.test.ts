import { describe, expect, it } from 'vitest';
import { Random } from '../../../emulator/world/random';
import { CHANNEL } from '../../../lib/model/conversation';
import type { Queue } from '../../../lib/model/agent';
import { grewWithoutBound } from '../../soak/memory';
import { nextAction, nextFault } from '../../soak/plan';
import { conversation, ME } from '../actions/fixtures';

const MB = 1_048_576;
const queues: Queue[] = [
  { id: 'q-chat-1', name: 'Billing', type: 'messaging', supervised: true },
  { id: 'q-chat-2', name: 'Sales', type: 'messaging', supervised: true },
  { id: 'q-voice', name: 'Voice', type: 'voice', supervised: true },
  { id: 'q-other', name: 'Elsewhere', type: 'messaging', supervised: false },
];

describe('soak plan: seeded faults and actions the platform allows', () => {
  it('gives the same faults for the same seed', () => {
    const a = new Random(5);
    const b = new Random(5);
    const first = Array.from({ length: 20 }, () => nextFault(a));
    expect(Array.from({ length: 20 }, () => nextFault(b))).toEqual(first);
    expect(new Set(first.map((f) => f.name)).size).toBeGreaterThan(3);
  });

  it('only picks actions the rules allow, on conversations not acted on yet', () => {
    const floor = [
      conversation({ id: 'own', agentId: ME }),
      conversation({ id: 'monitored', participants: [{ agentId: ME, mode: 'monitor' }] }),
      conversation({ id: 'record', channels: [CHANNEL.entityRecords] }),
      conversation({ id: 'pending', pending: { kind: 'transfer', targetAgentId: 'x', since: '' } }),
      conversation({ id: 'used' }),
      conversation({ id: 'open', status: 'open', statusCode: 1, agentId: null, queueId: 'q-chat-1' }),
      conversation({ id: 'active' }),
    ];
    const random = new Random(11);
    for (let i = 0; i < 300; i++) {
      const intent = nextAction(random, ME, floor, queues, new Set(['used']));
      if (!intent) continue;
      expect(['record', 'pending', 'used']).not.toContain(intent.conversationId);
      if (intent.kind === 'monitor') expect(['active']).toContain(intent.conversationId);
      if (intent.kind === 'assignQueue') expect(intent).toMatchObject({ conversationId: 'open', queueId: 'q-chat-2' });
    }
  });
});

describe('grewWithoutBound: a leak, not noise', () => {
  it('accepts a heap that levels off, and flags one that keeps climbing', () => {
    expect(grewWithoutBound([2, 5, 5.5, 5.6, 5.8, 5.7, 5.9, 5.8].map((m) => m * MB))).toBe(false);
    expect(grewWithoutBound([2, 5, 7, 9, 11, 13, 15, 17, 19].map((m) => m * MB))).toBe(true);
    // Small absolute growth of a small heap is noise.
    expect(grewWithoutBound([1, 1, 1.2, 1.5, 1.8, 2.2, 2.6].map((m) => m * MB))).toBe(false);
  });
});
