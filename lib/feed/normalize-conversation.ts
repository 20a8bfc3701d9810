import { STATUS_BY_CODE, type Conversation } from '../model/conversation';
import { PRESENCE_BY_CODE, type BasePresence } from '../model/agent';
import type { WorkstreamRow } from '../dataverse/operations/workstreams';
import type { ConversationRow } from '../dataverse/operations/conversations';

/** Is the row in the ongoing set (statecode 0 with one of the four ongoing statuses)? */
export const isOngoing = (row: ConversationRow): boolean => row.statecode === 0 && STATUS_BY_CODE[row.statuscode] !== undefined;

/** What a row is read with: its session's people, its workstream and its queue's name, from the picture. */
export interface RowContext {
  people: Pick<Conversation, 'participants' | 'pending'>;
  observedAt: number;
  workstream?: WorkstreamRow | undefined;
  queueName: string | null;
}

/** A validated platform row as the panel sees it; null when it is not ongoing. */
export function toConversation(row: ConversationRow, { people, observedAt, workstream, queueName }: RowContext): Conversation | null {
  const status = row.statecode === 0 ? STATUS_BY_CODE[row.statuscode] : undefined;
  if (!status) return null;
  return {
    id: row.activityid,
    subject: row.subject,
    status,
    statusCode: row.statuscode,
    channels: row.msdyn_channel,
    agentId: row._msdyn_activeagentid_value,
    queueId: row._msdyn_cdsqueueid_value,
    agentName: row.agentName,
    queueName: queueName ?? row.queueName,
    workstreamId: row._msdyn_liveworkstreamid_value,
    customerName: row.customerName,
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
