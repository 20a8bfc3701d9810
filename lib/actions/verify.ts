import type { ActionIntent } from '../model/actions';
import type { Conversation } from '../model/conversation';

/**
 * What a fresh read of the conversation says about an action: the only way an action is ever called done.
 * `conversation` is null when the platform no longer lists it as ongoing (closed or deleted).
 */
export type Verdict = 'done' | 'waitingForAgent' | 'rejected' | 'gone' | 'notYet';

export function verify(intent: ActionIntent, conversation: Conversation | null, me: string | null, wasWaiting: boolean): Verdict {
  if (intent.kind === 'forceClose') return conversation === null ? 'done' : 'notYet';
  if (conversation === null) return 'gone';
  const has = (mode: 'monitor' | 'consult') => conversation.participants.some((p) => p.agentId === me && p.mode === mode);
  switch (intent.kind) {
    case 'monitor':
      return has('monitor') || has('consult') ? 'done' : 'notYet';
    case 'join':
      return has('consult') ? 'done' : 'notYet';
    case 'assignQueue':
      return conversation.queueId === intent.queueId ? 'done' : 'notYet';
    case 'assignAgent':
    case 'transfer': {
      if (conversation.agentId === intent.agentId && !conversation.pending) return 'done';
      if (conversation.pending?.targetAgentId === intent.agentId) return 'waitingForAgent';
      // The offer is gone without the target taking it: they rejected it (or it timed out, which the platform treats alike).
      return wasWaiting ? 'rejected' : 'notYet';
    }
  }
}
