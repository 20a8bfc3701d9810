/** An agent's msdyn_agentstatus row (presence, unit capacity), the one row every routing decision reads. */
import type { Row } from './store';
import type { World } from './world';

/** Through an index rebuilt whenever it misses (rows can come and go). */
export function agentStatusOf(world: World, agentId: string): Row | undefined {
  const cached = world.agentStatusIndex.get(agentId);
  const row = cached === undefined ? undefined : world.store.get('msdyn_agentstatuses', cached);
  if (row && row._msdyn_agentid_value === agentId) return row;
  world.agentStatusIndex.clear();
  for (const s of world.store.rows('msdyn_agentstatuses')) {
    world.agentStatusIndex.set(String(s._msdyn_agentid_value), String(s.msdyn_agentstatusid));
  }
  const id = world.agentStatusIndex.get(agentId);
  return id === undefined ? undefined : world.store.get('msdyn_agentstatuses', id);
}
