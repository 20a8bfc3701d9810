import { availability, isInFlight } from '../../actions/rules';
import { targetBlock } from '../../actions/target-check';
import type { Access } from '../../model/access';
import type { ActionIntent, ActionKind, ActionRecord } from '../../model/actions';
import type { Agent, Queue } from '../../model/agent';
import type { Conversation } from '../../model/conversation';
import type { EffectiveSettings } from '../../model/settings';

/** The actions that make sense on many conversations at once; monitor and join are one supervisor, one seat. */
export const BULK_KINDS = ['forceClose', 'transfer', 'assignQueue', 'assignAgent'] as const satisfies readonly ActionKind[];
export type BulkKind = (typeof BULK_KINDS)[number];

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
}

/** One selected row in the preview: the intent it would send, or the rule that skips it (an i18n key). */
export type PreviewItem =
  | { conversation: Conversation; intent: ActionIntent; skip: null }
  | { conversation: Conversation; intent: null; skip: string };

export function intentFor(choice: BulkChoice, conversation: Conversation): ActionIntent | null {
  const base = { conversationId: conversation.id, etag: conversation.etag };
  const reason = choice.reason?.trim() ? { reason: choice.reason.trim() } : {};
  switch (choice.kind) {
    case 'forceClose':
      return { kind: 'forceClose', ...base, ...reason };
    case 'transfer':
      return choice.agentId ? { kind: 'transfer', ...base, agentId: choice.agentId, ...reason } : null;
    case 'assignQueue':
      return choice.queueId ? { kind: 'assignQueue', ...base, queueId: choice.queueId } : null;
    case 'assignAgent':
      // Never an override in bulk: one agent cannot take many conversations past their capacity unseen.
      return choice.agentId ? { kind: 'assignAgent', ...base, agentId: choice.agentId, override: false } : null;
  }
}

/**
 * What the bulk action would do to each selected row, decided by the single action's own rules (lib/actions):
 * availability (role, switches, policy, state, channel, an action already in flight) and the target check.
 * The worker checks every item again when it runs; this is what the supervisor is shown before starting.
 */
export function previewBulk(choice: BulkChoice, conversations: readonly Conversation[], ctx: PreviewContext): PreviewItem[] {
  return conversations.map((conversation): PreviewItem => {
    const activeRecord = ctx.records.find((r) => r.intent.conversationId === conversation.id && isInFlight(r));
    const rule = availability(choice.kind, { conversation, access: ctx.access, settings: ctx.settings ?? undefined, activeRecord });
    if (rule.reason) return { conversation, intent: null, skip: rule.reason };
    const intent = intentFor(choice, conversation);
    if (!intent) return { conversation, intent: null, skip: 'bulk_skip_noTarget' };
    const target = targetBlock(intent, conversation, ctx.agents, ctx.queues);
    return target ? { conversation, intent: null, skip: target } : { conversation, intent, skip: null };
  });
}

/** A reason the organisation requires and the supervisor has not given blocks the whole batch, not single rows. */
export function reasonRequired(choice: BulkChoice, settings: EffectiveSettings | null): boolean {
  if (choice.kind !== 'transfer' && choice.kind !== 'forceClose') return false;
  return (settings?.values.requireReason[choice.kind] ?? false) && !choice.reason?.trim();
}
