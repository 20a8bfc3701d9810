/** Picking conversations and agents in a frozen emulated org, for tests that then act through HTTP. */
import type { Emulator } from '../../../emulator';
import { ALEX, SAM, SOFIA } from '../../../emulator/personas';
import { presenceIdOf } from '../../../emulator/world/catalog';
import { agentStatusOf } from '../../../emulator/world/agents';
import { conversations, type Row } from './helpers';

const CHAT = '192360000';
const RECORD = '192350000';

export function pick(e: Emulator, where: (r: Row) => boolean): Row {
  const found = conversations(e, (r) => !e.world.index.stuck.has(String(r.activityid)) && where(r))[0];
  if (!found) throw new Error('no conversation matches');
  return found;
}

/** An Active live chat handled by a human other than Sofia. */
export const activeChat = (e: Emulator): Row =>
  pick(
    e,
    (r) =>
      r.statuscode === 2 &&
      r.msdyn_channel === CHAT &&
      r._msdyn_activeagentid_value !== SOFIA.systemuserid &&
      !e.world.index.bots.has(String(r._msdyn_activeagentid_value)),
  );

export const openUnassigned = (e: Emulator): Row =>
  pick(e, (r) => r.statuscode === 1 && !r._msdyn_activeagentid_value && r.msdyn_channel !== RECORD);

export const idOf = (r: Row): string => String(r.activityid);

/** A scenario agent of the conversation's queue, other than its agent, set to the given presence (Available). */
export function colleague(e: Emulator, conversation: Row, presence = 192360000): string {
  const queue = e.world.index.queues.find((q) => q.id === conversation._msdyn_cdsqueueid_value)!;
  const personas = [SOFIA, SAM, ALEX].map((p) => p.systemuserid);
  const agent = queue.agents.find((a) => a !== conversation._msdyn_activeagentid_value && !personas.includes(a))!;
  const status = agentStatusOf(e.world, agent)!;
  e.world.store.update('msdyn_agentstatuses', String(status.msdyn_agentstatusid), {
    _msdyn_currentpresenceid_value: presenceIdOf(presence),
  });
  return agent;
}

export const errorOf = async (res: Response) => ((await res.json()) as { error: { code: string; message: string } }).error;
