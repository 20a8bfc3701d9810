import type { ActionIntent } from '../model/actions';
import type { Agent, Queue } from '../model/agent';
import type { Conversation } from '../model/conversation';
import { assignCandidates, transferTargets } from './targets';

/**
 * The worker's check of an action's target against what it knows (the views offer only valid targets, but the
 * worker decides). An agent or queue the feed does not know yet is left to the platform to judge.
 */
export function targetBlock(intent: ActionIntent, conversation: Conversation, agents: readonly Agent[], queues: readonly Queue[]): string | null {
  switch (intent.kind) {
    case 'transfer': {
      const known = agents.find((a) => a.id === intent.agentId);
      if (!known) return null;
      return transferTargets(conversation, agents).some((a) => a.id === intent.agentId) ? null : 'actions_reason_targetNotAllowed';
    }
    case 'assignAgent': {
      const known = agents.find((a) => a.id === intent.agentId);
      if (!known) return null;
      if (known.isBot) return 'actions_reason_targetBot';
      const candidate = assignCandidates(conversation, agents).find((c) => c.agent.id === intent.agentId);
      return intent.override || candidate?.eligible ? null : 'actions_reason_needsOverride';
    }
    case 'assignQueue': {
      if (intent.queueId === conversation.queueId) return 'actions_reason_sameQueue';
      return queues.length === 0 || queues.some((q) => q.id === intent.queueId) ? null : 'actions_reason_unknownQueue';
    }
    default:
      return null;
  }
}

/** By how many units an override assignment puts the agent over capacity; null when it fits or is unknown. */
export function capacityExceededBy(conversation: Conversation, agents: readonly Agent[], agentId: string): number | null {
  const candidate = assignCandidates(conversation, agents).find((c) => c.agent.id === agentId);
  return candidate?.exceededBy ? candidate.exceededBy : null;
}
