import { z } from 'zod';
import { AccessSchema } from '../model/access';
import { ActionRecordSchema } from '../model/actions';
import { AgentSchema, QueueSchema } from '../model/agent';
import { ConversationSchema } from '../model/conversation';
import { RowIssueSchema } from '../model/feed-state';
import { FreshnessSchema } from '../model/freshness';
import { PresenceRowSchema } from '../dataverse/operations/agents';
import { ParticipantRowSchema } from '../dataverse/operations/session-participants';
import { ProfileTablesSchema } from './profile-capacity';

const nullableMs = z.number().nullable();

/**
 * Workstream rows as the model keeps them: allowed presences already split into option values. The wire schema
 * would refuse its own output (it expects the comma-separated text), and with it every snapshot.
 */
const StoredWorkstreamSchema = z.object({
  msdyn_liveworkstreamid: z.string(),
  msdyn_capacityrequired: z.number().int().nullable(),
  msdyn_capacityformat: z.number().int().nullable().default(null),
  msdyn_allowedpresences: z.array(z.number().int()),
});

/**
 * What a worker leaves in storage.session so the next one resumes within one interval without a full reload:
 * the picture, the watermarks and the role check. Validated on read (lib/storage/items.ts); anything that does not
 * parse is ignored (a full load follows), never trusted.
 */
export const PersistedSchema = z.object({
  version: z.literal(1),
  access: AccessSchema,
  freshness: FreshnessSchema,
  lastFullAt: z.number(),
  rowIssues: z.object({ count: z.number().int(), recent: z.array(RowIssueSchema) }),
  actions: z.array(ActionRecordSchema),
  tracking: z.enum(['unknown', 'on', 'off']),
  deltaLink: z.string().nullable(),
  model: z.object({
    conversations: z.array(ConversationSchema),
    sessionOf: z.array(z.tuple([z.string(), z.string().nullable()])),
    participants: z.array(ParticipantRowSchema),
    agents: z.array(AgentSchema),
    presences: z.array(PresenceRowSchema),
    workstreams: z.array(StoredWorkstreamSchema).default([]),
    profiles: ProfileTablesSchema.nullable().default(null),
    queues: z.array(QueueSchema),
    watermarks: z.object({
      conversations: nullableMs,
      participants: nullableMs,
      agentStatuses: nullableMs,
      profileUnits: nullableMs.default(null),
    }),
  }),
});
export type Persisted = z.infer<typeof PersistedSchema>;
