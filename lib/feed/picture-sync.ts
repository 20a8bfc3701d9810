import type { Conversation } from '../model/conversation';
import type { FeedPatch, RowIssue } from '../model/feed-state';
import type { FeedCounters } from '../dataverse/counters';
import type { DataverseTransport } from '../dataverse/transport';
import { failed, succeeded, type Failure, type Result } from '../dataverse/result';
import { isEmptyDelta, type Delta } from './diff';
import { LivePicture } from './live-picture';
import { readAgents, readOngoing, Reader } from './read-full';
import { readConversationsById, readListing, readParticipantsById } from './read-reconcile';
import { latestModified, OVERLAP_MS, readChanges } from './read-changes';
import { deltaRequest, readTracked, startTracking, type TrackedChanges } from './change-tracking';
import { rereadConversation } from './reread';
import type { Persisted } from './persisted';

/**
 * How often the picture is checked against the platform to catch anything the incremental reads missed: ids and
 * versions of the ongoing set, then only the rows that differ (docs/decisions/0007-polling-cost.md). The
 * watermark overlap already catches late commits, so this is a safety net, priced against the request budget.
 */
export const RECONCILE_MS = 600_000;
/** The agents (membership, skills) change by an admin's hand: re-read with every third reconcile. */
const AGENTS_EVERY_N_RECONCILES = 3;
/**
 * Conversations are read on every poll; agent presence and session participants (monitor, consult, pending
 * transfer) at most every 15 s, half a period apart. By time, not by poll count: the poll itself runs as often as
 * the request budget allows, and these reads are what that budget is shared with. At 15 s instead of 10 s they leave
 * the conversations read ~4 more requests a minute, which brings a row's change to the screen within 2 s
 * (docs/decisions/0007-polling-cost.md).
 */
export const STATUSES_EVERY_MS = 15_000;
export const PARTICIPANTS_EVERY_MS = 15_000;
/** How often the conversations read reaches back over the overlap for rows committed late (read-changes.ts). */
export const DEEP_EVERY_MS = 30_000;
/** Row issues kept for diagnostics (the count keeps growing). */
const RECENT_ISSUES = 20;

/** The part of the worker's snapshot in storage.session that sync owns. */
export type PersistedPicture = Pick<Persisted, 'lastFullAt' | 'rowIssues' | 'model' | 'tracking' | 'deltaLink'>;

export interface PictureSyncDeps {
  counters: FeedCounters;
  now: () => number;
  /** Each change goes out once, as a patch. */
  emit(patch: FeedPatch): void;
  log: (line: string) => void;
  /** Resolves once the views on screen have drawn what was emitted so far (absent: at once). */
  viewsDrawn?: () => Promise<void>;
  /**
   * Whether this org may be followed by change tracking (decided once per org version), and where a first tracked
   * read that failed is remembered. Absent, tracking is tried whenever it is not known to be off.
   */
  tracking?: {
    allowed(transport: DataverseTransport): Promise<boolean>;
    failed(transport: DataverseTransport, failure: Pick<Failure, 'message'>): Promise<void>;
  };
}

/**
 * The live picture kept in step with the platform: a full load (at start and every RECONCILE_MS, or on request),
 * then incremental reads by watermark or, where the org tracks changes, by delta link; rereads of one conversation
 * for the actions; and what a restarted worker needs to resume without a full reload.
 */
export function createPictureSync(deps: PictureSyncDeps) {
  let picture = new LivePicture();
  /** When the picture was last loaded whole or reconciled (0: never: the next poll loads it whole). */
  let lastFullAt = 0;
  let reconciles = 0;
  /** Every participant the last reconcile listed, with its session: the next one need not ask for them again. */
  let listedSessions = new Map<string, string | null>();
  let fullRequested = false;
  /** When each of the slower tables was last read; participants start half a period out of step with statuses. */
  let statusesReadAt = 0;
  let participantsReadAt = 0;
  let deepReadAt = 0;
  let rowIssues: { count: number; recent: RowIssue[] } = { count: 0, recent: [] };
  /** Change tracking on conversations: unknown until tried, then used (with its delta link) or not. */
  let tracking: Persisted['tracking'] = 'unknown';
  let deltaLink: string | null = null;

  function noteIssues(issues: readonly RowIssue[]): void {
    if (issues.length === 0) return;
    deps.counters.invalidRows += issues.length;
    for (const issue of issues) deps.log(`Floorwalker: ${issue.entity} ${issue.id ?? '?'} left out: ${issue.field}: ${issue.message}`);
    rowIssues = { count: rowIssues.count + issues.length, recent: [...rowIssues.recent, ...issues].slice(-RECENT_ISSUES) };
    deps.emit({ rowIssues });
  }

  async function fullLoad(transport: DataverseTransport, userId: string): Promise<Result<void>> {
    const reader = new Reader(transport);
    const readFrom = transport.serverNow?.() ?? null;
    // The conversations go out page by page once the participants are in: at 50,000 ongoing the views check and place
    // the first 30,000 while the last pages are read, instead of all 50,000 after them (~1 s).
    let queuesSent = false;
    const send = (conversations: Delta<Conversation>) => {
      const patch: FeedPatch = queuesSent ? {} : { queues: [...picture.queues] };
      if (!isEmptyDelta(conversations)) patch.conversations = conversations;
      if (Object.keys(patch).length > 0) deps.emit(patch);
      queuesSent = true;
    };
    const ongoing = await readOngoing(reader, userId, {
      setup: (setup) => picture.beginOngoing(setup),
      participants: (rows) => picture.useParticipants(rows),
      conversations: (rows) => send(picture.addOngoing(rows, deps.now())),
    });
    if (!ongoing.ok) return ongoing;
    noteIssues(reader.issues.splice(0));
    // The whole list is out before the agents are read: at 10,000 ongoing they are six more requests and ~0.6 s. And
    // on screen: read while the views still took in the last pages (at 50,000 ongoing ~4 MB for the worker to check),
    // they took the cores the views needed; the list showed ~0.4 s later.
    send(picture.finishOngoing(ongoing.value));
    await deps.viewsDrawn?.();
    const read = await readAgents(reader, picture.supervisedQueueIds());
    if (!read.ok) return read;
    noteIssues(reader.issues);
    const now = deps.now();
    const agents = picture.replaceAgents(read.value, now);
    const marks = picture.watermarks;
    marks.conversations ??= await latestModified(transport, 'msdyn_ocliveworkitems');
    marks.participants ??= await latestModified(transport, 'msdyn_sessionparticipants');
    marks.agentStatuses ??= await latestModified(transport, 'msdyn_agentstatuses');
    // Conversations and participants are read in the platform's order, not by modifiedon: a row added or changed
    // while their pages were read may sit on a page read before it. The next poll starts from the read's start (less
    // the overlap for late commits, as every watermark), not from the newest row it happened to see.
    if (readFrom !== null) picture.rewindWatermarks(readFrom - OVERLAP_MS);
    lastFullAt = now;
    statusesReadAt = now;
    deepReadAt = now;
    participantsReadAt = now - PARTICIPANTS_EVERY_MS / 2;
    if (!isEmptyDelta(agents)) deps.emit({ agents });
    if (tracking !== 'off' && !deltaLink && (await (deps.tracking?.allowed(transport) ?? true))) {
      const tracked = await startTracking(transport);
      if (tracked.ok) applyTracked(tracked.value, tracked.value.issues);
      // Remembered where there is somewhere to remember it; without, a fault only postpones it to the next full load.
      if (!tracked.ok || !tracked.value.deltaLink)
        await deps.tracking?.failed(transport, tracked.ok ? { message: 'no delta link' } : tracked.failure);
    }
    return succeeded(undefined);
  }

  /** The safety re-read: ids and versions first, then only the rows that differ, and the agents now and then. */
  async function reconcile(transport: DataverseTransport, userId: string): Promise<Result<void>> {
    const listing = await readListing(transport, userId, (id) => {
      const held = picture.sessionOfParticipant(id);
      return held !== undefined ? held : listedSessions.get(id);
    });
    if (!listing.ok) return listing;
    listedSessions = new Map(listing.value.participants.map((row) => [row.id, row.session]));
    const reader = new Reader(transport);
    const stale = picture.outdated(listing.value);
    const conversations = await readConversationsById(reader, stale.conversations);
    if (!conversations.ok) return conversations;
    const participants = await readParticipantsById(reader, stale.participants);
    if (!participants.ok) return participants;
    const withAgents = ++reconciles % AGENTS_EVERY_N_RECONCILES === 0;
    const supervised = listing.value.queues.filter((queue) => queue.supervised).map((queue) => queue.id);
    const agentsRead = withAgents ? await readAgents(reader, supervised) : null;
    if (agentsRead && !agentsRead.ok) return agentsRead;
    noteIssues([...listing.value.issues, ...reader.issues]);
    const now = deps.now();
    const delta = picture.reconcile(listing.value, conversations.value, participants.value, now);
    const agents = agentsRead ? picture.replaceAgents(agentsRead.value, now) : null;
    lastFullAt = now;
    deps.emit({
      queues: [...picture.queues],
      ...(isEmptyDelta(delta) ? {} : { conversations: delta }),
      ...(agents && !isEmptyDelta(agents) ? { agents } : {}),
    });
    return succeeded(undefined);
  }

  function applyTracked(changes: TrackedChanges, issues: readonly RowIssue[]): void {
    noteIssues(issues);
    tracking = changes.deltaLink ? 'on' : 'off';
    deltaLink = changes.deltaLink;
    const { delta } = picture.applyConversations(changes.conversations, deps.now());
    const deleted = picture.applyDeleted(changes.deleted);
    const conversations = { upsert: delta.upsert, remove: [...delta.remove, ...deleted.remove] };
    if (!isEmptyDelta(conversations)) deps.emit({ conversations });
  }

  async function incremental(transport: DataverseTransport): Promise<Result<void>> {
    const link = tracking === 'on' ? deltaLink : null;
    const startedAt = deps.now();
    const scope = {
      statuses: startedAt - statusesReadAt >= STATUSES_EVERY_MS,
      participants: startedAt - participantsReadAt >= PARTICIPANTS_EVERY_MS,
      deep: startedAt - deepReadAt >= DEEP_EVERY_MS,
    };
    const serverStart = transport.serverNow?.() ?? null;
    const result = await readChanges(transport, picture.watermarks, link !== null, scope, picture.profileTables());
    if (!result.ok) return result;
    if (scope.statuses) statusesReadAt = startedAt;
    if (scope.participants) participantsReadAt = startedAt;
    if (scope.deep) deepReadAt = startedAt;
    let tracked: TrackedChanges = { conversations: result.value.conversations, deleted: [], deltaLink: link };
    let trackedIssues: readonly RowIssue[] = [];
    if (link) {
      const read = await readTracked(transport, deltaRequest(link));
      if (!read.ok) {
        // An expired or refused delta token: go back to the watermark and start tracking again at the next full load.
        if (read.failure.kind === 'http') [tracking, deltaLink, lastFullAt] = ['unknown', null, 0];
        return read;
      }
      trackedIssues = read.value.issues;
      tracked = read.value;
    }
    // Participants of conversations that just arrived come with the next participants read (every few polls), which
    // covers every row added since its watermark: one read per new conversation would cost a request on most polls
    // of a busy org. The conversation row itself already names its agent.
    const participants = result.value.participants;
    if (link) deltaLink = tracked.deltaLink ?? link;
    noteIssues([...trackedIssues, ...result.value.issues]);
    const now = deps.now();
    const { delta: changed } = picture.applyConversations(tracked.conversations, now);
    const delta = { upsert: changed.upsert, remove: [...changed.remove, ...picture.applyDeleted(tracked.deleted).remove] };
    const people = picture.applyParticipants(participants, now);
    const statuses = picture.applyAgentStatuses(result.value.statuses, now);
    const units = picture.applyProfileUnits(result.value.units, now);
    // A quiet table's watermark would stay at its last change, and each poll would re-read that second (and each deep
    // read the 10 s before it) for as long as the org stays quiet. The read began at the org's time serverStart, so
    // every row stamped before serverStart − OVERLAP_MS and committed within OVERLAP_MS of its stamp was in it: the
    // same late commits are left to the reconcile as before.
    if (serverStart !== null)
      picture.advanceWatermarks(serverStart - OVERLAP_MS, {
        conversations: !link,
        participants: scope.participants,
        statuses: scope.statuses,
      });
    const agents = { upsert: [...new Map([...statuses.upsert, ...units.upsert].map((row) => [row.id, row])).values()], remove: [] };
    const upsert = new Map([...delta.upsert, ...people.upsert].map((row) => [row.id, row]));
    for (const id of delta.remove) upsert.delete(id);
    const conversations = { upsert: [...upsert.values()], remove: delta.remove };
    const patch: FeedPatch = {};
    if (!isEmptyDelta(conversations)) patch.conversations = conversations;
    if (!isEmptyDelta(agents)) patch.agents = agents;
    if (Object.keys(patch).length > 0) deps.emit(patch);
    return succeeded(undefined);
  }

  return {
    conversation: (id: string): Conversation | undefined => picture.conversation(id),
    conversations: () => picture.conversationList(),
    agents: () => picture.agentList(),
    queues: () => picture.queues,
    rowIssues: () => rowIssues,
    conversationCount: (): number => picture.conversationCount(),
    /** The next poll re-reads everything (a manual refresh). */
    requestFull(): void {
      fullRequested = true;
    },
    /**
     * One poll: a full load at first or when asked for, a reconcile when one is due, an incremental read otherwise.
     * `full` says the poll was long by nature (a full load or a reconcile).
     */
    async poll(transport: DataverseTransport, userId: string): Promise<Result<{ full: boolean }>> {
      const whole = fullRequested || lastFullAt === 0;
      const full = whole || deps.now() - lastFullAt >= RECONCILE_MS;
      fullRequested = false;
      const result = whole ? await fullLoad(transport, userId) : full ? await reconcile(transport, userId) : await incremental(transport);
      deps.counters.polls++;
      return result.ok ? succeeded({ full }) : failed(result.failure);
    },
    /** Re-read one conversation for the action runner; null when it closed or is gone. */
    async reread(transport: DataverseTransport, id: string): Promise<Conversation | null> {
      const result = await rereadConversation(transport, id);
      if (!result.ok) throw new Error(`Could not re-read the conversation: ${result.failure.message}`);
      const { delta, conversation } = picture.applyReread(result.value.row, id, result.value.participants, deps.now());
      if (!isEmptyDelta(delta)) deps.emit({ conversations: delta });
      return conversation;
    },
    /** Drop everything (another org or user); the views are told every row is gone. */
    reset(): void {
      const before = picture;
      picture = new LivePicture();
      lastFullAt = 0;
      [tracking, deltaLink] = ['unknown', null];
      const removed = before.conversationList().map((row) => row.id);
      const removedAgents = before.agentList().map((row) => row.id);
      deps.emit({ conversations: { upsert: [], remove: removed }, agents: { upsert: [], remove: removedAgents }, queues: [] });
    },
    /** What a restarted worker needs to resume within one interval, without a full reload. */
    persisted(): PersistedPicture {
      return { lastFullAt, rowIssues, model: picture.toData(), tracking, deltaLink };
    },
    restore(saved: PersistedPicture): void {
      picture = LivePicture.fromData(saved.model);
      lastFullAt = saved.lastFullAt;
      rowIssues = saved.rowIssues;
      tracking = saved.tracking;
      deltaLink = saved.deltaLink;
    },
  };
}
export type PictureSync = ReturnType<typeof createPictureSync>;
