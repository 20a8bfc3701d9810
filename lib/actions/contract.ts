import type { ActionKind } from '../model/actions';

/**
 * How the six supervisor actions are called. The platform documents their names only (platform-api.md §1.5, §7):
 * binding, parameter names and ApiVersion are our best reading, so they live here, in one object, to be corrected
 * against a real org's `$metadata` / `customapis` without touching any other file.
 */
export interface CcaasOperation {
  name: string;
  /** Body parameter naming the target agent or queue. */
  targetParam?: string;
  /** A response property holding by how many units an assignment exceeds capacity, if the org returns one. */
  capacityExceededProperty?: string;
}

export interface CcaasContract {
  apiVersion: string;
  /**
   * 'bound': POST msdyn_ocliveworkitems(<id>)/Microsoft.Dynamics.CRM.<Name> (the table reference lists the messages
   * under the conversation table, which usually means an entity-bound custom API: §7.1).
   * 'unbound': POST <Name> with the conversation id in the body.
   */
  binding: 'bound' | 'unbound';
  entitySet: string;
  namespace: string;
  /** Body parameter naming the conversation (unbound binding only). */
  conversationParam: string;
  operations: Record<ActionKind, CcaasOperation>;
}

export const CCAAS_CONTRACT: CcaasContract = {
  apiVersion: '1.0',
  binding: 'bound',
  entitySet: 'msdyn_ocliveworkitems',
  namespace: 'Microsoft.Dynamics.CRM',
  conversationParam: 'ConversationId',
  operations: {
    monitor: { name: 'CCaaS_MonitorConversation' },
    join: { name: 'CCaaS_JoinConversation' },
    assignAgent: { name: 'CCaaS_AssignConversation', targetParam: 'AgentId', capacityExceededProperty: 'CapacityExceededBy' },
    assignQueue: { name: 'CCaaS_InitiateQueueAssignment', targetParam: 'QueueId' },
    transfer: { name: 'CCaaS_InitiateAgentTransferBySupervisor', targetParam: 'AgentId' },
    forceClose: { name: 'CCaaS_ForceCloseConversation' },
  },
};
