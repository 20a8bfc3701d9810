import type { DataverseOutcome, DataverseTransport } from '../../dataverse/transport';
import { CCAAS_CONTRACT } from '../contract';

/**
 * The reason for a transfer or force close, kept on the conversation as a note (annotation, objectid →
 * msdyn_ocliveworkitem; platform-api.md §2.5), so every supervisor sees who did what and why, in Dynamics too.
 */
export function writeActionNote(transport: DataverseTransport, conversationId: string, subject: string, text: string): Promise<DataverseOutcome> {
  return transport.send({
    method: 'POST',
    path: 'annotations',
    body: {
      subject: subject.slice(0, 500),
      notetext: text,
      'objectid_msdyn_ocliveworkitem@odata.bind': `/${CCAAS_CONTRACT.entitySet}(${conversationId})`,
    },
  });
}
