import type { DataverseOutcome, DataverseTransport } from '../../dataverse/transport';
import { guidLiteral } from '../../dataverse/odata';
import { BUILT_IN_CONTRACT } from '../contract';

/**
 * A note (annotation, objectid → msdyn_ocliveworkitem; docs/platform.md, "Sessions, participants, events,
 * transcripts") on the conversation: the reason for a transfer or force close, or a soft lock, so every supervisor
 * sees who did what and why, in Dynamics too.
 */
export function writeActionNote(
  transport: DataverseTransport,
  conversationId: string,
  subject: string,
  text: string,
): Promise<DataverseOutcome> {
  return transport.send({
    method: 'POST',
    path: 'annotations',
    body: {
      subject: subject.slice(0, 500),
      notetext: text,
      'objectid_msdyn_ocliveworkitem@odata.bind': `/${BUILT_IN_CONTRACT.entitySet}(${guidLiteral(conversationId)})`,
    },
  });
}
