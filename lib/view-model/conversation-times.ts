import type { Conversation } from '../model/conversation';

/** Parsed once per row version: the tiles and the list read every waiting row's stamp on every patch. */
const waitStarts = new WeakMap<Conversation, number | null>();

/**
 * When the conversation's current wait began, for rows that are waiting now (Open in a queue, or Waiting on an
 * async channel): the wait ticks from here. Null for rows an agent is handling.
 */
export function waitStartedAt(conversation: Conversation): number | null {
  if (conversation.status !== 'open' && conversation.status !== 'waiting') return null;
  let since = waitStarts.get(conversation);
  if (since === undefined) {
    const stamp = Date.parse(conversation.statusUpdatedOn ?? conversation.createdOn);
    since = Number.isFinite(stamp) ? stamp : null;
    waitStarts.set(conversation, since);
  }
  return since;
}

/** Seconds the customer has waited: ticking while waiting, else the recorded first wait (time to accept). */
export function waitSeconds(conversation: Conversation, now: number): number | null {
  const since = waitStartedAt(conversation);
  if (since !== null) return Math.max(0, (now - since) / 1000);
  return conversation.firstWaitSeconds;
}

/** When the current agent was assigned; null while nobody handles the conversation. */
export function handleStartedAt(conversation: Conversation): number | null {
  if (!conversation.agentId || !conversation.assignedOn) return null;
  const since = Date.parse(conversation.assignedOn);
  return Number.isFinite(since) ? since : null;
}

/** Seconds since the current agent was assigned; null while nobody handles the conversation. */
export function handleSeconds(conversation: Conversation, now: number): number | null {
  const since = handleStartedAt(conversation);
  return since === null ? null : Math.max(0, (now - since) / 1000);
}
