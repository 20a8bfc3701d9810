import type { Agent, Queue } from '../model/agent';
import type { Conversation } from '../model/conversation';
import { definitionFor, type ActionIntent } from './registry';
import type { MessageKey } from '../i18n/message-key';

/**
 * The worker's check of an action's target against what it knows (the views offer only valid targets, but the
 * worker decides): the action's own target rule, if it has a target at all.
 */
export function targetBlock(
  intent: ActionIntent,
  conversation: Conversation,
  agents: readonly Agent[],
  queues: readonly Queue[],
): MessageKey | null {
  return definitionFor(intent).targetRule?.(intent, conversation, agents, queues) ?? null;
}
