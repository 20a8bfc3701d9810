import { z } from 'zod';
import { ActionContractSchema } from '../actions/contract';
import { AccessSchema } from './access';
import { ActionRecordSchema } from './actions';
import { AgentSchema, QueueSchema } from './agent';
import { ConversationSchema } from './conversation';
import { FreshnessSchema } from './freshness';
import { EffectiveSettingsSchema } from './settings';
import { WorkspaceStateSchema, WriteRouteSchema } from './workspace';

/** A platform row that failed validation: counted and reported, never allowed to break the rest. */
export const RowIssueSchema = z.object({
  entity: z.string(),
  id: z.string().nullable(),
  field: z.string(),
  message: z.string(),
});
export type RowIssue = z.infer<typeof RowIssueSchema>;

/** Everything a view shows, as the worker holds it. Views get this once, then patches. */
export const FeedStateSchema = z.object({
  access: AccessSchema,
  freshness: FreshnessSchema,
  settings: EffectiveSettingsSchema,
  conversations: z.array(ConversationSchema),
  agents: z.array(AgentSchema),
  queues: z.array(QueueSchema),
  actions: z.array(ActionRecordSchema),
  rowIssues: z.object({ count: z.number().int(), recent: z.array(RowIssueSchema) }),
  paused: z.boolean(),
  /** Whether the org's workspace tab is open (monitor and join need it; the panel can offer to open it). */
  workspace: WorkspaceStateSchema,
  /** Which way changes reach the org, and why (the diagnostics say it). */
  writeRoute: WriteRouteSchema,
  /** The org's own action contract once discovered (lib/discovery); null until then, when the worker alone decides. */
  contract: ActionContractSchema.nullable(),
});
export type FeedState = z.infer<typeof FeedStateSchema>;

/** A change to the state: rows upserted by id, ids removed, and whole replacements of the small parts. */
export const FeedPatchSchema = z.object({
  conversations: z.object({ upsert: z.array(ConversationSchema), remove: z.array(z.string()) }).optional(),
  agents: z.object({ upsert: z.array(AgentSchema), remove: z.array(z.string()) }).optional(),
  queues: z.array(QueueSchema).optional(),
  access: AccessSchema.optional(),
  freshness: FreshnessSchema.optional(),
  settings: EffectiveSettingsSchema.optional(),
  actions: z.array(ActionRecordSchema).optional(),
  rowIssues: z.object({ count: z.number().int(), recent: z.array(RowIssueSchema) }).optional(),
  paused: z.boolean().optional(),
  workspace: WorkspaceStateSchema.optional(),
  writeRoute: WriteRouteSchema.optional(),
  contract: ActionContractSchema.nullable().optional(),
});
export type FeedPatch = z.infer<typeof FeedPatchSchema>;
