import { describe, expect, it } from 'vitest';
import {
  badgeText,
  breachSoon,
  detectAlerts,
  EMPTY_MEMORY,
  idleMismatch,
  newSince,
  sentimentDrop,
} from '../../../lib/features/alerts/detect';
import { DEFAULT_ALERT_PREFS as DEFAULT_PREFS } from '../../../lib/features/alerts/prefs';
import { DEFAULT_SETTINGS } from '../../../lib/model/settings';
import { iso, makeAgent, makeConversation, NOW, QUEUES } from '../view-model/fixtures';

const settings = { values: DEFAULT_SETTINGS, managedKeys: [], policyIssues: [] }; // wait alert 300 s, sentiment ≤ 8
const base = { agents: [], queues: QUEUES, settings, now: NOW };

describe('idle mismatch', () => {
  it('fires when a conversation has waited past routing’s grace while a member is Available with capacity', () => {
    const conversations = [makeConversation({ id: 'c1', statusUpdatedOn: iso(90_000) })];
    const agents = [makeAgent({ id: 'a1', capacityFree: 2 }), makeAgent({ id: 'a2', presence: 'away' })];
    expect(idleMismatch({ ...base, conversations, agents })).toEqual([
      expect.objectContaining({ key: 'idleMismatch:q-billing', conversationIds: ['c1'], value: 1, queueName: 'Billing' }),
    ]);
  });

  it('stays quiet while routing still has time, or when nobody has room', () => {
    const fresh = [makeConversation({ id: 'c1', statusUpdatedOn: iso(10_000) })];
    expect(idleMismatch({ ...base, conversations: fresh, agents: [makeAgent({ id: 'a1' })] })).toEqual([]);
    const old = [makeConversation({ id: 'c1', statusUpdatedOn: iso(90_000) })];
    expect(
      idleMismatch({
        ...base,
        conversations: old,
        agents: [makeAgent({ id: 'a1', capacityFree: 0 }), makeAgent({ id: 'b', isBot: true })],
      }),
    ).toEqual([]);
  });

  it('counts a member with room for any one of the waiting conversations, whatever the others need', () => {
    const waiting = [
      makeConversation({ id: 'big', statusUpdatedOn: iso(90_000), capacityModel: 'units', capacityUnits: 3 }),
      makeConversation({ id: 'small', statusUpdatedOn: iso(90_000), capacityModel: 'units', capacityUnits: 1 }),
      makeConversation({ id: 'big2', statusUpdatedOn: iso(90_000), capacityModel: 'units', capacityUnits: 3 }),
    ];
    const agents = [makeAgent({ id: 'a1', capacityFree: 1 }), makeAgent({ id: 'a2', capacityFree: 0 })];
    expect(idleMismatch({ ...base, conversations: waiting, agents })).toEqual([
      expect.objectContaining({ conversationIds: ['big', 'small', 'big2'], value: 1 }),
    ]);
    expect(idleMismatch({ ...base, conversations: [waiting[0]!, waiting[2]!], agents })).toEqual([]);
  });
});

describe('breach prediction', () => {
  it('names the queue and the minutes until the first waiting conversation passes the alert threshold', () => {
    const conversations = [
      makeConversation({ id: 'c1', statusUpdatedOn: iso(250_000) }), // 50 s left
      makeConversation({ id: 'c2', statusUpdatedOn: iso(100_000) }), // 200 s left: outside 2 min
      makeConversation({ id: 'c3', statusUpdatedOn: iso(400_000) }), // already breached: not "soon"
    ];
    expect(breachSoon({ ...base, conversations }, 2)).toEqual([
      expect.objectContaining({ key: 'breachSoon:q-billing', conversationIds: ['c1'], value: 1 }),
    ]);
    expect(breachSoon({ ...base, conversations }, 5)[0]!.conversationIds).toEqual(['c1', 'c2']);
  });
});

describe('sentiment falling', () => {
  it('alerts on a fall seen happening, not on rows first seen negative, and clears on recovery', () => {
    const first = sentimentDrop(
      { ...base, conversations: [makeConversation({ id: 'c1', sentiment: 10 }), makeConversation({ id: 'c2', sentiment: 7 })] },
      EMPTY_MEMORY,
    );
    expect(first.alerts).toEqual([]);
    const fell = sentimentDrop(
      { ...base, conversations: [makeConversation({ id: 'c1', sentiment: 8 }), makeConversation({ id: 'c2', sentiment: 7 })] },
      first.memory,
    );
    expect(fell.alerts.map((a) => a.key)).toEqual(['sentimentDrop:c1']);
    const still = sentimentDrop({ ...base, conversations: [makeConversation({ id: 'c1', sentiment: 7 })] }, fell.memory);
    expect(still.alerts).toHaveLength(1);
    const better = sentimentDrop({ ...base, conversations: [makeConversation({ id: 'c1', sentiment: 11 })] }, still.memory);
    expect(better.alerts).toEqual([]);
    expect([...better.memory.fallen]).toEqual([]);
  });
});

describe('alert plumbing', () => {
  it('muted kinds are left out; badge counts; notifications only for new keys', () => {
    const conversations = [makeConversation({ id: 'c1', statusUpdatedOn: iso(250_000) })];
    const agents = [makeAgent({ id: 'a1' })];
    const all = detectAlerts({ ...base, conversations, agents }, EMPTY_MEMORY, DEFAULT_PREFS).alerts;
    expect(all.map((a) => a.kind).sort()).toEqual(['breachSoon', 'idleMismatch']);
    const muted = detectAlerts({ ...base, conversations, agents }, EMPTY_MEMORY, {
      ...DEFAULT_PREFS,
      alerts: { ...DEFAULT_PREFS.alerts, breachSoon: false },
    }).alerts;
    expect(muted.map((a) => a.kind)).toEqual(['idleMismatch']);
    expect(badgeText(all)).toBe('2');
    expect(badgeText([])).toBe('');
    expect(newSince(['idleMismatch:q-billing'], all).map((a) => a.kind)).toEqual(['breachSoon']);
  });
});
