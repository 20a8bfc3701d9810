import { z } from 'zod';
import type { Agent, Queue } from '../model/agent';
import type { Conversation } from '../model/conversation';
import type { Feature } from '../model/supervisor-switches';
import type { Settings } from '../model/settings';
import type { MessageKey } from '../i18n/message-key';

/**
 * What one supervisor action is, in one place: everything the rules, the runner, the views, the keyboard, the
 * dialogs, locks and bulk need to know about it. Each action is one file in lib/actions/kinds, listed in
 * lib/actions/registry.ts; everything else iterates the registry. See docs/adding-an-action.md.
 */
export interface ActionDefinition<I extends BaseIntent = BaseIntent> {
  kind: I['kind'];
  /** The org switch and policy key it rides on (join rides on monitor, both assigns on assign). */
  feature: Feature;
  /** What a view sends the worker for it; the ActionIntent union is derived from these. */
  intent: IntentSchema<I>;
  /** Its platform call: which of the org's custom APIs, and what its target parameter means. */
  operation: Operation<I>;
  /** It changes data on the platform: sent by the route writes take (the worker today). */
  write: boolean;
  /** It belongs to the workspace client, not to a worker (monitor and join open the conversation there). */
  inWorkspace: boolean;
  /** Once done, show the conversation in the supervisor's workspace. */
  opensConversation: boolean;
  /** The platform's rules on the conversation itself: an i18n key saying why not, or null when it is allowed. */
  stateRule(conversation: Conversation, me: string | null): MessageKey | null;
  /** The worker's check of the target it is sent to (views offer only valid targets, the worker decides). */
  targetRule?(intent: I, conversation: Conversation, agents: readonly Agent[], queues: readonly Queue[]): MessageKey | null;
  /**
   * What a fresh read says about it: the only way an action is ever called done. `conversation` is null when the
   * platform no longer lists it as ongoing; `wasWaiting` when the runner already saw the offer to the agent.
   */
  verify(intent: I, conversation: Conversation | null, me: string | null, wasWaiting: boolean): Verdict;
  /** The intent for what a dialog or a bulk run chose; null when the choice lacks what it needs. */
  intentFrom(target: IntentTarget, choice: Choice): I | null;
  /** Our estimate of the capacity units it puts an agent over, before sending (the platform's own figure wins). */
  estimateOverCapacity?(intent: I, conversation: Conversation, agents: readonly Agent[]): number | null;
  /** The platform refuses it for holders of the "Omnichannel API access" role (docs/platform.md, "Security roles"). */
  refusedWithApiAccessRole: boolean;
  /** What the supervisor confirms or picks before it is sent. */
  dialog: DialogNeed;
  /** Actions offered together: one row button, one dialog with a choice between them. */
  group?: ActionGroup;
  /** Whether the row offers it at all right now (join only once monitoring); hidden is not the same as disabled. */
  offeredOnRow?(conversation: Conversation, me: string | null): boolean;
  /** Announced to other supervisors with a soft lock while it runs; the lock's words, $1 = who. */
  lock: { label: MessageKey } | null;
  /** Offered for many conversations at once. Labels: the bar's button, the dialog's title ($1 rows), start ($1 rows). */
  bulk: { labels: { button: MessageKey; title: MessageKey; start: MessageKey } } | null;
  /** It can carry a reason, written to the conversation as a note; the setting that can make it required. */
  reason: { requiredBy: ReasonSetting } | null;
  /** The row key that asks for it (`key` as KeyboardEvent.key, `shown` as the help sheet prints it). */
  shortcut: { key: string; shown: string } | null;
  /** Visual weight: irreversible actions are danger (red, and their confirmation starts on Cancel). */
  tone: 'normal' | 'danger';
  labels: ActionLabels;
}

/** The fields every intent carries, whatever its kind. */
const INTENT_BASE = {
  conversationId: z.string().min(1).max(100),
  /** The row version the supervisor saw; the worker re-checks the rules if the row changed since. */
  etag: z.string().max(100),
  /** Act only on that version: a sweep closes rows because nothing touched them, so one touched since is left alone. */
  asSeen: z.literal(true).optional(),
};
export const TARGET_ID = z.string().min(1).max(100);
export const REASON = z.string().max(500).optional();

export interface BaseIntent {
  kind: string;
  conversationId: string;
  etag: string;
  asSeen?: true;
}
/** A zod object with a literal `kind`, so the registry can join them into one discriminated union. */
export type IntentSchema<I extends BaseIntent> = z.ZodType<I> & z.core.$ZodTypeDiscriminable;

/** An intent's schema: its kind, the conversation and version seen, and its own fields. */
export function intentSchema<const K extends string, S extends z.ZodRawShape>(kind: K, shape: S) {
  return z.object({ kind: z.literal(kind), ...INTENT_BASE, ...shape });
}

/** The conversation an intent is for. */
export type IntentTarget = Pick<BaseIntent, 'conversationId' | 'etag'>;

/** What a dialog (or the bulk dialog) chose: one target, perhaps a reason. */
export interface Choice {
  agentId?: string;
  queueId?: string;
  /** Assign past presence and capacity (never offered in bulk). */
  override?: boolean;
  reason?: string;
}

/** A given reason, trimmed, as intent fields; none when blank. */
export const reasonFrom = (choice: Choice): { reason?: string } => (choice.reason?.trim() ? { reason: choice.reason.trim() } : {});

export type Verdict = 'done' | 'waitingForAgent' | 'rejected' | 'gone' | 'notYet';

/** The setting (requireReason.<key>) by which the organisation can require a reason. */
export type ReasonSetting = keyof Settings['requireReason'];

/**
 * The platform call. `api` is the custom API's unique name; how it is bound and what its parameters are called
 * comes from the action contract (lib/actions/contract.ts), never from here.
 */
export type Operation<I extends BaseIntent> =
  { api: string; target: 'conversation' } | { api: string; target: 'agent' | 'queue'; targetId(intent: I): string };

export type DialogNeed =
  /** Sent as soon as it is asked for. */
  | { type: 'none' }
  /**
   * A question naming the conversation ($1: the customer, or the subject when the customer is not known) and its
   * agent ($2), or the same without an agent (questionNoAgent), then confirm.
   */
  | { type: 'confirm'; labels: { title: MessageKey; question: MessageKey; questionNoAgent: MessageKey; confirm: MessageKey } }
  /** Pick one of the agents `candidates` allows ($1 of intro: the queue). */
  | {
      type: 'pickAgent';
      candidates(conversation: Conversation, agents: readonly Agent[]): Agent[];
      labels: { title: MessageKey; intro: MessageKey; legend: MessageKey; none: MessageKey; confirm: MessageKey };
    }
  /** The assign dialog: an agent ranked by fit (with override and its cost) or another queue; `pick` says which side. */
  | { type: 'assign'; pick: 'agent' | 'queue' };
export type DialogType = DialogNeed['type'];

/** Actions a supervisor sees as one: one row button and one dialog choosing between them. */
export interface ActionGroup {
  id: string;
  labels: { name: MessageKey; button: MessageKey; title: MessageKey; choice: MessageKey };
}

/** i18n keys; placeholders as noted. */
export interface ActionLabels {
  /** Its name: log, status lines, reasons list, titles. */
  name: MessageKey;
  /** The row button (with an ellipsis when a dialog follows); a group's button replaces it. */
  button: MessageKey;
  /** The command palette's entry; $1 = the conversation. */
  palette: MessageKey;
  /** Done, as verified; $1 = the target's name. */
  done: MessageKey;
  /** Done with the agent over capacity; $1 = the agent, $2 = units. */
  doneOverCapacity?: MessageKey;
  /** Waiting for the target agent to accept; $1 = the agent. */
  waiting?: MessageKey;
  /** The target agent rejected it; $1 = the agent. */
  rejected?: MessageKey;
  /** Its option in its group's dialog. */
  choice?: MessageKey;
}

/**
 * Which way a platform call goes: a read, a write, or a call that belongs in the workspace client. The runner asks
 * its deps for the transport of a route, so writes and workspace calls can take another path than reads.
 */
export type ActionRoute = 'read' | 'write' | 'workspace';
export const routeOf = (definition: Pick<ActionDefinition, 'write' | 'inWorkspace'>): ActionRoute =>
  definition.inWorkspace ? 'workspace' : definition.write ? 'write' : 'read';

/** Whether the user holds a participant seat of this mode on the conversation. */
export const holdsSeat = (c: Conversation, me: string | null, mode: 'monitor' | 'consult'): boolean =>
  me !== null && c.participants.some((p) => p.agentId === me && p.mode === mode);

/** The typed definition of one action; the registry lists them. */
export const defineAction = <I extends BaseIntent>(definition: ActionDefinition<I>): ActionDefinition<I> => definition;
