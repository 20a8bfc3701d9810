import type { Agent, Queue } from '../model/agent';
import type { Conversation } from '../model/conversation';
import { anyRoom } from '../model/capacity';
import { waitStartedAt } from './conversation-times';

export interface QueueStats {
  queue: Queue;
  waiting: number;
  /** When the longest current wait began (epoch ms), so the tile can tick it; null when nobody waits. */
  longestWaitSince: number | null;
  active: number;
  /** Members who are Available with capacity to spare. */
  agentsFree: number;
}

/** The queues the tiles show: the supervised ones, or every queue when the supervisor is in none. */
export function shownQueues(queues: readonly Queue[]): readonly Queue[] {
  const supervised = queues.filter((queue) => queue.supervised);
  return supervised.length > 0 ? supervised : queues;
}

/** The tiles above the list: one per shown queue. */
export function queueStats(queues: readonly Queue[], conversations: readonly Conversation[], agents: readonly Agent[]): QueueStats[] {
  const stats = new Map(
    shownQueues(queues).map((queue) => [
      queue.id,
      { queue, waiting: 0, longestWaitSince: null as number | null, active: 0, agentsFree: 0 },
    ]),
  );
  for (const row of conversations) {
    const entry = row.queueId ? stats.get(row.queueId) : undefined;
    if (!entry) continue;
    const since = waitStartedAt(row);
    if (since !== null && row.agentId === null) {
      entry.waiting += 1;
      entry.longestWaitSince = entry.longestWaitSince === null ? since : Math.min(entry.longestWaitSince, since);
    } else if (row.status === 'active') {
      entry.active += 1;
    }
  }
  for (const agent of agents) {
    if (agent.isBot || agent.presence !== 'available' || anyRoom(agent) !== true) continue;
    for (const queueId of agent.queueIds) {
      const entry = stats.get(queueId);
      if (entry) entry.agentsFree += 1;
    }
  }
  return [...stats.values()];
}
