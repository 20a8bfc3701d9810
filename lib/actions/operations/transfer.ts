import type { DataverseOutcome, DataverseTransport } from '../../dataverse/transport';
import { ccaasRequest } from '../request';

/** CCaaS_InitiateAgentTransferBySupervisor: offered to the target, who becomes primary on accepting (the first agent consults). */
export function transferToAgent(transport: DataverseTransport, conversationId: string, agentId: string): Promise<DataverseOutcome> {
  return transport.send(ccaasRequest('transfer', conversationId, agentId));
}
