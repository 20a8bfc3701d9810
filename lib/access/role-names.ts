/** Out-of-box role names (docs/platform.md#roles). Roles are copied per business unit, so names, not ids, identify them. */
export const SUPERVISOR_ROLE = 'Omnichannel supervisor';
/** Meant for the service's application user; a person holding it cannot assign (docs/platform.md#supervisor-actions troubleshooting). */
export const API_ACCESS_ROLE = 'Omnichannel API access';

export const hasRoleNamed = (roles: readonly string[], name: string): boolean =>
  roles.some((role) => role.trim().toLocaleLowerCase('en') === name.toLocaleLowerCase('en'));
