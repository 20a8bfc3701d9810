import { z } from 'zod';

export const ACTION_KINDS = ['monitor', 'join', 'assignAgent', 'assignQueue', 'transfer', 'forceClose'] as const;
export const ActionKindSchema = z.enum(ACTION_KINDS);
export type ActionKind = z.infer<typeof ActionKindSchema>;

/** The four org switches / policy keys; join rides on monitor, both assigns on assign. */
export const SUPERVISOR_FEATURES = ['monitor', 'assign', 'transfer', 'forceClose'] as const;
export const FeatureSchema = z.enum(SUPERVISOR_FEATURES);
export type Feature = z.infer<typeof FeatureSchema>;
export type FeatureFlags = Record<Feature, boolean>;
export const FeatureFlagsSchema = z.object({
  monitor: z.boolean(),
  assign: z.boolean(),
  transfer: z.boolean(),
  forceClose: z.boolean(),
});

const base = {
  conversationId: z.string().min(1).max(100),
  /** The row version the supervisor saw; the worker re-checks the rules if the row changed since. */
  etag: z.string().max(100),
};

/** What a view asks the worker to do. Only the worker talks to the platform. */
export const ActionIntentSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('monitor'), ...base }),
  z.object({ kind: z.literal('join'), ...base }),
  z.object({ kind: z.literal('assignAgent'), ...base, agentId: z.string().min(1).max(100), override: z.boolean() }),
  z.object({ kind: z.literal('assignQueue'), ...base, queueId: z.string().min(1).max(100) }),
  z.object({ kind: z.literal('transfer'), ...base, agentId: z.string().min(1).max(100), reason: z.string().max(500).optional() }),
  z.object({ kind: z.literal('forceClose'), ...base, reason: z.string().max(500).optional() }),
]);
export type ActionIntent = z.infer<typeof ActionIntentSchema>;

/** Why an action failed, in categories the UI words plainly (platform-api.md §3.2). */
export const ActionFailureSchema = z.enum([
  'forbidden', // 403: role or switch
  'rule', // 400: state/channel/target rule
  'gone', // 404
  'conflict', // 412 or changed since shown
  'throttled', // 429 (retried after Retry-After)
  'signedOut', // 401
  'network', // fault, timeout, 5xx after retries
  'rejected', // the target agent rejected the transfer/assignment
  'blocked', // refused locally before any request: rule, switch or policy
]);
export type ActionFailure = z.infer<typeof ActionFailureSchema>;

/** One action's lifecycle, shown on the row and in the action log. */
export const ActionRecordSchema = z.object({
  id: z.string(),
  intent: ActionIntentSchema,
  /** Human-readable label of the conversation at the time (subject/customer), for the log. */
  label: z.string(),
  state: z.enum(['pending', 'waitingForAgent', 'done', 'failed']),
  startedAt: z.number(),
  finishedAt: z.number().nullable(),
  failure: ActionFailureSchema.nullable(),
  /** Our own explanation as an i18n key (the local rule that refused it, or a known cause); null if none. */
  reason: z.string().max(100).nullable().optional(),
  /** The platform's own message, shown after our plain-words summary. */
  detail: z.string().nullable(),
  retryAt: z.number().nullable(),
  /** Assign with override: by how many capacity units the agent is now over. */
  capacityExceededBy: z.number().nullable(),
});
export type ActionRecord = z.infer<typeof ActionRecordSchema>;
