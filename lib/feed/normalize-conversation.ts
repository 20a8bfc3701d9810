import { STATUS_BY_CODE, type Conversation } from '../model/conversation';
import { PRESENCE_BY_CODE, type BasePresence } from '../model/agent';
import type { WorkstreamRow } from '../dataverse/operations/workstreams';
import type { ConversationRow } from '../dataverse/operations/conversations';
import { FORMATTED } from '../dataverse/odata';

/** Is the row in the ongoing set (statecode 0 with one of the four ongoing statuses)? */
export const isOngoing = (row: ConversationRow): boolean => row.statecode === 0 && STATUS_BY_CODE[row.statuscode] !== undefined;

/** A validated platform row as the panel sees it; null when it is not ongoing. */
export function toConversation(
  row: ConversationRow,
  people: Pick<Conversation, 'participants' | 'pending'>,
  observedAt: number,
  workstream?: WorkstreamRow,
): Conversation | null {
  const status = row.statecode === 0 ? STATUS_BY_CODE[row.statuscode] : undefined;
  if (!status) return null;
  return {
    id: row.activityid,
    subject: row.subject,
    status,
    statusCode: row.statuscode,
    channels: row.msdyn_channel,
    agentId: row._msdyn_activeagentid_value,
    agentName: row[`_msdyn_activeagentid_value${FORMATTED}`],
    queueId: row._msdyn_cdsqueueid_value,
    queueName: row[`_msdyn_cdsqueueid_value${FORMATTED}`],
    workstreamId: row._msdyn_liveworkstreamid_value,
    customerName: row[`_msdyn_customer_value${FORMATTED}`],
    createdOn: row.createdon,
    assignedOn: row.msdyn_activeagentassignedon,
    statusUpdatedOn: row.msdyn_statusupdatedon,
    firstWaitSeconds: row.msdyn_conversationfirstwaittimeinseconds,
    sentiment: row.msdyn_customersentimentlabel ?? 0,
    transferCount: row.msdyn_transfercount ?? 0,
    statusReason: row.msdyn_statuschangereason,
    participants: people.participants,
    pending: people.pending,
    modifiedOn: row.modifiedon,
    etag: row['@odata.etag'],
    observedAt,
    capacityUnits: workstream?.msdyn_capacityrequired ?? null,
    allowedPresences:
      workstream?.msdyn_allowedpresences.map((code) => PRESENCE_BY_CODE[code]).filter((p): p is BasePresence => p !== undefined) ?? [],
  };
}
