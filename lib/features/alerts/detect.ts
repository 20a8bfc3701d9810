import { z } from 'zod';
import type { Agent, Queue } from '../../model/agent';
import type { Conversation } from '../../model/conversation';
import { roomFor, type Room } from '../../model/capacity';
import type { EffectiveSettings } from '../../model/settings';
import { waitSeconds } from '../../view-model/conversation-times';
import { sentimentFlagged, thresholdFor } from '../../view-model/thresholds';
import type { Alert } from './alert';
import type { AlertPrefs } from './prefs';
import { conversationLabel } from '../../view-model/conversation-label';

/** Routing usually places a conversation within seconds; one still waiting after this is not in transit. */
const IDLE_GRACE_SECONDS = 60;

/** What the sentiment detector remembers between looks: the last label seen and which rows have fallen. */
export const SentimentMemorySchema = z.object({ last: z.record(z.string(), z.number()), fallen: z.array(z.string()) });
export type SentimentMemory = z.infer<typeof SentimentMemorySchema>;
export const EMPTY_MEMORY: SentimentMemory = { last: {}, fallen: [] };

export interface AlertInput {
  conversations: readonly Conversation[];
  agents: readonly Agent[];
  queues: readonly Queue[];
  settings: EffectiveSettings | null;
  now: number;
}

const waitingUnassigned = (c: Conversation) => (c.status === 'open' || c.status === 'waiting') && c.agentId === null && !c.pending;

/** The supervised queues, or every queue when the user supervises none (as the queue tiles do). */
function watchedQueues(queues: readonly Queue[]): readonly Queue[] {
  const supervised = queues.filter((q) => q.supervised);
  return supervised.length > 0 ? supervised : queues;
}

/** Conversations by queue, grouped once per look: a walk over every row for each queue was 24 × 10,000 rows. */
function byQueue(conversations: readonly Conversation[]): (queueId: string) => readonly Conversation[] {
  const groups = new Map<string, Conversation[]>();
  for (const c of conversations) {
    if (c.queueId === null) continue;
    const group = groups.get(c.queueId);
    if (group) group.push(c);
    else groups.set(c.queueId, [c]);
  }
  return (queueId) => groups.get(queueId) ?? [];
}

/** Room for the conversation, known: free units at least what it takes (one, when that is not known). */
const fits = (room: Room): boolean => room.free !== null && room.free >= Math.max(1, room.need ?? 1);

/**
 * Mismatch: conversations have waited past routing's grace in a queue while members are Available with capacity
 * to spare. Routing should have placed them: something (skills, a capacity profile, presence rules) is off.
 */
export function idleMismatch(input: AlertInput): Alert[] {
  const inQueue = byQueue(input.conversations);
  return watchedQueues(input.queues).flatMap((queue): Alert[] => {
    const waiting = inQueue(queue.id).filter(
      (c) => c.status === 'open' && waitingUnassigned(c) && (waitSeconds(c, input.now) ?? 0) >= IDLE_GRACE_SECONDS,
    );
    if (waiting.length === 0) return [];
    const free = input.agents.filter(
      (a) => !a.isBot && a.queueIds.includes(queue.id) && a.presence === 'available' && waiting.some((c) => fits(roomFor(a, c))),
    );
    if (free.length === 0) return [];
    return [
      {
        key: `idleMismatch:${queue.id}`,
        kind: 'idleMismatch',
        queueId: queue.id,
        queueName: queue.name,
        conversationIds: waiting.map((c) => c.id),
        value: free.length,
        label: null,
      },
    ];
  });
}

/**
 * Predicted breach: a waiting conversation's wait grows one second per second, so one that has not yet passed its
 * queue's alert threshold will within `withinMinutes` unless someone takes it. One alert per queue.
 */
export function breachSoon(input: AlertInput, withinMinutes: number): Alert[] {
  const inQueue = byQueue(input.conversations);
  return watchedQueues(input.queues).flatMap((queue): Alert[] => {
    const threshold = thresholdFor(input.settings, queue.id);
    if (!threshold) return [];
    const soon = inQueue(queue.id)
      .filter(waitingUnassigned)
      .map((c) => ({ c, left: threshold.waitAlertSeconds - (waitSeconds(c, input.now) ?? 0) }))
      .filter(({ left }) => left > 0 && left <= withinMinutes * 60)
      .sort((a, b) => a.left - b.left);
    if (soon.length === 0) return [];
    return [
      {
        key: `breachSoon:${queue.id}`,
        kind: 'breachSoon',
        queueId: queue.id,
        queueName: queue.name,
        conversationIds: soon.map(({ c }) => c.id),
        value: Math.max(1, Math.ceil(soon[0]!.left / 60)),
        label: null,
      },
    ];
  });
}

/**
 * Sentiment falling to negative: a conversation seen above its queue's sentiment threshold is now at or below it.
 * Rows first seen negative are not "falling" (we never saw them better); the alert lasts until it recovers or ends.
 */
export function sentimentDrop(input: AlertInput, memory: SentimentMemory): { alerts: Alert[]; memory: SentimentMemory } {
  const last: Record<string, number> = {};
  const fallen = new Set(memory.fallen);
  const alerts: Alert[] = [];
  for (const c of input.conversations) {
    last[c.id] = c.sentiment;
    const threshold = thresholdFor(input.settings, c.queueId);
    const bad = sentimentFlagged(c.sentiment, threshold);
    const before = memory.last[c.id];
    if (!bad) fallen.delete(c.id);
    else if (before !== undefined && before !== 0 && !sentimentFlagged(before, threshold)) fallen.add(c.id);
    if (fallen.has(c.id)) {
      alerts.push({
        key: `sentimentDrop:${c.id}`,
        kind: 'sentimentDrop',
        queueId: c.queueId,
        queueName: c.queueName,
        conversationIds: [c.id],
        value: c.sentiment,
        label: conversationLabel(c).title,
      });
    }
  }
  const present = new Set(Object.keys(last));
  return { alerts, memory: { last, fallen: [...fallen].filter((id) => present.has(id)) } };
}

/** Every alert the prefs leave on. */
export function detectAlerts(input: AlertInput, memory: SentimentMemory, prefs: AlertPrefs): { alerts: Alert[]; memory: SentimentMemory } {
  const sentiment = sentimentDrop(input, memory);
  const all = [...idleMismatch(input), ...breachSoon(input, prefs.breachWithinMinutes), ...sentiment.alerts];
  return { alerts: all.filter((alert) => prefs.alerts[alert.kind]), memory: sentiment.memory };
}

/** The toolbar badge: how many alerts, or nothing. */
export const badgeText = (alerts: readonly Alert[]): string =>
  alerts.length === 0 ? '' : alerts.length > 99 ? '99+' : String(alerts.length);

/** Alerts not notified before: a condition that lasts is told once, and again only after it cleared. */
export function newSince(previousKeys: readonly string[], alerts: readonly Alert[]): Alert[] {
  const seen = new Set(previousKeys);
  return alerts.filter((alert) => !seen.has(alert.key));
}
