import { z } from 'zod';
import type { Agent } from '../model/agent';
import type { CapacityModel, ProfileCapacity } from '../model/capacity';
import type { Conversation } from '../model/conversation';
import type { WorkstreamRow } from '../dataverse/operations/workstreams';
import { failed, succeeded, type Result } from '../dataverse/result';
import {
  agentProfileUnitsRequest,
  AgentProfileUnitRowSchema,
  CAPACITY_FORMAT,
  CapacityProfileRowSchema,
  capacityProfilesRequest,
  WorkstreamProfileRowSchema,
  workstreamProfilesRequest,
  type AgentProfileUnitRow,
} from '../dataverse/operations/capacity-profiles';
import type { Reader } from './read-full';

/**
 * The capacity-profile half of the picture (lib/model/capacity.ts): which profile each workstream uses, the
 * profiles' names and every agent's units of each. Read only on orgs whose workstreams say they use profiles.
 * `readable: false` is an org that uses profiles where this user may not read them: capacity is then unknown.
 */
export const ProfileTablesSchema = z.object({
  readable: z.boolean(),
  profileOfWorkstream: z.array(z.tuple([z.string(), z.string()])),
  names: z.array(z.tuple([z.string(), z.string()])),
  units: z.array(AgentProfileUnitRowSchema),
});
export type ProfileTables = z.infer<typeof ProfileTablesSchema>;

const SPECS = {
  link: { entity: 'msdyn_liveworkstreamcapacityprofile', idField: '_msdyn_workstream_id_value', schema: WorkstreamProfileRowSchema },
  profile: { entity: 'msdyn_capacityprofile', idField: 'msdyn_capacityprofileid', schema: CapacityProfileRowSchema },
  unit: { entity: 'msdyn_agentcapacityprofileunit', idField: 'msdyn_agentcapacityprofileunitid', schema: AgentProfileUnitRowSchema },
} as const;

export const usesProfiles = (workstreams: readonly Pick<WorkstreamRow, 'msdyn_capacityformat'>[]): boolean =>
  workstreams.some((row) => row.msdyn_capacityformat === CAPACITY_FORMAT.profiles);

/** Every workstream uses profiles: the agents' unit figure means nothing here. */
export const onlyProfiles = (workstreams: readonly Pick<WorkstreamRow, 'msdyn_capacityformat'>[]): boolean =>
  workstreams.length > 0 && workstreams.every((row) => row.msdyn_capacityformat === CAPACITY_FORMAT.profiles);

const UNREADABLE: ProfileTables = { readable: false, profileOfWorkstream: [], names: [], units: [] };

/** A refusal (403, or a table the org does not have) says capacity is unknown; other faults fail the read. */
const refused = (result: Result<unknown>): boolean => !result.ok && result.failure.kind === 'http' && (result.failure.status ?? 0) < 500;

/** The profile tables, when the workstreams use profiles; null on an org of unit capacity alone. */
export async function readProfileTables(reader: Reader, workstreams: readonly WorkstreamRow[]): Promise<Result<ProfileTables | null>> {
  if (!usesProfiles(workstreams)) return succeeded(null);
  // Side by side, one round trip: read beside a large first load, each of three in a row also waited for the worker
  // to finish the conversation page in hand, and the list waited for the last.
  const [links, profiles, units] = await Promise.all([
    reader.rows(workstreamProfilesRequest(), SPECS.link),
    reader.rows(capacityProfilesRequest(), SPECS.profile),
    reader.rows(agentProfileUnitsRequest(), SPECS.unit),
  ]);
  if (!units.ok || !profiles.ok || !links.ok) {
    const failure = [links, profiles, units].find((result) => !result.ok);
    if (failure && refused(failure)) return succeeded(UNREADABLE);
    return failure && !failure.ok ? failed(failure.failure) : succeeded(UNREADABLE);
  }
  return succeeded({
    readable: true,
    profileOfWorkstream: links.value.rows.flatMap((row) =>
      row._msdyn_workstream_id_value && row._msdyn_capacityprofile_id_value
        ? [[row._msdyn_workstream_id_value, row._msdyn_capacityprofile_id_value] as [string, string]]
        : [],
    ),
    names: profiles.value.rows.map((row) => [row.msdyn_capacityprofileid, row.msdyn_name ?? ''] as [string, string]),
    units: units.value.rows,
  });
}

/** Units changed since a time (work taken or given back), merged by row id; null when the org has no profiles to follow. */
export async function readProfileUnitChanges(
  reader: Reader,
  tables: ProfileTables | null,
  since: number,
): Promise<Result<AgentProfileUnitRow[]>> {
  if (!tables?.readable) return succeeded([]);
  const read = await reader.rows(agentProfileUnitsRequest(since), SPECS.unit);
  return read.ok ? succeeded(read.value.rows) : read;
}

/** A conversation's capacity model and profile, from its workstream. */
export function conversationCapacity(
  tables: ProfileTables | null,
  workstream: WorkstreamRow | undefined,
): Pick<Conversation, 'capacityModel' | 'capacityProfileId'> {
  if (workstream?.msdyn_capacityformat !== CAPACITY_FORMAT.profiles) return {};
  if (!tables?.readable) return { capacityModel: 'unknown', capacityProfileId: null };
  const profileId = tables.profileOfWorkstream.find(([ws]) => ws === workstream.msdyn_liveworkstreamid)?.[1] ?? null;
  return profileId ? { capacityModel: 'profiles', capacityProfileId: profileId } : { capacityModel: 'unknown', capacityProfileId: null };
}

/**
 * An agent's capacity under the org's model. Where every workstream uses profiles, the agent's unit figure stands
 * still and is dropped; where profiles cannot be read, capacity is unknown rather than that figure.
 */
export function agentCapacity(tables: ProfileTables | null, onlyProfiles: boolean, agent: Agent): Agent {
  if (!tables) return agent;
  const model: CapacityModel = tables.readable ? 'profiles' : 'unknown';
  const names = new Map(tables.names);
  const capacityProfiles: ProfileCapacity[] = tables.units
    .filter((row) => row._msdyn_agentid_value === agent.id && row._msdyn_capacityprofileid_value !== null)
    .map((row) => ({
      profileId: row._msdyn_capacityprofileid_value ?? '',
      name: names.get(row._msdyn_capacityprofileid_value ?? '') ?? '',
      free: row.msdyn_availablecapacityprofileunits,
      total: row.msdyn_defaultmaxunits,
    }))
    .sort((a, b) => a.name.localeCompare(b.name));
  const units = onlyProfiles ? { capacityFree: null, capacityTotal: null } : {};
  return { ...agent, ...units, capacityModel: model, capacityProfiles };
}
