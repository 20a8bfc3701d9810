import type { DataverseOutcome, DataverseTransport } from '../../dataverse/transport';
import { ccaasRequest } from '../request';

/** CCaaS_InitiateQueueAssignment: an Open conversation moves to another queue and is routed again there. */
export function assignToQueue(transport: DataverseTransport, conversationId: string, queueId: string): Promise<DataverseOutcome> {
  return transport.send(ccaasRequest('assignQueue', conversationId, queueId));
}
