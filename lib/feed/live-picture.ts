import type { Agent, Queue, Skill } from '../model/agent';
import type { Conversation } from '../model/conversation';
import type { ConversationRow } from '../dataverse/operations/conversations';
import type { ParticipantRow } from '../dataverse/operations/session-participants';
import type { AgentStatusRow, PresenceRow } from '../dataverse/operations/agents';
import type { WorkstreamRow } from '../dataverse/operations/workstreams';
import { isOngoing, toConversation } from './normalize-conversation';
import { sessionPeople } from './participants';
import { presenceOf, toAgent, type Member } from './normalize-agent';
import { isStale } from './row-version';
import { emptyDelta, sameContent, type Delta } from './diff';

/** Everything a full load reads, already validated. */
export interface FullLoad {
  queues: Queue[];
  workstreams: WorkstreamRow[];
  conversations: ConversationRow[];
  participants: ParticipantRow[];
  members: Member[];
  skills: ReadonlyMap<string, Skill[]>;
  statuses: AgentStatusRow[];
  presences: PresenceRow[];
}

export interface Watermarks {
  conversations: number | null;
  participants: number | null;
  agentStatuses: number | null;
}

/** The picture in plain data, for storage.session. */
export interface PictureData {
  conversations: Conversation[];
  sessionOf: [string, string | null][];
  participants: ParticipantRow[];
  agents: Agent[];
  presences: PresenceRow[];
  workstreams: WorkstreamRow[];
  queues: Queue[];
  watermarks: Watermarks;
}

/**
 * The live picture as rows, with the rules for merging what the platform says into it: row versions never go
 * backwards, rows that leave the ongoing set (or the supervised queues) are removed, participants are folded into
 * their conversation. Every change comes back as a delta for the views.
 */
export class LivePicture {
  private conversations = new Map<string, Conversation>();
  /** Conversation id → its current session (msdyn_lastsessionid), to attach participants. */
  private sessionOf = new Map<string, string | null>();
  private participants = new Map<string, ParticipantRow>();
  private agents = new Map<string, Agent>();
  private presences = new Map<string, PresenceRow>();
  private workstreams = new Map<string, WorkstreamRow>();
  private queueList: Queue[] = [];
  watermarks: Watermarks = { conversations: null, participants: null, agentStatuses: null };

  get queues(): readonly Queue[] {
    return this.queueList;
  }
  conversationList(): Conversation[] {
    return [...this.conversations.values()];
  }
  agentList(): Agent[] {
    return [...this.agents.values()];
  }
  conversation(id: string): Conversation | undefined {
    return this.conversations.get(id);
  }
  supervisedQueueIds(): string[] {
    return this.queueList.filter((queue) => queue.supervised).map((queue) => queue.id);
  }
  sessionIds(): string[] {
    return [...new Set([...this.sessionOf.values()].filter((id): id is string => id !== null))];
  }

  /** Replace everything with a full read (first load or periodic reconcile); rows not in it are removed. */
  replaceAll(load: FullLoad, now: number): { conversations: Delta<Conversation>; agents: Delta<Agent>; queues: Queue[] } {
    this.queueList = load.queues;
    this.presences = new Map(load.presences.map((row) => [row.msdyn_presenceid, row]));
    this.workstreams = new Map(load.workstreams.map((row) => [row.msdyn_liveworkstreamid, row]));
    this.participants = new Map(load.participants.map((row) => [row.msdyn_sessionparticipantid, row]));
    this.watermarks.participants = maxModified(load.participants, this.watermarks.participants);
    this.watermarks.agentStatuses = maxModified(load.statuses, this.watermarks.agentStatuses);
    this.watermarks.conversations = maxModified(load.conversations, this.watermarks.conversations);

    const supervised = new Set(this.supervisedQueueIds());
    const nextConversations = new Map<string, Conversation>();
    const nextSessions = new Map<string, string | null>();
    for (const row of load.conversations) {
      if (!isOngoing(row) || !supervised.has(row._msdyn_cdsqueueid_value ?? '')) continue;
      const conversation = this.build(row, now);
      if (conversation) {
        nextConversations.set(conversation.id, conversation);
        nextSessions.set(conversation.id, row._msdyn_lastsessionid_value);
      }
    }
    this.sessionOf = nextSessions;
    const conversations = replaceKeyed(this.conversations, nextConversations);
    this.conversations = nextConversations;

    const statusByAgent = new Map(load.statuses.map((row) => [row._msdyn_agentid_value, row]));
    const nextAgents = new Map<string, Agent>();
    for (const member of load.members) {
      const agent = toAgent(member, load.skills.get(member.id) ?? [], statusByAgent.get(member.id), this.presences, now);
      const held = this.agents.get(member.id);
      nextAgents.set(member.id, held && sameContent(held, agent) ? held : agent);
    }
    const agents = replaceKeyed(this.agents, nextAgents);
    this.agents = nextAgents;
    return { conversations, agents, queues: this.queueList };
  }

  /** Merge changed conversation rows (any state, any queue). */
  applyConversations(rows: readonly ConversationRow[], now: number): { delta: Delta<Conversation> } {
    this.watermarks.conversations = maxModified(rows, this.watermarks.conversations);
    return this.mergeConversations(rows, now);
  }

  /** The merge itself, without moving the watermark (a single re-read row says nothing about the rest of the table). */
  private mergeConversations(rows: readonly ConversationRow[], now: number): { delta: Delta<Conversation> } {
    const supervised = new Set(this.supervisedQueueIds());
    const delta = emptyDelta<Conversation>();
    for (const row of rows) {
      const id = row.activityid;
      const held = this.conversations.get(id);
      if (held && isStale(row['@odata.etag'], held.etag)) continue;
      if (!isOngoing(row) || !supervised.has(row._msdyn_cdsqueueid_value ?? '')) {
        if (held) this.remove(id, delta);
        continue;
      }
      this.sessionOf.set(id, row._msdyn_lastsessionid_value);
      const next = this.build(row, now);
      if (next) this.put(next, held, delta);
    }
    return { delta };
  }

  /** Conversations the platform reports deleted (change tracking). */
  applyDeleted(ids: readonly string[]): Delta<Conversation> {
    const delta = emptyDelta<Conversation>();
    for (const id of ids) if (this.conversations.has(id)) this.remove(id, delta);
    return delta;
  }

  /** Merge changed participant rows; conversations whose people changed are upserted. */
  applyParticipants(rows: readonly ParticipantRow[], now: number): Delta<Conversation> {
    this.watermarks.participants = maxModified(rows, this.watermarks.participants);
    const known = new Set(this.sessionIds());
    const touched = new Set<string>();
    for (const row of rows) {
      const session = row._msdyn_omnichannelsession_value;
      if (!session || !known.has(session)) continue;
      this.participants.set(row.msdyn_sessionparticipantid, row);
      touched.add(session);
    }
    const delta = emptyDelta<Conversation>();
    for (const [id, session] of this.sessionOf) {
      if (!session || !touched.has(session)) continue;
      const held = this.conversations.get(id);
      if (held) this.put({ ...held, ...this.peopleOf(session), observedAt: now }, held, delta);
    }
    return delta;
  }

  /** Merge changed agent status rows (presence, free capacity) into the agents we show. */
  applyAgentStatuses(rows: readonly AgentStatusRow[], now: number): Delta<Agent> {
    this.watermarks.agentStatuses = maxModified(rows, this.watermarks.agentStatuses);
    const delta = emptyDelta<Agent>();
    for (const row of rows) {
      const held = this.agents.get(row._msdyn_agentid_value);
      if (!held) continue;
      const next: Agent = { ...held, ...presenceOf(row, this.presences), observedAt: now };
      if (sameContent(held, next)) continue;
      this.agents.set(next.id, next);
      delta.upsert.push(next);
    }
    return delta;
  }

  /** One row re-read from the platform (null: gone); returns the conversation as it now stands, if ongoing. */
  applyReread(row: ConversationRow | null, id: string, participants: readonly ParticipantRow[], now: number): { delta: Delta<Conversation>; conversation: Conversation | null } {
    if (!row) {
      const delta = emptyDelta<Conversation>();
      if (this.conversations.has(id)) this.remove(id, delta);
      return { delta, conversation: null };
    }
    const session = row._msdyn_lastsessionid_value;
    if (session) {
      for (const [key, held] of this.participants) if (held._msdyn_omnichannelsession_value === session) this.participants.delete(key);
      for (const participant of participants) this.participants.set(participant.msdyn_sessionparticipantid, participant);
    }
    // Merged as a conversation row so the version and queue rules hold; a fresher row here wins later polls. The
    // watermark stays: this row was read after the last poll, and rows changed in between must still be read.
    const { delta } = this.mergeConversations([row], now);
    const held = this.conversations.get(id);
    if (held && session) this.put({ ...held, ...this.peopleOf(session) }, held, delta);
    return { delta, conversation: this.conversations.get(id) ?? null };
  }

  toData(): PictureData {
    return {
      conversations: this.conversationList(),
      sessionOf: [...this.sessionOf],
      participants: [...this.participants.values()],
      agents: this.agentList(),
      presences: [...this.presences.values()],
      workstreams: [...this.workstreams.values()],
      queues: this.queueList,
      watermarks: { ...this.watermarks },
    };
  }

  static fromData(data: PictureData): LivePicture {
    const picture = new LivePicture();
    picture.conversations = new Map(data.conversations.map((row) => [row.id, row]));
    picture.sessionOf = new Map(data.sessionOf);
    picture.participants = new Map(data.participants.map((row) => [row.msdyn_sessionparticipantid, row]));
    picture.agents = new Map(data.agents.map((row) => [row.id, row]));
    picture.presences = new Map(data.presences.map((row) => [row.msdyn_presenceid, row]));
    picture.workstreams = new Map(data.workstreams.map((row) => [row.msdyn_liveworkstreamid, row]));
    picture.queueList = data.queues;
    picture.watermarks = { ...data.watermarks };
    return picture;
  }

  private build(row: ConversationRow, now: number): Conversation | null {
    const session = row._msdyn_lastsessionid_value;
    const workstream = row._msdyn_liveworkstreamid_value ? this.workstreams.get(row._msdyn_liveworkstreamid_value) : undefined;
    return toConversation(row, session ? this.peopleOf(session) : { participants: [], pending: null }, now, workstream);
  }

  private peopleOf(session: string): Pick<Conversation, 'participants' | 'pending'> {
    const rows: ParticipantRow[] = [];
    for (const row of this.participants.values()) if (row._msdyn_omnichannelsession_value === session) rows.push(row);
    return sessionPeople(rows);
  }

  private put(next: Conversation, held: Conversation | undefined, delta: Delta<Conversation>): void {
    if (held && sameContent(held, next)) return;
    this.conversations.set(next.id, next);
    delta.upsert = delta.upsert.filter((row) => row.id !== next.id);
    delta.upsert.push(next);
  }

  private remove(id: string, delta: Delta<Conversation>): void {
    const session = this.sessionOf.get(id);
    this.conversations.delete(id);
    this.sessionOf.delete(id);
    // Participants of a closed session are of no further use; dropping them keeps a day-long run bounded.
    if (session) for (const [key, row] of this.participants) if (row._msdyn_omnichannelsession_value === session) this.participants.delete(key);
    delta.upsert = delta.upsert.filter((row) => row.id !== id);
    delta.remove.push(id);
  }
}

function replaceKeyed<T extends { id: string; observedAt: number }>(held: Map<string, T>, next: Map<string, T>): Delta<T> {
  const delta = emptyDelta<T>();
  for (const [id, row] of next) {
    const old = held.get(id);
    if (old && sameContent(old, row)) next.set(id, old);
    else delta.upsert.push(row);
  }
  for (const id of held.keys()) if (!next.has(id)) delta.remove.push(id);
  return delta;
}

/** The newest modifiedon among rows, as epoch ms, never moving backwards. */
function maxModified(rows: readonly { modifiedon: string }[], current: number | null): number | null {
  let max = current;
  for (const row of rows) {
    const at = Date.parse(row.modifiedon);
    if (!Number.isNaN(at) && (max === null || at > max)) max = at;
  }
  return max;
}
