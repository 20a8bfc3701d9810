import type { z } from 'zod';
import type { DataverseRequest, DataverseTransport } from '../dataverse/transport';
import { succeeded, type Result } from '../dataverse/result';
import type { RowSpec } from '../dataverse/read';
import {
  conversationsByIdRequest,
  ConversationVersionSchema,
  ongoingVersionsRequest,
  type ConversationRow,
} from '../dataverse/operations/conversations';
import {
  activeParticipantVersionsRequest,
  participantsByIdRequest,
  ParticipantVersionSchema,
  type ParticipantRow,
} from '../dataverse/operations/session-participants';
import { workstreamsRequest } from '../dataverse/operations/workstreams';
import type { Queue } from '../model/agent';
import type { WorkstreamRow } from '../dataverse/operations/workstreams';
import { readQueues, Reader, SPECS, type Read } from './read-full';

/** Rows per by-id request: keeps the In() list, and so the URL, short. */
const BY_ID_PER_REQUEST = 100;

/** A row as a reconcile lists it: its id and its version (the ETag). */
export interface Version {
  id: string;
  etag: string;
}

/** What a reconcile reads first: the small tables whole, the large ones as ids and versions. */
export interface Listing {
  queues: Queue[];
  workstreams: WorkstreamRow[];
  conversations: Version[];
  participants: (Version & { session: string | null })[];
}

const VERSION_SPECS = {
  conversation: { ...SPECS.conversation, schema: ConversationVersionSchema },
  participant: { ...SPECS.participant, schema: ParticipantVersionSchema },
} as const;

/**
 * The queues and workstreams, and the ongoing conversations and active participants as ids and versions: at
 * 50,000 ongoing about 4 MB where the rows themselves are some 60 MB.
 */
export async function readListing(transport: DataverseTransport, userId: string): Promise<Read<Listing>> {
  const reader = new Reader(transport);
  const queues = await readQueues(reader, userId);
  if (!queues.ok) return queues;
  const workstreams = await reader.rows(workstreamsRequest(), SPECS.workstream);
  if (!workstreams.ok) return workstreams;
  const supervised = queues.value.filter((queue) => queue.supervised).map((queue) => queue.id);
  const conversations =
    supervised.length === 0
      ? succeeded({ rows: [], issues: [] })
      : await reader.rows(ongoingVersionsRequest(supervised), VERSION_SPECS.conversation);
  if (!conversations.ok) return conversations;
  const participants = await reader.rows(activeParticipantVersionsRequest(), VERSION_SPECS.participant);
  if (!participants.ok) return participants;
  return succeeded({
    queues: queues.value,
    workstreams: workstreams.value.rows,
    conversations: conversations.value.rows.map((row) => ({ id: row.activityid, etag: row['@odata.etag'] })),
    participants: participants.value.rows.map((row) => ({
      id: row.msdyn_sessionparticipantid,
      etag: row['@odata.etag'],
      session: row._msdyn_omnichannelsession_value,
    })),
    issues: reader.issues,
  });
}

/** Whole rows for the ids a reconcile found different, a few dozen per request. */
async function readByIds<S extends z.ZodType>(
  reader: Reader,
  ids: readonly string[],
  request: (ids: readonly string[]) => DataverseRequest,
  spec: RowSpec<S>,
): Promise<Result<z.output<S>[]>> {
  const rows: z.output<S>[] = [];
  for (let i = 0; i < ids.length; i += BY_ID_PER_REQUEST) {
    const result = await reader.rows(request(ids.slice(i, i + BY_ID_PER_REQUEST)), spec);
    if (!result.ok) return result;
    rows.push(...result.value.rows);
  }
  return succeeded(rows);
}

export const readConversationsById = (reader: Reader, ids: readonly string[]): Promise<Result<ConversationRow[]>> =>
  readByIds(reader, ids, conversationsByIdRequest, SPECS.conversation);
export const readParticipantsById = (reader: Reader, ids: readonly string[]): Promise<Result<ParticipantRow[]>> =>
  readByIds(reader, ids, participantsByIdRequest, SPECS.participant);
