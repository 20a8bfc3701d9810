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
  activeParticipantSessionsRequest,
  activeParticipantVersionsRequest,
  participantsByIdRequest,
  ParticipantSessionSchema,
  participantSessionsRequest,
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

/** What the reader knows of a participant's session: a session id, null (none), or undefined (not known). */
export type KnownSession = (participantId: string) => string | null | undefined;

/** Unknown participants asked for by id, at most: more, and the org-wide list with sessions is read instead. */
const SESSIONS_BY_ID_AT_MOST = 1_000;

const SESSION_SPEC = { ...SPECS.participant, schema: ParticipantSessionSchema } as const;

/**
 * The queues and workstreams, and the ongoing conversations and active participants as ids and versions: at
 * 50,000 ongoing about 7 MB where the rows themselves are some 60 MB. A participant's session comes from
 * `knownSession` (the ones held, and those a reconcile saw before); the few it does not know are asked for by id.
 */
export async function readListing(transport: DataverseTransport, userId: string, knownSession: KnownSession): Promise<Read<Listing>> {
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
  const listed = participants.value.rows.map((row) => ({ id: row.msdyn_sessionparticipantid, etag: row['@odata.etag'] }));
  const sessions = await sessionsOf(reader, listed, knownSession);
  if (!sessions.ok) return sessions;
  return succeeded({
    queues: queues.value,
    workstreams: workstreams.value.rows,
    conversations: conversations.value.rows.map((row) => ({ id: row.activityid, etag: row['@odata.etag'] })),
    // A participant whose session could not be learnt (it ended between the two reads) belongs to no session here.
    participants: listed.map((row) => ({ ...row, session: sessions.value.get(row.id) ?? null })),
    issues: reader.issues,
  });
}

/** Every listed participant's session: known ones as known, the rest by id, or all at once when too many. */
async function sessionsOf(
  reader: Reader,
  listed: readonly Version[],
  knownSession: KnownSession,
): Promise<Result<Map<string, string | null>>> {
  const sessions = new Map<string, string | null>();
  const unknown: string[] = [];
  for (const { id } of listed) {
    const session = knownSession(id);
    if (session === undefined) unknown.push(id);
    else sessions.set(id, session);
  }
  if (unknown.length === 0) return succeeded(sessions);
  let rows: z.output<typeof ParticipantSessionSchema>[];
  if (unknown.length > SESSIONS_BY_ID_AT_MOST) {
    const all = await reader.rows(activeParticipantSessionsRequest(), SESSION_SPEC);
    if (!all.ok) return all;
    rows = all.value.rows;
  } else {
    const byId = await readByIds(reader, unknown, participantSessionsRequest, SESSION_SPEC);
    if (!byId.ok) return byId;
    rows = byId.value;
  }
  for (const row of rows) sessions.set(row.msdyn_sessionparticipantid, row._msdyn_omnichannelsession_value);
  return succeeded(sessions);
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
