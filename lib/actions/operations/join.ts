import type { DataverseOutcome, DataverseTransport } from '../../dataverse/transport';
import { ccaasRequest } from '../request';

/** CCaaS_JoinConversation: a monitoring supervisor becomes a Consult participant; agent and customer are told. */
export function joinConversation(transport: DataverseTransport, conversationId: string): Promise<DataverseOutcome> {
  return transport.send(ccaasRequest('join', conversationId));
}
