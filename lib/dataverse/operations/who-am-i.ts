import { z } from 'zod';
import type { DataverseRequest } from '../transport';
import { GuidSchema } from '../odata';

/** GET WhoAmI(): the signed-in user (docs/platform.md#functions-and-actions). */
export const whoAmIRequest = (): DataverseRequest => ({ method: 'GET', path: 'WhoAmI()', queryKey: 'whoAmI' });

export const WhoAmISchema = z.object({ UserId: GuidSchema, BusinessUnitId: GuidSchema, OrganizationId: GuidSchema });
