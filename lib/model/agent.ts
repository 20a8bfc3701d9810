import { z } from 'zod';
import { CapacityModelSchema, ProfileCapacitySchema } from './capacity';

/** Base presence (msdyn_presence.msdyn_basepresencestatus), not Teams presence. docs/platform.md#presence-and-capacity. */
export const BasePresenceSchema = z.enum(['available', 'busy', 'dnd', 'away', 'offline', 'unknown']);
export type BasePresence = z.infer<typeof BasePresenceSchema>;

export const PRESENCE_BY_CODE: Readonly<Record<number, BasePresence>> = {
  192360000: 'available',
  192360001: 'busy',
  192360002: 'dnd',
  192360003: 'away',
  192360004: 'offline',
};

const SkillSchema = z.object({ name: z.string(), level: z.number().nullable() });
export type Skill = z.infer<typeof SkillSchema>;

export const AgentSchema = z.object({
  id: z.string(),
  name: z.string(),
  presence: BasePresenceSchema,
  /** The presence's own name ("Available", "Lunch"), which may be custom. */
  presenceText: z.string(),
  presenceSince: z.string().nullable(),
  /** Unit capacity (msdyn_agentstatus); null where it is not known. */
  capacityFree: z.number().nullable(),
  capacityTotal: z.number().nullable(),
  /** The org's model as it concerns this agent: absent for unit capacity alone (lib/model/capacity.ts). */
  capacityModel: CapacityModelSchema.optional(),
  /** Units of each capacity profile, where the org uses profiles. */
  capacityProfiles: z.array(ProfileCapacitySchema).optional(),
  queueIds: z.array(z.string()),
  skills: z.array(SkillSchema),
  /** AI agents (systemusers with msdyn_botapplicationid) are never transfer targets. */
  isBot: z.boolean(),
  observedAt: z.number(),
});
export type Agent = z.infer<typeof AgentSchema>;

export const QueueSchema = z.object({
  id: z.string(),
  name: z.string(),
  type: z.enum(['messaging', 'records', 'voice', 'other']),
  /** In the panel's scope: the queues the supervisor is a member of, or every omnichannel queue when they are in none. */
  supervised: z.boolean(),
  /** False when the supervisor is not a member (shown only because they are in no queue at all). */
  member: z.boolean().optional(),
});
export type Queue = z.infer<typeof QueueSchema>;
