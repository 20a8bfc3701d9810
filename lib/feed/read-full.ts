import type { Queue, Skill } from '../model/agent';
import type { RowIssue } from '../model/feed-state';
import type { z } from 'zod';
import type { DataverseRequest, DataverseTransport } from '../dataverse/transport';
import type { PageLimit } from '../dataverse/paging';
import { readRows, readRowsWithin, type PageWatch, type RowSpec } from '../dataverse/read';
import { failed, succeeded, type Failure, type Result } from '../dataverse/result';
import { validateRows, type Rows, type WithIssues } from '../dataverse/validate-rows';
import { omnichannelQueuesRequest, QueueRowSchema, toQueue, userQueuesRequest } from '../dataverse/operations/queues';
import {
  CONVERSATION_ENTITY,
  conversationsRequest,
  ConversationRowSchema,
  type ConversationRow,
} from '../dataverse/operations/conversations';
import {
  PARTICIPANT_ENTITY,
  ParticipantRowSchema,
  participantsOfSessionsRequest,
  presentParticipantsRequest,
  type ParticipantRow,
} from '../dataverse/operations/session-participants';
import {
  agentStatusesRequest,
  AgentStatusRowSchema,
  BookableResourceRowSchema,
  bookableResourcesRequest,
  expandedMembersOf,
  membersOfQueuesRequest,
  presencesRequest,
  PresenceRowSchema,
  queueMembersRequest,
  QueueMemberRowSchema,
  QueueWithMembersRowSchema,
  type QueueMemberRow,
  ratingValuesRequest,
  RatingValueRowSchema,
  resourceSkillsRequest,
  ResourceSkillRowSchema,
} from '../dataverse/operations/agents';
import { FORMATTED } from '../dataverse/odata';
import { workstreamsRequest, WorkstreamRowSchema } from '../dataverse/operations/workstreams';
import type { AgentsRead, OngoingLoad } from './live-picture';
import { readProfileTables } from './profile-capacity';
import type { Member } from './normalize-agent';

/** A read of several tables: its value with the rows left out of any of them. */
export type Read<T> = Result<WithIssues<T>>;

/** Row specs: entity name and key column for reporting rows that fail validation. */
export const SPECS = {
  queue: { entity: 'queue', idField: 'queueid', schema: QueueRowSchema },
  conversation: { entity: CONVERSATION_ENTITY, idField: 'activityid', schema: ConversationRowSchema },
  participant: { entity: PARTICIPANT_ENTITY, idField: 'msdyn_sessionparticipantid', schema: ParticipantRowSchema },
  member: { entity: 'systemuser', idField: 'systemuserid', schema: QueueMemberRowSchema },
  queueMembers: { entity: 'queue', idField: 'queueid', schema: QueueWithMembersRowSchema },
  status: { entity: 'msdyn_agentstatus', idField: 'msdyn_agentstatusid', schema: AgentStatusRowSchema },
  presence: { entity: 'msdyn_presence', idField: 'msdyn_presenceid', schema: PresenceRowSchema },
  resource: { entity: 'bookableresource', idField: 'bookableresourceid', schema: BookableResourceRowSchema },
  skill: { entity: 'bookableresourcecharacteristic', idField: 'bookableresourcecharacteristicid', schema: ResourceSkillRowSchema },
  rating: { entity: 'ratingvalue', idField: 'ratingvalueid', schema: RatingValueRowSchema },
  workstream: { entity: 'msdyn_liveworkstream', idField: 'msdyn_liveworkstreamid', schema: WorkstreamRowSchema },
} as const;

/** Sessions per participants request: 200 ids keep the URL near 8 KB, well inside the platform's limit. */
const SESSIONS_PER_REQUEST = 200;
/** Participant batches in flight at once on a large org, far below the platform's concurrency limit. */
const PARTICIPANT_LANES = 4;
/**
 * From this many requests by ids, the participants are read as the org's present ones instead (pages of 5,000), if
 * that takes at most a fifth of the requests: at 10,000 ongoing that is 3 requests instead of 50, so the feed starts
 * less in debt (request-pace.ts). An org with many more sessions than the supervisor's is read by ids.
 */
const ORG_WIDE_FROM_REQUESTS = 5;
const ORG_WIDE_SHARE = 5;
/** Requests the participants of so many sessions take by ids. */
const requestsById = (sessions: number): number => Math.ceil(sessions / SESSIONS_PER_REQUEST);
/** Pages of the org's present participants worth reading instead, for so many sessions. */
const orgWidePages = (sessions: number): number => Math.floor(requestsById(sessions) / ORG_WIDE_SHARE);
/** Queues whose members one request expands: 50 ids keep the URL near 3 KB. */
const QUEUES_PER_REQUEST = 50;

/** Collects row issues across reads and stops at the first failed read. */
export class Reader {
  issues: RowIssue[] = [];
  constructor(private readonly transport: DataverseTransport) {}
  async rows<S extends z.ZodType>(request: DataverseRequest, spec: RowSpec<S>, watch?: PageWatch<z.output<S>>) {
    const result = await readRows(this.transport, request, spec, watch);
    if (result.ok) this.issues.push(...result.value.issues);
    return result;
  }
  /** Rows that came inside another answer (an expanded collection), checked one by one like a read's. */
  validate<S extends z.ZodType>(raw: readonly unknown[], spec: RowSpec<S>): z.output<S>[] {
    const checked = validateRows(spec.entity, spec.idField, spec.schema, raw);
    this.issues.push(...checked.issues);
    return checked.rows;
  }
  /** As rows, but null when the collection has more than `maxPages` pages. */
  async rowsWithin<S extends z.ZodType>(request: DataverseRequest, spec: RowSpec<S>, maxPages: PageLimit) {
    const result = await readRowsWithin(this.transport, request, spec, maxPages);
    if (result.ok && result.value) this.issues.push(...result.value.issues);
    return result;
  }
}

class ReadFailed extends Error {
  constructor(readonly failure: Failure) {
    super(failure.message);
  }
}

function must<T>(result: Result<Rows<T>>): T[] {
  if (!result.ok) throw new ReadFailed(result.failure);
  return result.value.rows;
}

/**
 * A full load's conversations handed on as they come, for a picture that shows them before the last page is read:
 * the queues, workstreams and profiles first; then the participants, once read; then conversation rows page by page,
 * none before the participants (a row shows who monitors it and what hand-off waits).
 */
export interface OngoingStream {
  setup(load: Pick<OngoingLoad, 'queues' | 'workstreams' | 'profiles'>): void;
  participants(rows: readonly ParticipantRow[]): void;
  conversations(rows: readonly ConversationRow[]): void;
}

/**
 * The first part of a full load: the supervisor's queues (and every omnichannel queue, as assign targets), and the
 * ongoing conversations in the supervised queues with their session participants. The agents of those queues are
 * the second part (`readAgents`), read after the list is shown. With a `stream`, the conversations are also handed on
 * as they come; the result is the whole load either way.
 */
export async function readOngoing(reader: Reader, userId: string, given?: OngoingStream): Promise<Result<OngoingLoad>> {
  // The capacity model is read beside the queues and the conversations, and only handing rows on waits for it: the
  // first page is asked for once the queues are known (an org with capacity profiles reads four tables, one by one).
  const capacityRead = readCapacityModel(reader);
  const { stream, close } = closable(given);
  try {
    const read = await readQueues(reader, userId);
    if (!read.ok) return read;
    const queues = read.value;
    const supervised = queues.filter((queue) => queue.supervised).map((queue) => queue.id);
    const setUp = capacityRead.then((capacity) => {
      if (capacity.ok) stream?.setup({ queues, ...capacity.value });
      return capacity.ok;
    });
    const handOn = handingOn(stream, setUp);
    const early = participantsBeside(reader, (rows) => void handOn.participantsIn(rows));
    const watch: PageWatch<ConversationRow> = {
      arrived: early.arrived,
      checked: (rows, more) => {
        early.checked(rows, more);
        handOn.page(rows);
      },
    };
    const conversations =
      supervised.length === 0 ? [] : must(await reader.rows(conversationsRequest(supervised), SPECS.conversation, watch));
    const participants = await early.of(sessionsOf(conversations));
    if (!participants.ok) throw new ReadFailed(participants.failure);
    const capacity = await capacityRead;
    if (!capacity.ok) return capacity;
    await handOn.participantsIn(participants.value);
    return succeeded({ queues, ...capacity.value, conversations, participants: participants.value });
  } catch (error) {
    if (error instanceof ReadFailed) return failed(error.failure);
    throw error;
  } finally {
    close();
  }
}

/**
 * The stream until the read ends: a read that has ended, a failed one too, hands nothing more on, though its capacity
 * model or held pages come later (a load after it may have begun by then).
 */
function closable(stream: OngoingStream | undefined): { stream: OngoingStream | undefined; close: () => void } {
  let closed = false;
  const close = () => void (closed = true);
  if (!stream) return { stream, close };
  return {
    stream: {
      setup: (load) => {
        if (!closed) stream.setup(load);
      },
      participants: (rows) => {
        if (!closed) stream.participants(rows);
      },
      conversations: (rows) => {
        if (!closed) stream.conversations(rows);
      },
    },
    close,
  };
}

/** The workstreams and, where the org uses them, its capacity profiles: what a row's and an agent's capacity is read with. */
async function readCapacityModel(reader: Reader): Promise<Result<Pick<OngoingLoad, 'workstreams' | 'profiles'>>> {
  const workstreams = await reader.rows(workstreamsRequest(), SPECS.workstream);
  if (!workstreams.ok) return workstreams;
  const profiles = await readProfileTables(reader, workstreams.value.rows);
  return profiles.ok ? succeeded({ workstreams: workstreams.value.rows, profiles: profiles.value }) : profiles;
}

/**
 * Conversation pages held back until the capacity model and the participants are in, then handed on; every later
 * page at once. The participants can come twice (read beside the pages, then at the end): the first is used.
 */
function handingOn(stream: OngoingStream | undefined, setUp: Promise<boolean>) {
  const waiting: (readonly ConversationRow[])[] = [];
  let participantsKnown = false;
  return {
    page: (rows: readonly ConversationRow[]): void => {
      if (!stream) return;
      if (participantsKnown) stream.conversations(rows);
      else waiting.push(rows);
    },
    participantsIn: async (rows: readonly ParticipantRow[]): Promise<void> => {
      if (!stream || !(await setUp) || participantsKnown) return;
      participantsKnown = true;
      stream.participants(rows);
      // A page at a time, as they came: the views take in one page while the next is built here.
      for (const page of waiting.splice(0)) stream.conversations(page);
    },
  };
}

/** The agents of the supervised queues: membership, presence, free capacity and skills. */
export async function readAgents(reader: Reader, supervised: readonly string[]): Promise<Result<AgentsRead>> {
  try {
    const members = new Map<string, Member>();
    const add = (queueId: string, row: QueueMemberRow) => {
      if (row.isdisabled) return;
      const member = members.get(row.systemuserid) ?? {
        id: row.systemuserid,
        name: row.fullname ?? '',
        isBot: Boolean(row.msdyn_botapplicationid),
        queueIds: [],
      };
      member.queueIds.push(queueId);
      members.set(member.id, member);
    };
    for (let i = 0; i < supervised.length; i += QUEUES_PER_REQUEST) {
      const batch = supervised.slice(i, i + QUEUES_PER_REQUEST);
      const expanded = new Map(must(await reader.rows(membersOfQueuesRequest(batch), SPECS.queueMembers)).map((row) => [row.queueid, row]));
      for (const queueId of batch) {
        const row = expanded.get(queueId);
        const raw = row ? expandedMembersOf(row) : null;
        const rows = raw ? reader.validate(raw, SPECS.member) : must(await reader.rows(queueMembersRequest(queueId), SPECS.member));
        for (const member of rows) add(queueId, member);
      }
    }
    const presences = must(await reader.rows(presencesRequest(), SPECS.presence));
    const statuses = must(await reader.rows(agentStatusesRequest(), SPECS.status));
    const skills = await readSkills(reader);
    return succeeded({ members: [...members.values()], skills, statuses, presences });
  } catch (error) {
    if (error instanceof ReadFailed) return failed(error.failure);
    throw error;
  }
}

/** The supervisor's own queues (supervised) and every omnichannel queue (assign and transfer targets). */
export async function readQueues(reader: Reader, userId: string): Promise<Result<Queue[]>> {
  const [own, all] = await Promise.all([
    reader.rows(userQueuesRequest(userId), SPECS.queue),
    reader.rows(omnichannelQueuesRequest(), SPECS.queue),
  ]);
  if (!own.ok) return own;
  if (!all.ok) return all;
  const ownIds = new Set(own.value.rows.map((row) => row.queueid));
  const allIds = new Set(all.value.rows.map((row) => row.queueid));
  // A supervisor in no queue sees every omnichannel queue they can read (the panel says it is not filtered by membership).
  const inScope = ownIds.size > 0 ? ownIds : allIds;
  const rows = [...all.value.rows, ...own.value.rows.filter((row) => !allIds.has(row.queueid))];
  return succeeded(rows.map((row) => toQueue(row, inScope.has(row.queueid), ownIds.has(row.queueid))));
}

const sessionsOf = (rows: readonly ConversationRow[]): string[] => [
  ...new Set(rows.map((row) => row._msdyn_lastsessionid_value).filter((id): id is string => id !== null)),
];

/**
 * The participants of a large first load, read beside its conversations: when the first conversation page comes full
 * (more follow), the org's present participants are asked for at once, before that page is checked, instead of after
 * the last page. At 50,000 ongoing their six pages then come between the conversation pages. The page limit is
 * readParticipantsOf's, for the sessions seen so far; at that limit the read waits for the next conversation page
 * (or the last) before it goes on or gives up (then by ids). Not started (a smaller load), the participants are read
 * as before once the conversations are in.
 */
function participantsBeside(reader: Reader, read: (rows: readonly ParticipantRow[]) => void) {
  const sessions = new Set<string>();
  let present: Promise<Result<Rows<ParticipantRow> | null>> | null = null;
  let conversationsIn = false;
  let pageCame: () => void = () => undefined;
  let nextPage = new Promise<void>((resolve) => (pageCame = resolve));
  const allowed = () => orgWidePages(sessions.size);
  // Known at once unless it has to wait for the next conversation page: a known limit lets the next page be asked
  // for before the one in hand is parsed (paging.ts).
  const pageLimit = (pagesRead: number): number | Promise<number> =>
    conversationsIn || pagesRead < allowed() ? allowed() : waitedLimit(pagesRead);
  const waitedLimit = async (pagesRead: number) => {
    while (!conversationsIn && pagesRead >= allowed()) await nextPage;
    return allowed();
  };
  let rowsCome = 0;
  // Decided as a page comes, not once its rows are checked: the participants' first page is asked for that much
  // sooner. Rows stand in for sessions here (a full page is thousands of either).
  const arrived = (rows: number, more: boolean) => {
    rowsCome += rows;
    if (!present && more && requestsById(rowsCome) >= ORG_WIDE_FROM_REQUESTS) {
      present = reader.rowsWithin(presentParticipantsRequest(), SPECS.participant, pageLimit);
      // The org's present participants, some of other supervisors' sessions: enough to build every row with.
      void present.then((result) => result.ok && result.value && read(result.value.rows));
    }
  };
  const checked = (rows: readonly ConversationRow[], more: boolean) => {
    for (const row of rows) if (row._msdyn_lastsessionid_value) sessions.add(row._msdyn_lastsessionid_value);
    conversationsIn = !more;
    pageCame();
    nextPage = new Promise<void>((resolve) => (pageCame = resolve));
  };
  const of = async (sessionIds: readonly string[]): Promise<Result<ParticipantRow[]>> => {
    if (!present) return readParticipantsOf(reader, sessionIds);
    const read = await present;
    if (!read.ok) return read;
    return read.value ? succeeded(inSessions(read.value.rows, sessionIds)) : readParticipantsByIds(reader, sessionIds);
  };
  return { arrived, checked, of };
}

const inSessions = (rows: readonly ParticipantRow[], sessionIds: readonly string[]): ParticipantRow[] => {
  const wanted = new Set(sessionIds);
  return rows.filter((row) => wanted.has(row._msdyn_omnichannelsession_value ?? ''));
};

/** Participants of the given sessions: the org's present ones when that is cheaper, else batches of ids, a few at once. */
export async function readParticipantsOf(
  reader: Reader | DataverseTransport,
  sessionIds: readonly string[],
): Promise<Result<ParticipantRow[]>> {
  const r = reader instanceof Reader ? reader : new Reader(reader);
  if (requestsById(sessionIds.length) >= ORG_WIDE_FROM_REQUESTS) {
    const present = await r.rowsWithin(presentParticipantsRequest(), SPECS.participant, orgWidePages(sessionIds.length));
    if (!present.ok) return present;
    if (present.value) return succeeded(inSessions(present.value.rows, sessionIds));
  }
  return readParticipantsByIds(r, sessionIds);
}

/** Participants of the given sessions, 200 sessions a request, a few requests at once. */
async function readParticipantsByIds(reader: Reader, sessionIds: readonly string[]): Promise<Result<ParticipantRow[]>> {
  const batches: string[][] = [];
  for (let i = 0; i < sessionIds.length; i += SESSIONS_PER_REQUEST) batches.push(sessionIds.slice(i, i + SESSIONS_PER_REQUEST));
  const results = await Promise.all(
    batches.map((batch, index) => reader.rows(participantsOfSessionsRequest(batch, index % PARTICIPANT_LANES), SPECS.participant)),
  );
  const rows: ParticipantRow[] = [];
  for (const result of results) {
    if (!result.ok) return result;
    rows.push(...result.value.rows);
  }
  return succeeded(rows);
}

/** Skills come from Universal Resource Scheduling: user → bookable resource → characteristics with a rating. */
async function readSkills(reader: Reader): Promise<Map<string, Skill[]>> {
  const resources = must(await reader.rows(bookableResourcesRequest(), SPECS.resource));
  const links = must(await reader.rows(resourceSkillsRequest(), SPECS.skill));
  const ratings = must(await reader.rows(ratingValuesRequest(), SPECS.rating));
  const userOf = new Map(resources.map((row) => [row.bookableresourceid, row._userid_value]));
  const levelOf = new Map(ratings.map((row) => [row.ratingvalueid, row.value]));
  const skills = new Map<string, Skill[]>();
  for (const link of links) {
    const userId = userOf.get(link._resource_value);
    if (!userId) continue;
    const list = skills.get(userId) ?? [];
    list.push({
      name: link[`_characteristic_value${FORMATTED}`] ?? '',
      level: link._ratingvalue_value ? (levelOf.get(link._ratingvalue_value) ?? null) : null,
    });
    skills.set(userId, list);
  }
  for (const list of skills.values()) list.sort((a, b) => a.name.localeCompare(b.name));
  return skills;
}
