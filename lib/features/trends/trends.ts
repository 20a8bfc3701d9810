import { z } from 'zod';
import { BasePresenceSchema, type Agent, type BasePresence, type Queue } from '../../model/agent';
import type { Conversation } from '../../model/conversation';
import { queueStats, shownQueues } from '../../view-model/queue-stats';

/** How far back the trends reach. */
export const TREND_WINDOW_MS = 60 * 60_000;
/** One queue sample per this much time at most: 120 points an hour, whatever the poll interval. */
export const SAMPLE_EVERY_MS = 30_000;

const QueuePointSchema = z.object({
  at: z.number(),
  waiting: z.int().min(0),
  /** The longest current wait in the queue, in seconds (0 when nobody waits). */
  longestWait: z.number().min(0),
});
export type QueuePoint = z.infer<typeof QueuePointSchema>;

/** A presence an agent entered at `at`; it holds until the next entry. */
const PresenceChangeSchema = z.object({ at: z.number(), presence: BasePresenceSchema });
export type PresenceChange = z.infer<typeof PresenceChangeSchema>;

export const TrendsSchema = z.object({
  queues: z.record(z.string(), z.array(QueuePointSchema)),
  agents: z.record(z.string(), z.array(PresenceChangeSchema)),
});
export type Trends = z.infer<typeof TrendsSchema>;
export const EMPTY_TRENDS: Trends = { queues: {}, agents: {} };

/**
 * What one poll changed, as the views get it: the hour of every agent of a busy org (2,000 agents: ~170 KB) would
 * otherwise go to every view whenever one agent's presence changed. A view that connects gets the whole trends first.
 */
export const TrendsChangeSchema = z.object({
  /** Each queue's new sample when one was taken (null when none was): the views add it as the worker does. */
  samples: z.record(z.string(), QueuePointSchema).nullable(),
  /** The hour of each agent whose timeline changed, whole. */
  agents: TrendsSchema.shape.agents,
  /** Agents who left the picture. */
  gone: z.array(z.string()),
});
export type TrendsChange = z.infer<typeof TrendsChangeSchema>;

/** The trends after a change; applying the same change twice gives the same trends. */
export function applyTrendsChange(trends: Trends, change: TrendsChange): Trends {
  const agents = { ...trends.agents, ...change.agents };
  for (const id of change.gone) delete agents[id];
  return { queues: change.samples ? addSamples(trends.queues, change.samples) : trends.queues, agents };
}

export interface Observed {
  queues: readonly Queue[];
  /** Asked for only when a sample is due: listing every conversation each poll would be wasted work. */
  conversations(): readonly Conversation[];
  agents: readonly Agent[];
}

const inWindow = (now: number) => (point: { at: number }) => point.at >= now - TREND_WINDOW_MS;

/**
 * Each shown queue's sample when its last one is at least SAMPLE_EVERY_MS old: the same figures as the queue tiles
 * (queueStats), so a tile and its sparkline never disagree. Null when it is not time yet.
 */
export function sampleQueues(trends: Trends, observed: Observed, now: number): Record<string, QueuePoint> | null {
  const due = shownQueues(observed.queues).some((queue) => {
    const last = trends.queues[queue.id]?.at(-1);
    return !last || now - last.at >= SAMPLE_EVERY_MS;
  });
  if (!due) return null;
  const samples: Record<string, QueuePoint> = {};
  for (const entry of queueStats(observed.queues, observed.conversations(), observed.agents)) {
    const longestWait = entry.longestWaitSince === null ? 0 : Math.max(0, Math.round((now - entry.longestWaitSince) / 1000));
    samples[entry.queue.id] = { at: now, waiting: entry.waiting, longestWait };
  }
  return samples;
}

/**
 * Each sampled queue's hour with its new sample; samples older than the window fall off, queues not sampled go. A
 * sample already held (a view that got it in its whole trends and again as a change) is not added twice.
 */
export function addSamples(queues: Trends['queues'], samples: Record<string, QueuePoint>): Trends['queues'] {
  return Object.fromEntries(
    Object.entries(samples).map(([id, sample]) => {
      const kept = (queues[id] ?? []).filter((point) => inWindow(sample.at)(point) && point.at < sample.at);
      return [id, [...kept, sample]];
    }),
  );
}

/**
 * Each agent's presence changes within the window, and which agents' timelines changed or went. A change is dated by
 * the platform's own "since" when it has one (the change may have happened between polls), never before the previous
 * entry nor after now. The entry in force when the window opens is kept, so a timeline always begins with a known
 * presence.
 */
export function trackPresence(
  previous: Trends['agents'],
  agents: readonly Agent[],
  now: number,
): { agents: Trends['agents']; changed: string[]; gone: string[] } {
  const start = now - TREND_WINDOW_MS;
  const next: Trends['agents'] = {};
  const changed: string[] = [];
  for (const agent of agents) {
    if (agent.isBot) continue;
    const history = previous[agent.id] ?? [];
    const last = history.at(-1);
    let entries = history;
    if (last?.presence !== agent.presence) {
      const since = agent.presenceSince ? Date.parse(agent.presenceSince) : NaN;
      const at = Math.min(now, Math.max(last?.at ?? start, Number.isFinite(since) ? since : now));
      entries = [...history, { at, presence: agent.presence }];
    }
    const clipped = clipToWindow(entries, start);
    if (clipped.length !== history.length || clipped[0]?.at !== history[0]?.at || clipped.at(-1) !== last) changed.push(agent.id);
    next[agent.id] = clipped;
  }
  const gone = Object.keys(previous).filter((id) => !(id in next));
  return { agents: next, changed, gone };
}

/**
 * Drops the entries superseded before the window opens. The one in force then keeps its own time (the views clip it
 * when they draw): moved to the window's start, it would change with every poll, and every poll would send every
 * agent's hour to every view.
 */
function clipToWindow(entries: PresenceChange[], start: number): PresenceChange[] {
  const firstInside = entries.findIndex((entry) => entry.at >= start);
  const inForce = firstInside < 0 ? entries.length - 1 : firstInside - 1;
  return inForce > 0 ? entries.slice(inForce) : entries;
}

/** A presence timeline as spans, oldest first, for drawing and for words. */
export interface PresenceSpan {
  presence: BasePresence;
  from: number;
  to: number;
}

export function presenceSpans(entries: readonly PresenceChange[], now: number): PresenceSpan[] {
  const start = now - TREND_WINDOW_MS;
  return entries
    .map((entry, index) => ({
      presence: entry.presence,
      from: Math.max(start, entry.at),
      to: Math.min(now, entries[index + 1]?.at ?? now),
    }))
    .filter((span) => span.to > span.from);
}
