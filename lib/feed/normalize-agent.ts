import { PRESENCE_BY_CODE, type Agent, type Skill } from '../model/agent';
import type { AgentStatusRow, PresenceRow } from '../dataverse/operations/agents';
import { FORMATTED } from '../dataverse/odata';

export interface Member {
  id: string;
  name: string;
  isBot: boolean;
  queueIds: string[];
}

/** An agent as the panel shows them: queue membership and skills, then presence and free capacity from msdyn_agentstatus. */
export function toAgent(
  member: Member,
  skills: Skill[],
  status: AgentStatusRow | undefined,
  presences: ReadonlyMap<string, PresenceRow>,
  observedAt: number,
): Agent {
  return {
    id: member.id,
    name: member.name,
    queueIds: member.queueIds,
    skills,
    isBot: member.isBot,
    ...presenceOf(status, presences),
    observedAt,
  };
}

/** The parts of an agent that msdyn_agentstatus carries; replaced whenever the status row changes. */
export function presenceOf(
  status: AgentStatusRow | undefined,
  presences: ReadonlyMap<string, PresenceRow>,
): Pick<Agent, 'presence' | 'presenceText' | 'presenceSince' | 'capacityFree' | 'capacityTotal'> {
  const presenceId = status?._msdyn_currentpresenceid_value ?? null;
  const presence = presenceId ? presences.get(presenceId) : undefined;
  const base = presence?.msdyn_basepresencestatus;
  return {
    presence: (base !== undefined && base !== null && PRESENCE_BY_CODE[base]) || 'unknown',
    presenceText: presence?.msdyn_name ?? status?.[`_msdyn_currentpresenceid_value${FORMATTED}`] ?? '',
    presenceSince: status?.msdyn_presencemodifiedon ?? null,
    capacityFree: status?.msdyn_availableunitscapacity ?? null,
    // The profile's maximum is not on msdyn_agentstatus; left unknown rather than guessed.
    capacityTotal: null,
  };
}
