import type { Access } from '../model/access';
import type { FeatureFlags } from '../model/supervisor-switches';
import type { DataverseTransport } from '../dataverse/transport';
import { readOne, readRows } from '../dataverse/read';
import { succeeded, type Failure, type Result } from '../dataverse/result';
import { whoAmIRequest, WhoAmISchema } from '../dataverse/operations/who-am-i';
import { systemUserRequest, SystemUserSchema } from '../dataverse/operations/system-user';
import { aadUserRolesRequest, directRolesRequest, roleRefs, RoleRowSchema } from '../dataverse/operations/user-roles';
import { orgSwitchesFrom, orgSwitchesRequest, OrgSwitchesRowSchema } from '../dataverse/operations/org-switches';
import { API_ACCESS_ROLE, hasRoleNamed, supervisorRoleOf, type RoleRef } from './role-names';

const NO_FEATURES: FeatureFlags = { monitor: false, assign: false, transfer: false, forceClose: false };

export function initialAccess(org: string | null, state: Access['state'] = org ? 'checking' : 'noOrg'): Access {
  return {
    state,
    org,
    userId: null,
    userName: null,
    roles: [],
    hasApiAccessRole: false,
    orgSwitches: NO_FEATURES,
    policyAllows: NO_FEATURES,
    checkedAt: null,
    message: null,
  };
}

export interface AccessCheck {
  access: Access;
  /** Why the check could not finish (signed out, throttled, offline), for the caller's retry decision. */
  failure: Failure | null;
}

/**
 * The role check that runs before any conversation data is read: WhoAmI → roles (direct and through teams) →
 * the org's supervisor switches → the managed policy (which can only restrict). A user who is not a supervisor
 * gets 'notSupervisor' and nothing more is fetched. Supervisor is the platform's role by name, or one of
 * `supervisorRoles` (the setting) by id or name.
 */
export async function checkAccess(
  transport: DataverseTransport,
  policy: FeatureFlags,
  now: () => number,
  supervisorRoles: readonly string[] = [],
): Promise<AccessCheck> {
  const base = initialAccess(transport.org);
  const fail = (failure: Failure): AccessCheck => ({
    access: { ...base, state: failure.kind === 'signedOut' ? 'signedOut' : 'error', message: failure.message, checkedAt: now() },
    failure,
  });

  const who = await readOne(transport, whoAmIRequest(), WhoAmISchema);
  if (!who.ok) return fail(who.failure);
  const userId = who.value.UserId;
  const user = await readOne(transport, systemUserRequest(userId), SystemUserSchema);
  if (!user.ok) return fail(user.failure);

  const roles = await readRoles(transport, userId, user.value.azureactivedirectoryobjectid);
  if (!roles.ok) return fail(roles.failure);
  const names = unique(roles.value.map((role) => role.name));
  const identified = { ...base, userId, userName: user.value.fullname, roles: names, checkedAt: now() };
  const hasApiAccessRole = hasRoleNamed(names, API_ACCESS_ROLE);
  if (!supervisorRoleOf(roles.value, supervisorRoles)) {
    return { access: { ...identified, state: 'notSupervisor', hasApiAccessRole }, failure: null };
  }

  const switches = await readOrgSwitches(transport);
  if (!switches.ok) return fail(switches.failure);
  const orgSwitches = switches.value;
  return {
    access: { ...identified, state: 'supervisor', hasApiAccessRole, orgSwitches, policyAllows: { ...policy } },
    failure: null,
  };
}

const roleSpec = { entity: 'role', idField: 'roleid', schema: RoleRowSchema };

/** Team roles need RetrieveAadUserRoles; without an Entra id (on-premises) only direct roles can be read. */
async function readRoles(transport: DataverseTransport, userId: string, aadObjectId: string | null): Promise<Result<RoleRef[]>> {
  if (aadObjectId) {
    const all = await readRows(transport, aadUserRolesRequest(aadObjectId), roleSpec);
    if (all.ok) return succeeded(roleRefs(all.value.rows));
    // An org without the function answers 4xx; fall back to direct roles. Anything else is a real failure.
    if (all.failure.kind !== 'http' || (all.failure.status ?? 500) >= 500) return all;
  }
  const direct = await readRows(transport, directRolesRequest(userId), roleSpec);
  return direct.ok ? succeeded(roleRefs(direct.value.rows)) : direct;
}

const unique = (names: string[]): string[] => [...new Set(names)].sort((a, b) => a.localeCompare(b));

/** The org's four supervisor switches (msdyn_omnichannelconfiguration), with the platform's defaults for a missing row. */
export async function readOrgSwitches(transport: DataverseTransport): Promise<Result<FeatureFlags>> {
  const read = await readRows(transport, orgSwitchesRequest(), {
    entity: 'msdyn_omnichannelconfiguration',
    idField: 'msdyn_omnichannelconfigurationid',
    schema: OrgSwitchesRowSchema,
  });
  return read.ok ? succeeded(orgSwitchesFrom(read.value.rows[0])) : read;
}
