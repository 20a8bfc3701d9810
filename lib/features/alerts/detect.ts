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

/**
 * What the sentiment detector remembers between looks, as stored: the label of each row last seen with a known
 * sentiment its threshold did not flag (only those can fall), and which rows have fallen.
 */
export const StoredSentimentSchema = z.object({ last: z.record(z.string(), z.number()), fallen: z.array(z.string()) });
export type StoredSentiment = z.infer<typeof StoredSentimentSchema>;

/** The same in the worker: maps and sets, rebuilt each look in a few ms at 50,000 rows (a 50,000-key object took ~35 ms). */
export interface SentimentMemory {
  last: ReadonlyMap<string, number>;
  fallen: ReadonlySet<string>;
}
export const EMPTY_MEMORY: SentimentMemory = { last: new Map(), fallen: new Set() };

export const storedSentiment = (memory: SentimentMemory): StoredSentiment => ({
  last: Object.fromEntries(memory.last),
  fallen: [...memory.fallen],
});
export const sentimentFromStored = (stored: StoredSentiment): SentimentMemory => ({
  last: new Map(Object.entries(stored.last)),
  fallen: new Set(stored.fallen),
});

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

type Need = Pick<Conversation, 'capacityModel' | 'capacityProfileId' | 'capacityUnits'>;

/** The different needs among conversations: a handful per queue however many wait (each agent is checked against these). */
function distinctNeeds(conversations: readonly Conversation[]): Need[] {
  const needs = new Map<string, Need>();
  for (const c of conversations) needs.set(`${c.capacityModel}|${c.capacityProfileId}|${c.capacityUnits}`, c);
  return [...needs.values()];
}

/**
 * Mismatch: conversations have waited past routing's grace in a queue while members are Available with capacity
 * to spare. Routing should have placed them: something (skills, a capacity profile, presence rules) is off.
 */
export function idleMismatch(input: AlertInput, inQueue = byQueue(input.conversations)): Alert[] {
  return watchedQueues(input.queues).flatMap((queue): Alert[] => {
    const waiting = inQueue(queue.id).filter(
      (c) => c.status === 'open' && waitingUnassigned(c) && (waitSeconds(c, input.now) ?? 0) >= IDLE_GRACE_SECONDS,
    );
    if (waiting.length === 0) return [];
    const needs = distinctNeeds(waiting);
    const free = input.agents.filter(
      (a) => !a.isBot && a.queueIds.includes(queue.id) && a.presence === 'available' && needs.some((need) => fits(roomFor(a, need))),
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
export function breachSoon(input: AlertInput, withinMinutes: number, inQueue = byQueue(input.conversations)): Alert[] {
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
  const last = new Map<string, number>();
  const fallen = new Set<string>();
  const alerts: Alert[] = [];
  for (const c of input.conversations) {
    // 0 is N/A: never flagged, and nothing to fall from.
    if (c.sentiment === 0) continue;
    const threshold = thresholdFor(input.settings, c.queueId);
    if (!sentimentFlagged(c.sentiment, threshold)) {
      last.set(c.id, c.sentiment);
      continue;
    }
    const before = memory.last.get(c.id);
    const fell = before !== undefined && before !== 0 && !sentimentFlagged(before, threshold);
    if (!fell && !memory.fallen.has(c.id)) continue;
    fallen.add(c.id);
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
  return { alerts, memory: { last, fallen } };
}

/** Every alert the prefs leave on. */
export function detectAlerts(input: AlertInput, memory: SentimentMemory, prefs: AlertPrefs): { alerts: Alert[]; memory: SentimentMemory } {
  const sentiment = sentimentDrop(input, memory);
  const inQueue = byQueue(input.conversations);
  const all = [...idleMismatch(input, inQueue), ...breachSoon(input, prefs.breachWithinMinutes, inQueue), ...sentiment.alerts];
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
