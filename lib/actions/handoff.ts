import type { Conversation } from '../model/conversation';
import type { Verdict } from './definition';
import type { MessageKey } from '../i18n/message-key';

/**
 * Handing a conversation to an agent (assign, transfer): the platform offers it, and the agent accepts or rejects.
 * Shared by the actions that do it.
 */

/** Only an Open conversation without an agent and without an offer out can be assigned. */
export const assignableState = (c: Conversation): MessageKey | null =>
  c.status === 'open' && c.agentId === null && !c.pending ? null : 'actions_reason_assignState';

/** Done once the agent holds it; waiting while the offer is out; rejected if the offer went away without them. */
export function verifyHandoff(agentId: string, conversation: Conversation | null, wasWaiting: boolean): Verdict {
  if (conversation === null) return 'gone';
  if (conversation.agentId === agentId && !conversation.pending) return 'done';
  if (conversation.pending?.targetAgentId === agentId) return 'waitingForAgent';
  // The offer is gone without the target taking it: they rejected it (or it timed out, which the platform treats alike).
  return wasWaiting ? 'rejected' : 'notYet';
}
