import type { DataverseOutcome, DataverseTransport } from '../../dataverse/transport';
import { ccaasRequest } from '../request';

/** CCaaS_ForceCloseConversation: Closed with reason ForceClosedBySupervisor; participants are notified (unlike SetState). */
export function forceCloseConversation(transport: DataverseTransport, conversationId: string): Promise<DataverseOutcome> {
  return transport.send(ccaasRequest('forceClose', conversationId));
}
