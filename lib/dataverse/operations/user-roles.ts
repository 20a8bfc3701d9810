import { z } from 'zod';
import type { DataverseRequest } from '../transport';
import { guidLiteral, NullableGuidSchema, query } from '../odata';

/** The user's directly assigned security roles (docs/platform.md#roles step 2). */
export const directRolesRequest = (userId: string): DataverseRequest => ({
  method: 'GET',
  path: `systemusers(${guidLiteral(userId)})/systemuserroles_association${query({ $select: 'name,roleid' })}`,
  queryKey: 'directRoles',
});

/** Direct and team-inherited roles in one call, by Entra object id (docs/platform.md#roles step 3). */
export const aadUserRolesRequest = (directoryObjectId: string): DataverseRequest => ({
  method: 'GET',
  path: `RetrieveAadUserRoles(DirectoryObjectId=@p1)${query({ '@p1': guidLiteral(directoryObjectId), $select: 'name,roleid' })}`,
  queryKey: 'aadRoles',
});

export const RoleRowSchema = z.object({ name: z.string(), roleid: NullableGuidSchema });

/** Roles by name (trimmed) and id: roles are copied per business unit, so a name names every copy, an id just one. */
export function roleRefs(rows: readonly { name: string; roleid: string | null }[]): { id: string | null; name: string }[] {
  return rows.map((row) => ({ id: row.roleid, name: row.name.trim() })).filter((role) => role.name !== '');
}
