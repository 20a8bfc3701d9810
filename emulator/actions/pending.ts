/** Pending assignments and transfers: the target agent decides after a while (simulation) or via the control API. */
import { CONTRACT } from '../contract';
import type { Pending, World } from '../world/world';

export function scheduleDecision(world: World, pending: Omit<Pending, 'decideAt'>): void {
  const { min, max } = CONTRACT.respondAfterSeconds;
  const decideAt = world.clock.nowMs() + world.random.between(min, max) * 1000;
  world.pending.set(pending.conversationId, { ...pending, decideAt });
}
