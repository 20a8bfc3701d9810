import type { DataverseOutcome, DataverseTransport } from '../../dataverse/transport';
import { ccaasRequest } from '../request';

/** CCaaS_AssignConversation: an Open, unassigned conversation goes to one agent; the platform ignores presence and capacity. */
export function assignToAgent(transport: DataverseTransport, conversationId: string, agentId: string): Promise<DataverseOutcome> {
  return transport.send(ccaasRequest('assignAgent', conversationId, agentId));
}
