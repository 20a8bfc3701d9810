import { z } from 'zod';
import { ActionIntentSchema, type ActionIntent } from '../actions/registry';

/*
 * The intent union and the kinds are derived from the action registry (lib/actions/registry.ts), one definition per
 * action; they are re-exported here with the rest of the action model.
 */
export { ACTION_KINDS, ActionIntentSchema, type ActionIntent, type ActionKind } from '../actions/registry';
export { SUPERVISOR_FEATURES, type Feature, type FeatureFlags } from './supervisor-switches';

/** Why an action failed, in categories the UI words plainly (docs/platform.md, "Errors"). */
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

/**
 * Where a conversation opened by monitor or join shows: a session in the workspace tab, a form in it, a new tab
 * beside it, or nowhere the worker could confirm.
 */
const OpenedInSchema = z.enum(['session', 'form', 'newTab', 'none']);
export type OpenedIn = z.infer<typeof OpenedInSchema>;

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
  /** The reason's $1…, when it names something (the parameters an org's action takes that we cannot fill). */
  reasonArgs: z.array(z.string().max(1000)).max(9).optional(),
  /** The platform's own message, shown after our plain-words summary. */
  detail: z.string().nullable(),
  retryAt: z.number().nullable(),
  /** Assign with override: by how many capacity units the agent is now over. */
  capacityExceededBy: z.number().nullable(),
  /** For actions that open the conversation: where it opened, once it has (absent before, and in older logs). */
  openedIn: OpenedInSchema.nullable().optional(),
});
export type ActionRecord = z.infer<typeof ActionRecordSchema>;

/** An action just taken: pending, nothing known yet of how it ends. */
export const pendingRecord = (id: string, intent: ActionIntent, label: string, startedAt: number): ActionRecord => ({
  id,
  intent,
  label,
  state: 'pending',
  startedAt,
  finishedAt: null,
  failure: null,
  reason: null,
  detail: null,
  retryAt: null,
  capacityExceededBy: null,
});
