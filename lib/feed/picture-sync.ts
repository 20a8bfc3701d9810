import type { Conversation } from '../model/conversation';
import type { FeedPatch, RowIssue } from '../model/feed-state';
import type { FeedCounters } from '../dataverse/counters';
import type { DataverseTransport } from '../dataverse/transport';
import { failed, succeeded, type Result } from '../dataverse/result';
import { isEmptyDelta } from './diff';
import { LivePicture } from './live-picture';
import { readFull } from './read-full';
import { latestModified, readChanges } from './read-changes';
import { deltaRequest, readTracked, startTracking, type TrackedChanges } from './change-tracking';
import { rereadConversation } from './reread';
import type { Persisted } from './persisted';

/**
 * How often the whole picture is re-read to catch anything the incremental reads missed. The watermark overlap
 * already catches late commits, so this is a safety net, priced against the platform's request budget.
 */
export const RECONCILE_MS = 600_000;
/**
 * Conversations are read on every poll; agent presence every fourth and session participants (monitor, consult,
 * pending transfer) every sixth, which keeps one open view under 40 requests a minute at the 3 s interval.
 */
const STATUS_EVERY_N_POLLS = 4;
const PARTICIPANTS_EVERY_N_POLLS = 6;
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
}

/**
 * The live picture kept in step with the platform: a full load (at start and every RECONCILE_MS, or on request),
 * then incremental reads by watermark or, where the org tracks changes, by delta link; rereads of one conversation
 * for the actions; and what a restarted worker needs to resume without a full reload.
 */
export function createPictureSync(deps: PictureSyncDeps) {
  let picture = new LivePicture();
  let lastFullAt = 0;
  let fullRequested = false;
  let incrementalPolls = 0;
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
    const result = await readFull(transport, userId);
    if (!result.ok) return result;
    noteIssues(result.value.issues);
    const now = deps.now();
    const { conversations, agents, queues } = picture.replaceAll(result.value, now);
    const marks = picture.watermarks;
    marks.conversations ??= await latestModified(transport, 'msdyn_ocliveworkitems');
    marks.participants ??= await latestModified(transport, 'msdyn_sessionparticipants');
    marks.agentStatuses ??= await latestModified(transport, 'msdyn_agentstatuses');
    lastFullAt = now;
    deps.emit({ queues, ...(isEmptyDelta(conversations) ? {} : { conversations }), ...(isEmptyDelta(agents) ? {} : { agents }) });
    if (tracking !== 'off' && !deltaLink) {
      const tracked = await startTracking(transport);
      // A fault here only postpones the detection to the next full load.
      if (tracked.ok) applyTracked(tracked.value, tracked.value.issues);
    }
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
    const n = incrementalPolls++;
    const scope = { statuses: n % STATUS_EVERY_N_POLLS === 0, participants: n % PARTICIPANTS_EVERY_N_POLLS === 0 };
    const result = await readChanges(transport, picture.watermarks, link !== null, scope);
    if (!result.ok) return result;
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
    const agents = picture.applyAgentStatuses(result.value.statuses, now);
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
    hasData: (): boolean => picture.conversationList().length > 0,
    /** The next poll re-reads everything (a manual refresh). */
    requestFull(): void {
      fullRequested = true;
    },
    /** One poll: a full load when one is due or asked for, an incremental read otherwise. */
    async poll(transport: DataverseTransport, userId: string): Promise<Result<{ full: boolean }>> {
      const full = fullRequested || lastFullAt === 0 || deps.now() - lastFullAt >= RECONCILE_MS;
      fullRequested = false;
      const result = full ? await fullLoad(transport, userId) : await incremental(transport);
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
