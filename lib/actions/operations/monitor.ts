import type { DataverseOutcome, DataverseTransport } from '../../dataverse/transport';
import { ccaasRequest } from '../request';

/** CCaaS_MonitorConversation: the supervisor joins silently as a Monitor participant; the state does not change. */
export function monitorConversation(transport: DataverseTransport, conversationId: string): Promise<DataverseOutcome> {
  return transport.send(ccaasRequest('monitor', conversationId));
}
