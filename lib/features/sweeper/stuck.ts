import type { ActionIntent, ActionKind } from '../../actions/registry';
import type { Conversation } from '../../model/conversation';
import type { StuckMinutes } from './prefs';

/** How stuck conversations are cleaned up: through the bulk preview of this action, with its own rules. */
export const SWEEP_ACTION: ActionKind = 'forceClose';

/** A sweep acts only on the row versions it listed: a row touched since then is no longer known to be stuck. */
export const asSwept = (intents: readonly ActionIntent[]): ActionIntent[] => intents.map((intent) => ({ ...intent, asSeen: true }));

/** The statuses in which a conversation can sit forgotten (Active has an agent on it). */
const SWEEPABLE: ReadonlySet<Conversation['status']> = new Set(['open', 'waiting', 'wrapup']);

export interface StuckRow {
  conversation: Conversation;
  /** Seconds since the platform last changed the row (modifiedon). */
  idleSeconds: number;
  thresholdMinutes: number;
}

/** The channel's own threshold (the strictest of its channels), else the default. */
export function stuckMinutesFor(conversation: Conversation, minutes: StuckMinutes): number {
  return thresholdOf(conversation, ownThresholds(minutes), minutes.default);
}

/** The per-channel thresholds by option value: read once per list, not per row and channel. */
function ownThresholds(minutes: StuckMinutes): ReadonlyMap<number, number> {
  return new Map(Object.entries(minutes.byChannel).map(([code, value]) => [Number(code), value]));
}

function thresholdOf(conversation: Conversation, own: ReadonlyMap<number, number>, fallback: number): number {
  let strictest: number | undefined;
  if (own.size > 0) {
    for (const code of conversation.channels) {
      const value = own.get(code);
      if (value !== undefined && (strictest === undefined || value < strictest)) strictest = value;
    }
  }
  return strictest ?? fallback;
}

/** modifiedon as a time, read once per row version: the list is re-derived on every patch, over every row. */
const modifiedAt = new WeakMap<Conversation, number>();

/** Seconds since the row last changed on the platform; null when the stamp is unreadable. */
export function idleSeconds(conversation: Conversation, now: number): number | null {
  let changed = modifiedAt.get(conversation);
  if (changed === undefined) {
    changed = Date.parse(conversation.modifiedOn);
    modifiedAt.set(conversation, changed);
  }
  return Number.isFinite(changed) ? Math.max(0, (now - changed) / 1000) : null;
}

/** Calls `visit` for each conversation idle in Open, Waiting or Wrap-up past its channel's threshold. */
function forEachStuck(
  conversations: readonly Conversation[],
  minutes: StuckMinutes,
  now: number,
  visit: (conversation: Conversation, idleSeconds: number, thresholdMinutes: number) => void,
): void {
  const own = ownThresholds(minutes);
  for (const conversation of conversations) {
    if (!SWEEPABLE.has(conversation.status)) continue;
    const idle = idleSeconds(conversation, now);
    if (idle === null) continue;
    const thresholdMinutes = thresholdOf(conversation, own, minutes.default);
    if (idle >= thresholdMinutes * 60) visit(conversation, idle, thresholdMinutes);
  }
}

/**
 * Conversations idle in Open, Waiting or Wrap-up past their channel's threshold: nothing on the platform has
 * touched the row since (the platform is known to leave conversations open after the customer and agent are gone).
 * Longest idle first.
 */
export function stuckConversations(conversations: readonly Conversation[], minutes: StuckMinutes, now: number): StuckRow[] {
  const stuck: StuckRow[] = [];
  forEachStuck(conversations, minutes, now, (conversation, idle, thresholdMinutes) =>
    stuck.push({ conversation, idleSeconds: idle, thresholdMinutes }),
  );
  return stuck.sort((a, b) => b.idleSeconds - a.idleSeconds);
}

/** How many stuckConversations would list, without listing them (the closed sweeper shows only the count). */
export function countStuck(conversations: readonly Conversation[], minutes: StuckMinutes, now: number): number {
  let count = 0;
  forEachStuck(conversations, minutes, now, () => count++);
  return count;
}
