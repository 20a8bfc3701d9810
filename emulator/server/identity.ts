/** The signed-in user's roles: direct (systemuserroles) and inherited from teams (teamroles), as RetrieveAadUserRoles reports. */
import { ROLE_IDS, SUPERVISOR_COPY_ROLE_ID } from '../personas';
import type { Row, Store } from '../world/store';

export interface RoleRef {
  id: string;
  name: string;
  viaTeam: boolean;
}

export function rolesOf(store: Store, userId: string): RoleRef[] {
  const result = new Map<string, RoleRef>();
  const add = (roleId: string, viaTeam: boolean) => {
    const role = store.get('roles', roleId);
    if (role && !result.has(roleId)) result.set(roleId, { id: roleId, name: String(role.name), viaTeam });
  };
  for (const roleId of store.related('systemuserroles', 0, userId)) add(roleId, false);
  for (const teamId of store.related('teammembership', 1, userId)) {
    for (const roleId of store.related('teamroles', 0, teamId)) add(roleId, true);
  }
  return [...result.values()];
}

export const hasRole = (store: Store, userId: string, name: string): boolean => rolesOf(store, userId).some((r) => r.name === name);

/** The supervisor role, or the org's copy of it: privileges, not the name, decide. */
export const holdsSupervisorRole = (store: Store, userId: string): boolean =>
  rolesOf(store, userId).some((r) => r.id === ROLE_IDS.supervisor || r.id === SUPERVISOR_COPY_ROLE_ID);

export const isBot = (user: Row | undefined): boolean =>
  typeof user?.msdyn_botapplicationid === 'string' && user.msdyn_botapplicationid !== '';
