import { ConversationRowSchema, type ConversationRow } from '../../../lib/dataverse/operations/conversations';
import { ParticipantRowSchema, type ParticipantRow } from '../../../lib/dataverse/operations/session-participants';
import type { AgentsRead, LivePicture, OngoingLoad } from '../../../lib/feed/live-picture';
import type { DataverseTransport } from '../../../lib/dataverse/transport';
import { succeeded, type Result } from '../../../lib/dataverse/result';
import { readAgents, readOngoing, Reader } from '../../../lib/feed/read-full';

export const Q1 = '00000000-0000-4000-8000-0000000000a1';
export const Q2 = '00000000-0000-4000-8000-0000000000a2';
export const AGENT = '00000000-0000-4000-8000-0000000000b1';
const WS = '00000000-0000-4000-8000-0000000000c1';
export const OTHER_AGENT = '00000000-0000-4000-8000-0000000000b2';
export const id = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
export const session = (n: number) => `00000000-0000-4000-9000-${String(n).padStart(12, '0')}`;

/** A platform row as the Web API sends it, validated like the feed does. */
export function conversationRow(n: number, change: Record<string, unknown> = {}): ConversationRow {
  return ConversationRowSchema.parse({
    '@odata.etag': 'W/"100"',
    activityid: id(n),
    subject: `Conversation ${n}`,
    statecode: 0,
    statuscode: 2,
    msdyn_channel: '192360000',
    _msdyn_activeagentid_value: AGENT,
    msdyn_activeagentid_msdyn_ocliveworkitem: { fullname: 'Ada Agent', systemuserid: AGENT },
    _msdyn_cdsqueueid_value: Q1,
    _msdyn_lastsessionid_value: session(n),
    _msdyn_liveworkstreamid_value: WS,
    createdon: '2026-01-01T10:00:00Z',
    modifiedon: '2026-01-01T10:00:00Z',
    ...change,
  });
}

export function participantRow(n: number, sessionN: number, change: Record<string, unknown> = {}): ParticipantRow {
  return ParticipantRowSchema.parse({
    msdyn_sessionparticipantid: id(5000 + n),
    _msdyn_agentid_value: AGENT,
    _msdyn_omnichannelsession_value: session(sessionN),
    msdyn_mode: 192350002,
    msdyn_assignreason: 'AgentPick',
    msdyn_addedon: '2026-01-01T10:00:00Z',
    msdyn_joinedon: '2026-01-01T10:00:01Z',
    msdyn_lefton: null,
    statecode: 0,
    modifiedon: '2026-01-01T10:00:01Z',
    ...change,
  });
}

/** Both parts of a full load, as the feed reads them one after the other. */
export type FullLoad = OngoingLoad & AgentsRead;

/** A full load in one go (the feed shows the list between the two parts). */
export async function readFull(transport: DataverseTransport, userId: string): Promise<Result<FullLoad>> {
  const reader = new Reader(transport);
  const ongoing = await readOngoing(reader, userId);
  if (!ongoing.ok) return ongoing;
  const agents = await readAgents(
    reader,
    ongoing.value.queues.filter((queue) => queue.supervised).map((queue) => queue.id),
  );
  return agents.ok ? succeeded({ ...ongoing.value, ...agents.value }) : agents;
}

/** Puts a full load into the picture as the feed does (in one page): the list first, then the agents. */
export function replaceAll(picture: LivePicture, load: FullLoad, now: number) {
  picture.beginOngoing(load);
  picture.useParticipants(load.participants);
  const { upsert } = picture.addOngoing(load.conversations, now);
  const { remove } = picture.finishOngoing(load);
  return { conversations: { upsert, remove }, queues: picture.queues, agents: picture.replaceAgents(load, now) };
}

export function fullLoad(change: Partial<FullLoad> = {}): FullLoad {
  return {
    queues: [
      { id: Q1, name: 'Billing', type: 'messaging', supervised: true },
      { id: Q2, name: 'Sales', type: 'messaging', supervised: false },
    ],
    workstreams: [
      {
        msdyn_liveworkstreamid: WS,
        msdyn_capacityrequired: 25,
        msdyn_capacityformat: null,
        msdyn_allowedpresences: [192360000, 192360001],
      },
    ],
    profiles: null,
    conversations: [conversationRow(1), conversationRow(2)],
    participants: [participantRow(1, 1)],
    members: [{ id: AGENT, name: 'Ada Agent', isBot: false, queueIds: [Q1] }],
    skills: new Map([[AGENT, [{ name: 'English', level: 3 }]]]),
    statuses: [],
    presences: [],
    ...change,
  };
}
