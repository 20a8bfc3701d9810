/** Push routing, shared by the simulation and an assignment that names no agent: who gets the next conversation. */
import { agentStatusOf } from './agents';
import { baseOfPresence, type WorkstreamSpec } from './catalog';
import { freeCapacity, isBlocked, requiredCapacity } from './capacity';
import type { QueueInfo } from './scenario';
import type { Row } from './store';
import type { World } from './world';

/** The queue's human agent with a presence the workstream allows, not blocked, with the most free capacity for it. */
export function bestAgent(world: World, queue: QueueInfo, ws: WorkstreamSpec, conversation: Row): string | undefined {
  const required = requiredCapacity(world, conversation);
  let best: string | undefined;
  let bestFree = -Infinity;
  for (const agentId of queue.agents) {
    const status = agentStatusOf(world, agentId);
    if (!status || !ws.allowedPresences.includes(baseOfPresence(status._msdyn_currentpresenceid_value))) continue;
    if (isBlocked(world, agentId)) continue;
    const free = freeCapacity(world, agentId, conversation);
    if (free >= required && free > bestFree) {
      best = agentId;
      bestFree = free;
    }
  }
  return best;
}
