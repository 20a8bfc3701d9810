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
import { emptyDelta, outdated, sameContent, type Delta } from './diff';
import type { Listing } from './read-reconcile';
import { ParticipantIndex } from './participant-index';
import { agentCapacity, conversationCapacity, onlyProfiles, type ProfileTables } from './profile-capacity';
import type { AgentProfileUnitRow } from '../dataverse/operations/capacity-profiles';

/** The agents' part of a full load: who is in the supervised queues, their presence, capacity and skills. */
export interface AgentsRead {
  members: Member[];
  skills: ReadonlyMap<string, Skill[]>;
  statuses: AgentStatusRow[];
  presences: PresenceRow[];
}

/** The first part of a full load, already validated: queues, and the ongoing conversations with their participants. */
export interface OngoingLoad {
  queues: Queue[];
  workstreams: WorkstreamRow[];
  /** The capacity-profile tables, on an org that uses them (lib/feed/profile-capacity.ts). */
  profiles: ProfileTables | null;
  conversations: ConversationRow[];
  participants: ParticipantRow[];
}

export interface Watermarks {
  conversations: number | null;
  participants: number | null;
  agentStatuses: number | null;
  profileUnits: number | null;
}

/** The picture in plain data, for storage.session. */
export interface PictureData {
  conversations: Conversation[];
  sessionOf: [string, string | null][];
  participants: ParticipantRow[];
  agents: Agent[];
  presences: PresenceRow[];
  workstreams: WorkstreamRow[];
  profiles: ProfileTables | null;
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
  private participants = new ParticipantIndex();
  private agents = new Map<string, Agent>();
  private presences = new Map<string, PresenceRow>();
  private workstreams = new Map<string, WorkstreamRow>();
  private profiles: ProfileTables | null = null;
  private queueList: Queue[] = [];
  /** The rows the participant index was last built from whole (indexed once per full read). */
  private participantRows: readonly ParticipantRow[] | null = null;
  /** The rows a full read under way has brought so far (beginOngoing … finishOngoing). */
  private loaded = new Set<string>();
  /** Queue names by id, for the rows (built once per queue list). */
  private names: { of: readonly Queue[]; byId: Map<string, string> } | null = null;
  watermarks: Watermarks = { conversations: null, participants: null, agentStatuses: null, profileUnits: null };

  get queues(): readonly Queue[] {
    return this.queueList;
  }
  conversationCount(): number {
    return this.conversations.size;
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
  private sessions(): Set<string> {
    const sessions = new Set<string>();
    for (const session of this.sessionOf.values()) if (session !== null) sessions.add(session);
    return sessions;
  }

  /**
   * A full read taken in as it comes (picture-sync.ts): its queues, workstreams and profiles first, its participants
   * once read, then its conversations page by page (`addOngoing`), each page held and told to the views at once, and
   * at the end (`finishOngoing`) the rows the read did not bring are removed. A read that fails half-way leaves the
   * rows it brought and removes none: the views and the picture still hold the same rows.
   */
  beginOngoing(setup: Pick<OngoingLoad, 'queues' | 'workstreams' | 'profiles'>): void {
    this.queueList = setup.queues;
    this.workstreams = new Map(setup.workstreams.map((row) => [row.msdyn_liveworkstreamid, row]));
    this.profiles = setup.profiles;
    this.watermarks.profileUnits = setup.profiles ? maxModified(setup.profiles.units, this.watermarks.profileUnits) : null;
    this.loaded = new Set();
  }

  /** The participants the rows added next are built with. */
  useParticipants(rows: readonly ParticipantRow[]): void {
    if (rows === this.participantRows) return;
    this.participantRows = rows;
    this.participants = ParticipantIndex.of(rows);
  }

  /** Rows of the full read under way: the supervised ongoing ones are held; those that differ from what was held come back. */
  addOngoing(rows: readonly ConversationRow[], now: number): Delta<Conversation> {
    const supervised = new Set(this.supervisedQueueIds());
    const delta = emptyDelta<Conversation>();
    for (const row of rows) {
      if (!isOngoing(row) || !supervised.has(row._msdyn_cdsqueueid_value ?? '')) continue;
      const next = this.build(row, now);
      if (!next) continue;
      this.loaded.add(next.id);
      this.sessionOf.set(next.id, row._msdyn_lastsessionid_value);
      const held = this.conversations.get(next.id);
      if (held && sameContent(held, next)) continue;
      this.conversations.set(next.id, next);
      delta.upsert.push(next);
    }
    return delta;
  }

  /** The end of the full read: its participants (only those of its sessions) kept, and every row it did not bring removed. */
  finishOngoing(load: Pick<OngoingLoad, 'conversations' | 'participants'>): Delta<Conversation> {
    this.useParticipants(load.participants);
    this.watermarks.participants = maxModified(load.participants, this.watermarks.participants);
    this.watermarks.conversations = maxModified(load.conversations, this.watermarks.conversations);
    const delta = emptyDelta<Conversation>();
    for (const id of [...this.conversations.keys()]) {
      if (this.loaded.has(id)) continue;
      this.conversations.delete(id);
      this.sessionOf.delete(id);
      delta.remove.push(id);
    }
    this.loaded = new Set();
    return delta;
  }

  /** Replace the agents with a fresh read of them (part of a full load, or on its own now and then). */
  replaceAgents(read: AgentsRead, now: number): Delta<Agent> {
    this.presences = new Map(read.presences.map((row) => [row.msdyn_presenceid, row]));
    this.watermarks.agentStatuses = maxModified(read.statuses, this.watermarks.agentStatuses);
    const statusByAgent = new Map(read.statuses.map((row) => [row._msdyn_agentid_value, row]));
    const nextAgents = new Map<string, Agent>();
    for (const member of read.members) {
      const agent = this.withCapacity(toAgent(member, read.skills.get(member.id) ?? [], statusByAgent.get(member.id), this.presences, now));
      const held = this.agents.get(member.id);
      nextAgents.set(member.id, held && sameContent(held, agent) ? held : agent);
    }
    const agents = replaceKeyed(this.agents, nextAgents);
    this.agents = nextAgents;
    return agents;
  }

  /** The session of a participant held here (null: none); undefined when it is not held. */
  sessionOfParticipant(id: string): string | null | undefined {
    const row = this.participants.get(id);
    return row ? row._msdyn_omnichannelsession_value : undefined;
  }

  /** Which listed rows a reconcile must read whole (participants only of sessions shown here). */
  outdated(listing: Listing): { conversations: string[]; participants: string[] } {
    const sessions = this.sessions();
    return {
      conversations: outdated(listing.conversations, (id) => this.conversations.get(id)?.etag),
      participants: outdated(
        listing.participants.filter((row) => row.session !== null && sessions.has(row.session)),
        (id) => this.participants.get(id)?.['@odata.etag'],
      ),
    };
  }

  /**
   * The safety re-read, by ids and versions: rows held but no longer listed are removed, rows read whole because
   * they differed are merged by the usual rules, and conversations whose participants changed are rebuilt. The
   * watermarks stay: nothing here says the incremental reads may skip anything.
   */
  reconcile(
    listing: Listing,
    conversations: readonly ConversationRow[],
    participants: readonly ParticipantRow[],
    now: number,
  ): Delta<Conversation> {
    this.queueList = listing.queues;
    this.workstreams = new Map(listing.workstreams.map((row) => [row.msdyn_liveworkstreamid, row]));
    const delta = emptyDelta<Conversation>();
    const ongoing = new Set(listing.conversations.map((row) => row.id));
    for (const id of [...this.conversations.keys()]) if (!ongoing.has(id)) this.remove(id, delta);

    const active = new Set(listing.participants.map((row) => row.id));
    const touched = new Set<string>();
    for (const id of [...this.participants.ids()]) {
      if (active.has(id)) continue;
      const session = this.participants.delete(id);
      if (session) touched.add(session);
    }
    for (const row of participants) {
      this.participants.set(row);
      if (row._msdyn_omnichannelsession_value) touched.add(row._msdyn_omnichannelsession_value);
    }
    const merged = this.mergeConversations(conversations, now).delta;
    for (const row of merged.upsert) this.put(row, undefined, delta);
    for (const id of merged.remove) if (!delta.remove.includes(id)) delta.remove.push(id);
    for (const [id, session] of this.sessionOf) {
      const held = this.conversations.get(id);
      if (held && session && touched.has(session)) this.put({ ...held, ...this.peopleOf(session), observedAt: now }, held, delta);
    }
    return delta;
  }

  /** A whole read's conversations and participants: their next reads start no later than `to`. */
  rewindWatermarks(to: number): void {
    const back = (mark: number | null) => (mark === null ? null : Math.min(mark, to));
    this.watermarks.conversations = back(this.watermarks.conversations);
    this.watermarks.participants = back(this.watermarks.participants);
  }

  /**
   * The tables a poll read had no change between their watermark and `to`: their next reads may start there. Only
   * ever forward, and never for a table never read (null).
   */
  advanceWatermarks(to: number, read: { conversations: boolean; participants: boolean; statuses: boolean }): void {
    const forward = (mark: number | null) => (mark === null ? null : Math.max(mark, to));
    const marks = this.watermarks;
    if (read.conversations) marks.conversations = forward(marks.conversations);
    if (read.participants) marks.participants = forward(marks.participants);
    if (read.statuses) [marks.agentStatuses, marks.profileUnits] = [forward(marks.agentStatuses), forward(marks.profileUnits)];
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
    const delta = emptyDelta<Conversation>();
    // Most polls bring none: the sessions need not be gathered (~10 ms at 50,000).
    if (rows.length === 0) return delta;
    const known = this.sessions();
    const touched = new Set<string>();
    for (const row of rows) {
      const session = row._msdyn_omnichannelsession_value;
      if (!session || !known.has(session)) continue;
      this.participants.set(row);
      touched.add(session);
    }
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
      const next: Agent = this.withCapacity({ ...held, ...presenceOf(row, this.presences), observedAt: now });
      if (sameContent(held, next)) continue;
      this.agents.set(next.id, next);
      delta.upsert.push(next);
    }
    return delta;
  }

  /** Merge changed capacity-profile units (work taken or given back) into the agents they belong to. */
  applyProfileUnits(rows: readonly AgentProfileUnitRow[], now: number): Delta<Agent> {
    const delta = emptyDelta<Agent>();
    if (!this.profiles?.readable || rows.length === 0) return delta;
    this.watermarks.profileUnits = maxModified(rows, this.watermarks.profileUnits);
    const units = new Map(this.profiles.units.map((row) => [row.msdyn_agentcapacityprofileunitid, row]));
    for (const row of rows) units.set(row.msdyn_agentcapacityprofileunitid, row);
    this.profiles = { ...this.profiles, units: [...units.values()] };
    for (const agentId of new Set(rows.map((row) => row._msdyn_agentid_value))) {
      const held = agentId ? this.agents.get(agentId) : undefined;
      if (!held) continue;
      const next = { ...this.withCapacity(held), observedAt: now };
      if (sameContent(held, next)) continue;
      this.agents.set(next.id, next);
      delta.upsert.push(next);
    }
    return delta;
  }

  /** The capacity-profile tables in force; null on an org of unit capacity alone. */
  profileTables(): ProfileTables | null {
    return this.profiles;
  }

  /** One row re-read from the platform (null: gone); returns the conversation as it now stands, if ongoing. */
  applyReread(
    row: ConversationRow | null,
    id: string,
    participants: readonly ParticipantRow[],
    now: number,
  ): { delta: Delta<Conversation>; conversation: Conversation | null } {
    if (!row) {
      const delta = emptyDelta<Conversation>();
      if (this.conversations.has(id)) this.remove(id, delta);
      return { delta, conversation: null };
    }
    const session = row._msdyn_lastsessionid_value;
    if (session) {
      this.participants.dropSession(session);
      for (const participant of participants) this.participants.set(participant);
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
      profiles: this.profiles,
      queues: this.queueList,
      watermarks: { ...this.watermarks },
    };
  }

  static fromData(data: PictureData): LivePicture {
    const picture = new LivePicture();
    picture.conversations = new Map(data.conversations.map((row) => [row.id, row]));
    picture.sessionOf = new Map(data.sessionOf);
    picture.participants = ParticipantIndex.of(data.participants);
    picture.agents = new Map(data.agents.map((row) => [row.id, row]));
    picture.presences = new Map(data.presences.map((row) => [row.msdyn_presenceid, row]));
    picture.workstreams = new Map(data.workstreams.map((row) => [row.msdyn_liveworkstreamid, row]));
    picture.profiles = data.profiles;
    picture.queueList = data.queues;
    picture.watermarks = { ...data.watermarks };
    return picture;
  }

  private build(row: ConversationRow, now: number): Conversation | null {
    const session = row._msdyn_lastsessionid_value;
    const workstream = row._msdyn_liveworkstreamid_value ? this.workstreams.get(row._msdyn_liveworkstreamid_value) : undefined;
    const queue = row._msdyn_cdsqueueid_value;
    const conversation = toConversation(row, {
      people: session ? this.peopleOf(session) : { participants: [], pending: null },
      observedAt: now,
      workstream,
      queueName: queue === null ? null : (this.queueNames().get(queue) ?? null),
    });
    return conversation && { ...conversation, ...conversationCapacity(this.profiles, workstream) };
  }

  private queueNames(): Map<string, string> {
    if (this.names?.of !== this.queueList)
      this.names = { of: this.queueList, byId: new Map(this.queueList.map((queue) => [queue.id, queue.name])) };
    return this.names.byId;
  }

  private withCapacity(agent: Agent): Agent {
    return agentCapacity(this.profiles, onlyProfiles([...this.workstreams.values()]), agent);
  }

  private peopleOf(session: string): Pick<Conversation, 'participants' | 'pending'> {
    return sessionPeople(this.participants.ofSession(session));
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
    if (session) this.participants.dropSession(session);
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
