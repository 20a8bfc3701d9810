import { availability, isInFlight } from '../../actions/rules';
import { targetBlock } from '../../actions/target-check';
import type { ActionContract } from '../../actions/contract';
import type { Access } from '../../model/access';
import { BULKABLE_KINDS, definitionOf, type ActionIntent, type ActionKind } from '../../actions/registry';
import type { ActionRecord } from '../../model/actions';
import type { Agent, Queue } from '../../model/agent';
import type { Conversation } from '../../model/conversation';
import type { EffectiveSettings } from '../../model/settings';
import type { RouteFacts } from '../../actions/routing';
import type { MessageKey } from '../../i18n/message-key';

/** The actions that make sense on many conversations at once (their definitions say so). */
export const BULK_KINDS = BULKABLE_KINDS;
export type BulkKind = ActionKind;

/** What the supervisor chose in the bulk dialog: one action, one target, one reason for every row. */
export interface BulkChoice {
  kind: BulkKind;
  agentId?: string;
  queueId?: string;
  reason?: string;
}

export interface PreviewContext {
  access: Access;
  settings: EffectiveSettings | null;
  agents: readonly Agent[];
  queues: readonly Queue[];
  records: readonly ActionRecord[];
  /** Whether the org's workspace is open: with writes waiting for it, every row says so. */
  routes?: RouteFacts;
  /** The org's own action contract, when the worker has discovered it. */
  contract?: ActionContract | null;
}

/** One selected row in the preview: the intent it would send, or the rule that skips it (an i18n key, and its $1…). */
export type PreviewItem =
  | { conversation: Conversation; intent: ActionIntent; skip: null }
  | { conversation: Conversation; intent: null; skip: MessageKey; args?: readonly string[] };

/** The intent one row would get; never an override in bulk: one agent cannot take many conversations past capacity unseen. */
function intentFor(choice: BulkChoice, conversation: Conversation): ActionIntent | null {
  const { agentId, queueId, reason } = choice;
  return definitionOf(choice.kind).intentFrom(
    { conversationId: conversation.id, etag: conversation.etag },
    { agentId, queueId, reason, override: false },
  );
}

/**
 * What the bulk action would do to each selected row, decided by the single action's own rules (lib/actions):
 * availability (role, switches, policy, state, channel, an action already in flight) and the target check.
 * The worker checks every item again when it runs; this is what the supervisor is shown before starting.
 */
export function previewBulk(choice: BulkChoice, conversations: readonly Conversation[], ctx: PreviewContext): PreviewItem[] {
  return conversations.map((conversation): PreviewItem => {
    const activeRecord = ctx.records.find((r) => r.intent.conversationId === conversation.id && isInFlight(r));
    const rule = availability(choice.kind, {
      conversation,
      access: ctx.access,
      settings: ctx.settings ?? undefined,
      activeRecord,
      routes: ctx.routes,
      contract: ctx.contract ?? undefined,
    });
    if (rule.reason) return { conversation, intent: null, skip: rule.reason, args: rule.args };
    const intent = intentFor(choice, conversation);
    if (!intent) return { conversation, intent: null, skip: 'bulk_skip_noTarget' };
    const target = targetBlock(intent, conversation, ctx.agents, ctx.queues);
    return target ? { conversation, intent: null, skip: target } : { conversation, intent, skip: null };
  });
}

/** A reason the organisation requires and the supervisor has not given blocks the whole batch, not single rows. */
export function reasonRequired(choice: BulkChoice, settings: EffectiveSettings | null): boolean {
  const setting = definitionOf(choice.kind).reason?.requiredBy;
  if (!setting) return false;
  return (settings?.values.requireReason[setting] ?? false) && !choice.reason?.trim();
}
