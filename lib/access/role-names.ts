/** Out-of-box role names (docs/platform.md#roles). Roles are copied per business unit, so names, not ids, identify them. */
const SUPERVISOR_ROLE = 'Omnichannel supervisor';
/** Meant for the service's application user; a person holding it cannot assign (docs/platform.md#supervisor-actions troubleshooting). */
export const API_ACCESS_ROLE = 'Omnichannel API access';

/** A security role the user holds: its name, and its id where the platform gave one. */
export interface RoleRef {
  id: string | null;
  name: string;
}

const fold = (text: string) => text.trim().toLocaleLowerCase('en');

export const hasRoleNamed = (roles: readonly string[], name: string): boolean => roles.some((role) => fold(role) === fold(name));

/**
 * The role that makes the user a supervisor: the platform's own by name, or one an admin listed (the
 * `supervisorRoles` setting) by id or by name, such as the org's renamed copy. Null when none does.
 */
export function supervisorRoleOf(roles: readonly RoleRef[], listed: readonly string[]): RoleRef | null {
  const wanted = new Set([SUPERVISOR_ROLE, ...listed].map(fold));
  return roles.find((role) => wanted.has(fold(role.name)) || (role.id !== null && wanted.has(fold(role.id)))) ?? null;
}
