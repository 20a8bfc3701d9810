import type { ActionKind } from '../../actions/registry';
import type { Conversation } from '../../model/conversation';
import type { StuckMinutes } from './prefs';

/** How stuck conversations are cleaned up: through the bulk preview of this action, with its own rules. */
export const SWEEP_ACTION: ActionKind = 'forceClose';

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
  const own = conversation.channels.map((code) => minutes.byChannel[String(code)]).filter((m): m is number => m !== undefined);
  return own.length > 0 ? Math.min(...own) : minutes.default;
}

/** Seconds since the row last changed on the platform; null when the stamp is unreadable. */
export function idleSeconds(conversation: Conversation, now: number): number | null {
  const changed = Date.parse(conversation.modifiedOn);
  return Number.isFinite(changed) ? Math.max(0, (now - changed) / 1000) : null;
}

/**
 * Conversations idle in Open, Waiting or Wrap-up past their channel's threshold: nothing on the platform has
 * touched the row since (the platform is known to leave conversations open after the customer and agent are gone).
 * Longest idle first.
 */
export function stuckConversations(conversations: readonly Conversation[], minutes: StuckMinutes, now: number): StuckRow[] {
  return conversations
    .filter((c) => SWEEPABLE.has(c.status))
    .flatMap((conversation): StuckRow[] => {
      // The overlay checks only the message envelope (no zod there): a malformed row is left out, not fatal.
      if (!Array.isArray(conversation.channels)) return [];
      const idle = idleSeconds(conversation, now);
      const thresholdMinutes = stuckMinutesFor(conversation, minutes);
      return idle !== null && idle >= thresholdMinutes * 60 ? [{ conversation, idleSeconds: idle, thresholdMinutes }] : [];
    })
    .sort((a, b) => b.idleSeconds - a.idleSeconds);
}
