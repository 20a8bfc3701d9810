/** CCaaS_ForceCloseConversation: any ongoing voice or messaging conversation → Closed, ForceClosedBySupervisor. */
import { REASON } from '../schema/options';
import { closeConversation } from '../world/operations';
import type { ActionRequest, ActionResult } from './request';
import { isRecordRouted, statusLabel, violated } from './rules';

/** Session closure reason ForceClose (docs/platform.md#sessions-and-participants). */
const FORCE_CLOSE_CLOSURE = 192350014;

export function forceCloseConversation(r: ActionRequest): ActionResult {
  const { conversation } = r;
  if (conversation.statecode !== 0) {
    throw violated('Status', `only ongoing conversations can be force closed; this one is ${statusLabel(conversation)}.`);
  }
  if (isRecordRouted(conversation))
    throw violated('Channel', 'force close applies to voice and messaging conversations, not record-routed ones.');
  closeConversation(r.c.state.world, conversation, REASON.forceClosed, FORCE_CLOSE_CLOSURE);
  return { Status: 'Closed' };
}
