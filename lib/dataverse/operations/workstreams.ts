import { z } from 'zod';
import type { DataverseRequest } from '../transport';
import { GuidSchema, NullableIntSchema, query } from '../odata';
import { OptionListSchema } from './conversations';

/**
 * Workstreams carry what assign and transfer need per conversation (docs/platform.md#workstreams): the capacity units a
 * conversation takes and the base presences an agent must be in to be given one.
 */
export const workstreamsRequest = (): DataverseRequest => ({
  method: 'GET',
  path: `msdyn_liveworkstreams${query({ $select: 'msdyn_liveworkstreamid,msdyn_capacityrequired,msdyn_capacityformat,msdyn_allowedpresences' })}`,
  queryKey: 'workstreams',
});

export const WorkstreamRowSchema = z.object({
  msdyn_liveworkstreamid: GuidSchema,
  msdyn_capacityrequired: NullableIntSchema,
  /** Unit or profile capacity (lib/dataverse/operations/capacity-profiles.ts); absent on orgs that predate profiles. */
  msdyn_capacityformat: NullableIntSchema,
  msdyn_allowedpresences: OptionListSchema,
});
export type WorkstreamRow = z.infer<typeof WorkstreamRowSchema>;
