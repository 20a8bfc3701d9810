import { z } from 'zod';
import type { FeatureFlags } from '../../model/supervisor-switches';
import type { DataverseRequest } from '../transport';
import { query } from '../odata';

const COLUMNS = {
  monitor: 'msdyn_enable_supervisor_monitor',
  assign: 'msdyn_enable_supervisor_assign',
  transfer: 'msdyn_enable_supervisor_transfer',
  forceClose: 'msdyn_enable_supervisor_forceclose',
} as const;

/** The org's four supervisor switches from its msdyn_omnichannelconfiguration row (docs/platform.md, "Supervisor feature toggles"). */
export const orgSwitchesRequest = (): DataverseRequest => ({
  method: 'GET',
  path: `msdyn_omnichannelconfigurations${query({ $select: Object.values(COLUMNS).join(','), $top: '1' })}`,
  queryKey: 'orgSwitches',
});

const flag = z.boolean().nullable().optional();
export const OrgSwitchesRowSchema = z.object({
  msdyn_enable_supervisor_monitor: flag,
  msdyn_enable_supervisor_assign: flag,
  msdyn_enable_supervisor_transfer: flag,
  msdyn_enable_supervisor_forceclose: flag,
});

/** Platform defaults for a missing row or column: monitor on, the rest off. */
export function orgSwitchesFrom(row: z.infer<typeof OrgSwitchesRowSchema> | undefined): FeatureFlags {
  return {
    monitor: row?.msdyn_enable_supervisor_monitor ?? true,
    assign: row?.msdyn_enable_supervisor_assign ?? false,
    transfer: row?.msdyn_enable_supervisor_transfer ?? false,
    forceClose: row?.msdyn_enable_supervisor_forceclose ?? false,
  };
}
