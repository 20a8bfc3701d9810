import { z } from 'zod';
import type { DataverseRequest } from '../transport';
import { dateTimeLiteral, GuidSchema, NullableGuidSchema, NullableIntSchema, NullableTextSchema, query } from '../odata';

/**
 * The capacity-profile tables ([CE-capacity], [CE-profileunit] in docs/platform.md): which profile each workstream
 * uses, the profiles, and each agent's units of each. Read only where a workstream's msdyn_capacityformat says the
 * org uses profiles.
 */

/** msdyn_liveworkstream.msdyn_capacityformat: 192350000 Unit, 192360000 Profile. */
export const CAPACITY_FORMAT = { units: 192350000, profiles: 192360000 } as const;

export const workstreamProfilesRequest = (): DataverseRequest => ({
  method: 'GET',
  path: `msdyn_liveworkstreamcapacityprofiles${query({ $select: '_msdyn_workstream_id_value,_msdyn_capacityprofile_id_value', $filter: 'statecode eq 0' })}`,
  queryKey: 'workstreamProfiles',
});
export const WorkstreamProfileRowSchema = z.object({
  _msdyn_workstream_id_value: NullableGuidSchema,
  _msdyn_capacityprofile_id_value: NullableGuidSchema,
});

export const capacityProfilesRequest = (): DataverseRequest => ({
  method: 'GET',
  path: `msdyn_capacityprofiles${query({ $select: 'msdyn_capacityprofileid,msdyn_name,msdyn_defaultmaxunits', $filter: 'statecode eq 0' })}`,
  queryKey: 'capacityProfiles',
});
export const CapacityProfileRowSchema = z.object({
  msdyn_capacityprofileid: GuidSchema,
  msdyn_name: NullableTextSchema,
  msdyn_defaultmaxunits: NullableIntSchema,
});

const UNIT_COLUMNS =
  'msdyn_agentcapacityprofileunitid,_msdyn_agentid_value,_msdyn_capacityprofileid_value,msdyn_defaultmaxunits,msdyn_availablecapacityprofileunits,modifiedon';

/** Every agent's units of every profile; or those changed since a time (work taken and given back). */
export function agentProfileUnitsRequest(modifiedSince?: number): DataverseRequest {
  const filter = modifiedSince === undefined ? 'statecode eq 0' : `modifiedon ge ${dateTimeLiteral(modifiedSince)}`;
  return {
    method: 'GET',
    path: `msdyn_agentcapacityprofileunits${query({ $select: UNIT_COLUMNS, $filter: filter })}`,
    queryKey: modifiedSince === undefined ? 'profileUnits:full' : 'profileUnits:delta',
  };
}
export const AgentProfileUnitRowSchema = z.object({
  msdyn_agentcapacityprofileunitid: GuidSchema,
  _msdyn_agentid_value: NullableGuidSchema,
  _msdyn_capacityprofileid_value: NullableGuidSchema,
  msdyn_defaultmaxunits: NullableIntSchema,
  msdyn_availablecapacityprofileunits: NullableIntSchema,
  modifiedon: z.string(),
});
export type AgentProfileUnitRow = z.infer<typeof AgentProfileUnitRowSchema>;
