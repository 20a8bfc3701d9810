import { z } from 'zod';
import type { DataverseRequest } from '../transport';
import { guidLiteral, query } from '../odata';

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

export const RoleRowSchema = z.object({ name: z.string() });

/** Role names, trimmed: roles are copied per business unit, so only names identify them. */
export function roleNames(rows: readonly { name: string }[]): string[] {
  return rows.map((row) => row.name.trim()).filter((name) => name !== '');
}
