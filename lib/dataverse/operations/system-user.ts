import { z } from 'zod';
import type { DataverseRequest } from '../transport';
import { guidLiteral, NullableGuidSchema, query } from '../odata';

/** GET one systemuser: the name to show and the Entra object id RetrieveAadUserRoles needs. */
export const systemUserRequest = (userId: string): DataverseRequest => ({
  method: 'GET',
  path: `systemusers(${guidLiteral(userId)})${query({ $select: 'fullname,azureactivedirectoryobjectid' })}`,
  queryKey: 'systemUser',
});

export const SystemUserSchema = z.object({
  fullname: z
    .string()
    .nullable()
    .optional()
    .transform((name) => name ?? ''),
  azureactivedirectoryobjectid: NullableGuidSchema,
});
