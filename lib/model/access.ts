import { z } from 'zod';
import { FeatureFlagsSchema } from './supervisor-switches';

/**
 * Who the signed-in user is to the platform, decided before any conversation data is fetched:
 * roles (direct and through teams), the org's four supervisor switches and the managed policy.
 */
export const AccessSchema = z.object({
  state: z.enum(['checking', 'noOrg', 'signedOut', 'notSupervisor', 'supervisor', 'blockedHost', 'error']),
  org: z.string().nullable(),
  userId: z.string().nullable(),
  userName: z.string().nullable(),
  roles: z.array(z.string()),
  /** Holds "Omnichannel API access": assign will fail (the role is meant for the service's application user). */
  hasApiAccessRole: z.boolean(),
  /** The org's msdyn_omnichannelconfiguration switches. */
  orgSwitches: FeatureFlagsSchema,
  /** What the managed policy allows (it can only restrict). */
  policyAllows: FeatureFlagsSchema,
  checkedAt: z.number().nullable(),
  /** Platform message for state 'error'. */
  message: z.string().nullable(),
});
export type Access = z.infer<typeof AccessSchema>;
