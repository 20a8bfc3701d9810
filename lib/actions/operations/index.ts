import type { DataverseOutcome, DataverseTransport } from '../../dataverse/transport';
import type { ActionIntent } from '../../model/actions';
import { assignToAgent } from './assign-agent';
import { assignToQueue } from './assign-queue';
import { forceCloseConversation } from './force-close';
import { joinConversation } from './join';
import { monitorConversation } from './monitor';
import { transferToAgent } from './transfer';

/** Send the platform call an intent stands for. */
export function perform(transport: DataverseTransport, intent: ActionIntent): Promise<DataverseOutcome> {
  switch (intent.kind) {
    case 'monitor':
      return monitorConversation(transport, intent.conversationId);
    case 'join':
      return joinConversation(transport, intent.conversationId);
    case 'assignAgent':
      return assignToAgent(transport, intent.conversationId, intent.agentId);
    case 'assignQueue':
      return assignToQueue(transport, intent.conversationId, intent.queueId);
    case 'transfer':
      return transferToAgent(transport, intent.conversationId, intent.agentId);
    case 'forceClose':
      return forceCloseConversation(transport, intent.conversationId);
  }
}
