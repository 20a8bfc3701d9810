/**
 * Applies org settings (world/settings.ts) to a running org: `POST /_emulator/config` and the named variants both
 * come here. Behaviour switches just change; the ones that shape data rewrite it (capacity model, role name, history,
 * case notes, the customapi rows of a new action contract).
 */
import type { ContractPatch } from '../contract';
import { switchCapacityModel } from './capacity';
import { setOtherNotes } from './case-notes';
import { describeCustomApis } from './custom-apis';
import { setClosedHistory } from './history';
import { nameSupervisorRole } from './roles';
import type { OrgSettings } from './settings';
import type { World } from './world';

export type SettingsPatch = Partial<OrgSettings>;

export function configure(world: World, patch: SettingsPatch): void {
  const settings = world.settings;
  if (patch.changeTracking !== undefined) settings.changeTracking = patch.changeTracking;
  if (patch.customApisReadable !== undefined) settings.customApisReadable = patch.customApisReadable;
  if (patch.extensionOriginWrites !== undefined) settings.extensionOriginWrites = patch.extensionOriginWrites;
  // Before the history, which records its participants' leaving the org's way.
  if (patch.participantsOnLeave !== undefined) settings.participantsOnLeave = patch.participantsOnLeave;
  if (patch.actionContract) {
    settings.actionContract = mergeContract(settings.actionContract, patch.actionContract);
    describeCustomApis(world);
  }
  if (patch.capacityModel !== undefined) switchCapacityModel(world, patch.capacityModel);
  if (patch.supervisorRoleName !== undefined && patch.supervisorRoleName !== settings.supervisorRoleName) {
    nameSupervisorRole(world, patch.supervisorRoleName);
  }
  if (patch.closedHistory !== undefined) setClosedHistory(world, patch.closedHistory);
  if (patch.otherNotes !== undefined) setOtherNotes(world, patch.otherNotes);
}

/** Later patches win key by key; per-action overrides merge by action. */
function mergeContract(current: ContractPatch | null, patch: ContractPatch): ContractPatch {
  return { ...current, ...patch, actions: { ...current?.actions, ...patch.actions } };
}
