import type { Access } from '../model/access';
import type { ActionRecord } from '../model/actions';
import type { Conversation } from '../model/conversation';
import type { FeedPatch, FeedState, RowIssue } from '../model/feed-state';
import type { Freshness } from '../model/freshness';
import type { EffectiveSettings } from '../model/settings';
import type { DataverseTransport } from '../dataverse/transport';
import type { Failure } from '../dataverse/result';
import { SUPERVISOR_FEATURES } from '../model/features';
import type { FeedCounters } from '../dataverse/counters';
import { backoffDelay, DEFAULT_BACKOFF, type BackoffPolicy } from '../dataverse/backoff';
import { checkAccess, initialAccess, readOrgSwitches } from '../access/check-access';
import { policyAllowedActions } from '../policy/locks';
import { FeedModel } from './feed-model';
import { isEmptyDelta } from './diff';
import { readFull } from './read-full';
import { latestModified, readChanges } from './read-changes';
import { deltaRequest, readTracked, startTracking, type TrackedChanges } from './change-tracking';
import { rereadConversation } from './reread';
import * as fresh from './freshness';
import { parsePersisted, type Persisted } from './persisted';

/**
 * How often the whole picture is re-read to catch anything the incremental reads missed. The watermark overlap
 * already catches late commits, so this is a safety net, priced against the platform budget (issue 10).
 */
export const RECONCILE_MS = 600_000;
/**
 * Conversations are read on every poll; agent presence every fourth and session participants (monitor, consult,
 * pending transfer) every sixth, which keeps one open view under 40 requests a minute at the 3 s interval.
 */
export const STATUS_EVERY_N_POLLS = 4;
export const PARTICIPANTS_EVERY_N_POLLS = 6;
/** How often the role check runs again while all is well. */
export const ACCESS_RECHECK_MS = 300_000;
/** How often the org's supervisor switches are read again: an admin's change shows within half a minute. */
export const SWITCHES_RECHECK_MS = 30_000;
/** How often a signed-out or org-less worker looks again (one small request). */
export const PROBE_MS = 15_000;
/** Poll interval floor while views are open but none is visible. */
export const HIDDEN_INTERVAL_MS = 30_000;
/** Row issues kept for diagnostics (the count keeps growing). */
const RECENT_ISSUES = 20;
/** Action records kept for the log. */
const RECENT_ACTIONS = 50;

export interface FeedControllerDeps {
  resolveOrg(): Promise<string | null>;
  /** True when the managed policy lists its orgs and this one is not among them. */
  isOrgBlocked(org: string): boolean;
  transportFor(org: string): DataverseTransport;
  settings(): EffectiveSettings;
  counters: FeedCounters;
  storage: { load(): Promise<unknown>; save(value: Persisted): Promise<void> };
  publish(patch: FeedPatch): void;
  now?: () => number;
  schedule?: (run: () => void, ms: number) => () => void;
  random?: () => number;
  log?: (line: string) => void;
}

type Demand = { views: number; visible: boolean };

/**
 * The one live picture. Runs the role check, then a full load, then incremental polls on a timer that follows
 * demand (visible view: the set interval; hidden views: slower; no view: none), backs off on faults, obeys
 * Retry-After, keeps stale data on failure and says so in `freshness`. Each change goes out once, as a patch.
 */
export class FeedController {
  private readonly now: () => number;
  private readonly schedule: (run: () => void, ms: number) => () => void;
  private readonly random: () => number;
  private readonly log: (line: string) => void;
  private model = new FeedModel();
  private access: Access = initialAccess(null, 'checking');
  private freshness: Freshness;
  private actions: ActionRecord[] = [];
  private rowIssues: { count: number; recent: RowIssue[] } = { count: 0, recent: [] };
  private pausedByUser = false;
  private demand: Demand = { views: 0, visible: false };
  private lastFullAt = 0;
  private switchesReadAt = 0;
  private incrementalPolls = 0;
  private failures = 0;
  private waitUntil = 0;
  private running: Promise<void> | null = null;
  private fullRequested = false;
  private cancelTimer: (() => void) | null = null;
  private cancelAging: (() => void) | null = null;
  private started: Promise<void> | null = null;
  private accessDue = false;
  /** Change tracking on conversations: unknown until tried, then used (with its delta link) or not. */
  private tracking: Persisted['tracking'] = 'unknown';
  private deltaLink: string | null = null;

  constructor(private readonly deps: FeedControllerDeps) {
    this.now = deps.now ?? Date.now;
    this.schedule = deps.schedule ?? ((run, ms) => {
      const handle = setTimeout(run, ms);
      return () => clearTimeout(handle);
    });
    this.random = deps.random ?? Math.random;
    this.log = deps.log ?? ((line) => console.warn(line));
    this.freshness = fresh.connecting(this.intervalMs());
  }

  /** Restore what a previous worker left in storage.session, then start polling if anyone is watching. */
  start(): Promise<void> {
    this.started ??= (async () => {
      const persisted = parsePersisted(await this.deps.storage.load().catch(() => undefined));
      if (persisted) {
        this.model = FeedModel.fromData(persisted.model);
        this.access = persisted.access;
        this.freshness = persisted.freshness;
        this.lastFullAt = persisted.lastFullAt;
        this.rowIssues = persisted.rowIssues;
        this.actions = persisted.actions;
        this.tracking = persisted.tracking;
        this.deltaLink = persisted.deltaLink;
      }
      this.reschedule(0);
    })();
    return this.started;
  }

  snapshot(): FeedState {
    return {
      access: this.access,
      freshness: this.freshness,
      settings: this.deps.settings(),
      conversations: this.model.conversationList(),
      agents: this.model.agentList(),
      queues: [...this.model.queues],
      actions: this.actions,
      rowIssues: this.rowIssues,
      paused: this.pausedByUser,
    };
  }

  currentAccess(): Access {
    return this.access;
  }
  conversation(id: string): Conversation | undefined {
    return this.model.conversation(id);
  }
  agents() {
    return this.model.agentList();
  }
  queues() {
    return this.model.queues;
  }

  /** The transport to the org in use, once the user is known to be a supervisor there. */
  transport(): DataverseTransport | null {
    return this.access.state === 'supervisor' && this.access.org ? this.deps.transportFor(this.access.org) : null;
  }

  /** How many views are open and whether any is visible: sets the poll interval (none open: no polling). */
  setDemand(demand: Demand): void {
    const wasIdle = this.demand.views === 0;
    const slower = !demand.visible && this.demand.visible;
    this.demand = demand;
    this.updateInterval();
    if (wasIdle && demand.views > 0) this.reschedule(0);
    else if (!slower) this.reschedule(this.delayAfterSuccess());
  }

  pause(): void {
    this.pausedByUser = true;
    this.cancelTimer?.();
    this.setFreshness(fresh.paused(this.freshness));
    this.emit({ paused: true });
  }

  resume(): void {
    this.pausedByUser = false;
    this.emit({ paused: false });
    this.reschedule(0);
  }

  /** A manual refresh: a full re-read now. If one is running, callers share it; it never runs twice at once. */
  refresh(): Promise<void> {
    if (this.running) return this.running;
    this.fullRequested = true;
    return this.runCycle();
  }

  /** The workspace was (re)loaded: the user or org may have changed, so run the role check on the next cycle. */
  recheckAccess(): void {
    this.accessDue = true;
    this.reschedule(Math.max(0, this.waitUntil - this.now()));
  }

  /** Ask for an incremental poll soon (after an action), sooner than the interval would. */
  pollSoon(delayMs = 500): void {
    this.reschedule(Math.max(delayMs, this.waitUntil - this.now()));
  }

  /** Re-read one conversation from the platform for the action runner; null when it closed or is gone. */
  async refreshConversation(id: string): Promise<Conversation | null> {
    const transport = this.transport();
    if (!transport) throw new Error('No org to read from');
    const result = await rereadConversation(transport, id);
    if (!result.ok) throw new Error(`Could not re-read the conversation: ${result.failure.message}`);
    const { delta, conversation } = this.model.applyReread(result.value.row, id, result.value.participants, this.now());
    if (!isEmptyDelta(delta)) this.emit({ conversations: delta });
    return conversation;
  }

  /** The action log from the action runner (whole, newest first), shown to every view. */
  publishActions(records: readonly ActionRecord[]): void {
    this.actions = records.slice(0, RECENT_ACTIONS);
    this.emit({ actions: this.actions });
    void this.persist();
  }

  /** Settings changed (user or policy): new interval, new policy limits. */
  settingsChanged(): void {
    const settings = this.deps.settings();
    this.emit({ settings });
    if (this.access.state === 'supervisor') this.setAccess({ ...this.access, policyAllows: policyAllowedActions(settings) });
    this.updateInterval();
    this.reschedule(this.delayAfterSuccess());
  }

  /** Milliseconds since the last successful poll (or since start), for diagnostics. */
  staleness(): number {
    const last = this.freshness.lastSuccessAt;
    this.deps.counters.stalenessMs = last === null ? 0 : this.now() - last;
    return this.deps.counters.stalenessMs;
  }

  private runCycle(): Promise<void> {
    this.running ??= this.cycle()
      .catch((error: unknown) => this.log(`Floorwalker: feed cycle failed: ${error instanceof Error ? error.stack : String(error)}`))
      .finally(() => {
        this.running = null;
        this.cancelAging?.();
      });
    return this.running;
  }

  /** One small read of the org's switches; a failure here is left to the next poll to report. */
  private async rereadSwitches(transport: DataverseTransport): Promise<void> {
    this.switchesReadAt = this.now();
    const read = await readOrgSwitches(transport);
    if (!read.ok) return;
    const orgSwitches = read.value;
    const before = this.access.orgSwitches;
    if (SUPERVISOR_FEATURES.some((feature) => before[feature] !== orgSwitches[feature])) this.setAccess({ ...this.access, orgSwitches });
  }

  private async cycle(): Promise<void> {
    this.cancelAging = this.schedule(() => this.setFreshness(fresh.aged(this.freshness, this.now())), Math.max(3 * this.intervalMs(), 10_000) + 1);
    const org = await this.deps.resolveOrg();
    if (org !== this.access.org) this.switchOrg(org);
    if (!org) return this.reschedule(PROBE_MS);
    if (this.deps.isOrgBlocked(org)) {
      // The organisation's policy does not list this org: say so, and send it nothing.
      if (this.access.state !== 'blockedHost') this.setAccess(initialAccess(org, 'blockedHost'));
      if (this.model.conversationList().length > 0) this.resetData();
      return this.reschedule(ACCESS_RECHECK_MS);
    }
    if (this.access.state === 'blockedHost') this.accessDue = true;
    const transport = this.deps.transportFor(org);

    if (this.accessIsDue()) {
      this.accessDue = false;
      const check = await checkAccess(transport, policyAllowedActions(this.deps.settings()), this.now);
      const transient = check.failure !== null && check.failure.kind !== 'signedOut';
      if (transient && this.access.state === 'supervisor') {
        // A fault during a routine re-check: keep the last good answer and try the check again soon.
        this.access = { ...this.access, checkedAt: this.now() - ACCESS_RECHECK_MS + PROBE_MS };
      } else {
        if (check.failure) {
          // Keep who we last knew the user to be, so a different user signing in later is noticed.
          this.setAccess({ ...this.access, state: check.access.state, message: check.access.message, checkedAt: check.access.checkedAt });
          return void this.onFailure(check.failure);
        }
        if (this.access.userId && check.access.userId !== this.access.userId) this.resetData();
        this.setAccess(check.access);
      }
    }
    if (this.access.state !== 'supervisor') {
      if (this.model.conversationList().length > 0) this.resetData();
      return this.reschedule(ACCESS_RECHECK_MS);
    }
    if (this.pausedByUser) return;

    const full = this.fullRequested || this.lastFullAt === 0 || this.now() - this.lastFullAt >= RECONCILE_MS;
    this.fullRequested = false;
    const pollStartedAt = this.now();
    const ok = full ? await this.fullLoad(transport) : await this.incremental(transport);
    this.deps.counters.polls++;
    if (!ok) return;
    // Only after a good poll: while the org is failing, no extra request goes to it.
    if (this.now() - Math.max(this.switchesReadAt, this.access.checkedAt ?? 0) >= SWITCHES_RECHECK_MS) await this.rereadSwitches(transport);
    this.failures = 0;
    // A whole re-read is long by nature; an incremental poll that took this long means the platform is slow.
    this.setFreshness(fresh.succeeded(this.now(), this.intervalMs(), full ? 0 : this.now() - pollStartedAt));
    this.staleness();
    await this.persist();
    this.reschedule(this.delayAfterSuccess());
  }

  private async fullLoad(transport: DataverseTransport): Promise<boolean> {
    const result = await readFull(transport, this.access.userId ?? '');
    if (!result.ok) return this.onFailure(result.failure);
    this.noteIssues(result.value.issues);
    const now = this.now();
    const { conversations, agents, queues } = this.model.replaceAll(result.value, now);
    const marks = this.model.watermarks;
    marks.conversations ??= await latestModified(transport, 'msdyn_ocliveworkitems');
    marks.participants ??= await latestModified(transport, 'msdyn_sessionparticipants');
    marks.agentStatuses ??= await latestModified(transport, 'msdyn_agentstatuses');
    this.lastFullAt = now;
    this.emit({ queues, ...(isEmptyDelta(conversations) ? {} : { conversations }), ...(isEmptyDelta(agents) ? {} : { agents }) });
    if (this.tracking !== 'off' && !this.deltaLink) {
      const tracked = await startTracking(transport);
      // A fault here only postpones the detection to the next full load.
      if (tracked.ok) this.applyTracked(tracked.value, tracked.value.issues);
    }
    return true;
  }

  private applyTracked(changes: TrackedChanges, issues: readonly RowIssue[]): void {
    this.noteIssues(issues);
    this.tracking = changes.deltaLink ? 'on' : 'off';
    this.deltaLink = changes.deltaLink;
    const { delta } = this.model.applyConversations(changes.conversations, this.now());
    const deleted = this.model.applyDeleted(changes.deleted);
    const conversations = { upsert: delta.upsert, remove: [...delta.remove, ...deleted.remove] };
    if (!isEmptyDelta(conversations)) this.emit({ conversations });
  }

  private async incremental(transport: DataverseTransport): Promise<boolean> {
    const deltaLink = this.tracking === 'on' ? this.deltaLink : null;
    const n = this.incrementalPolls++;
    const scope = { statuses: n % STATUS_EVERY_N_POLLS === 0, participants: n % PARTICIPANTS_EVERY_N_POLLS === 0 };
    const result = await readChanges(transport, this.model.watermarks, deltaLink !== null, scope);
    if (!result.ok) return this.onFailure(result.failure);
    let tracked: TrackedChanges = { conversations: result.value.conversations, deleted: [], deltaLink };
    let trackedIssues: readonly RowIssue[] = [];
    if (deltaLink) {
      const read = await readTracked(transport, deltaRequest(deltaLink));
      if (!read.ok) {
        // An expired or refused delta token: go back to the watermark and start tracking again at the next full load.
        if (read.failure.kind === 'http') [this.tracking, this.deltaLink, this.lastFullAt] = ['unknown', null, 0];
        return this.onFailure(read.failure);
      }
      trackedIssues = read.value.issues;
      tracked = read.value;
    }
    // Participants of conversations that just arrived come with the next participants read (every few polls), which
    // covers every row added since its watermark: one read per new conversation would cost a request on most polls
    // of a busy org (issue 10). The conversation row itself already names its agent.
    const participants = result.value.participants;
    if (deltaLink) this.deltaLink = tracked.deltaLink ?? deltaLink;
    this.noteIssues([...trackedIssues, ...result.value.issues]);
    const now = this.now();
    const { delta: changed } = this.model.applyConversations(tracked.conversations, now);
    const delta = { upsert: changed.upsert, remove: [...changed.remove, ...this.model.applyDeleted(tracked.deleted).remove] };
    const people = this.model.applyParticipants(participants, now);
    const agents = this.model.applyAgentStatuses(result.value.statuses, now);
    const upsert = new Map([...delta.upsert, ...people.upsert].map((row) => [row.id, row]));
    for (const id of delta.remove) upsert.delete(id);
    const conversations = { upsert: [...upsert.values()], remove: delta.remove };
    const patch: FeedPatch = {};
    if (!isEmptyDelta(conversations)) patch.conversations = conversations;
    if (!isEmptyDelta(agents)) patch.agents = agents;
    if (Object.keys(patch).length > 0) this.emit(patch);
    return true;
  }

  /** Keep the data, say what went wrong, and pick the next try: Retry-After, sign-in probe, or backoff. */
  private onFailure(failure: Failure): false {
    this.failures++;
    const now = this.now();
    let delay: number;
    if (failure.kind === 'throttled' && failure.retryAt) delay = failure.retryAt - now;
    else if (failure.kind === 'signedOut') delay = PROBE_MS;
    else delay = Math.max(backoffDelay(this.failures, this.backoffPolicy(), this.random), failure.retryAt ? failure.retryAt - now : 0);
    // Only the platform's own window (Retry-After) holds back a re-check; a sign-in is looked for at once.
    this.waitUntil = failure.kind === 'signedOut' ? now : now + delay;
    if (failure.kind === 'signedOut' && this.access.state !== 'signedOut') this.setAccess({ ...this.access, state: 'signedOut', message: failure.message });
    this.setFreshness(fresh.failed(this.freshness, failure.kind, now, failure.kind === 'signedOut' ? null : now + delay));
    this.reschedule(delay);
    return false;
  }

  /**
   * Backoff never stretches past the poll interval: a failing poll costs the platform no more than a healthy one,
   * and the feed is live again within one interval of a fault ending (issue 9). The jitter still spreads browsers.
   */
  private backoffPolicy(): BackoffPolicy {
    const maxMs = this.intervalMs();
    return { baseMs: Math.min(DEFAULT_BACKOFF.baseMs, maxMs), maxMs };
  }

  private accessIsDue(): boolean {
    if (this.accessDue) return true;
    const { state, checkedAt } = this.access;
    if (state !== 'supervisor' && state !== 'notSupervisor') return true;
    return checkedAt === null || this.now() - checkedAt >= ACCESS_RECHECK_MS;
  }

  private switchOrg(org: string | null): void {
    this.resetData();
    this.setAccess(initialAccess(org));
  }

  private resetData(): void {
    const before = this.model;
    this.model = new FeedModel();
    this.lastFullAt = 0;
    [this.tracking, this.deltaLink] = ['unknown', null];
    const removed = before.conversationList().map((row) => row.id);
    const removedAgents = before.agentList().map((row) => row.id);
    this.emit({ conversations: { upsert: [], remove: removed }, agents: { upsert: [], remove: removedAgents }, queues: [] });
  }

  private intervalMs(): number {
    const visibleMs = this.deps.settings().values.pollIntervalSeconds * 1000;
    return this.demand.visible || this.demand.views === 0 ? visibleMs : Math.max(HIDDEN_INTERVAL_MS, visibleMs);
  }

  private updateInterval(): void {
    this.setFreshness(fresh.withInterval(this.freshness, this.intervalMs()));
  }

  private delayAfterSuccess(): number {
    return Math.max(this.intervalMs(), this.waitUntil - this.now());
  }

  /** One timer: the next cycle. Nothing is scheduled while paused or while no view is open. */
  private reschedule(ms: number): void {
    this.cancelTimer?.();
    this.cancelTimer = null;
    if (this.pausedByUser || this.demand.views === 0) return;
    this.cancelTimer = this.schedule(() => {
      this.cancelTimer = null;
      void this.runCycle();
    }, Math.max(0, ms));
  }

  private noteIssues(issues: readonly RowIssue[]): void {
    if (issues.length === 0) return;
    this.deps.counters.invalidRows += issues.length;
    for (const issue of issues) this.log(`Floorwalker: ${issue.entity} ${issue.id ?? '?'} left out: ${issue.field}: ${issue.message}`);
    this.rowIssues = { count: this.rowIssues.count + issues.length, recent: [...this.rowIssues.recent, ...issues].slice(-RECENT_ISSUES) };
    this.emit({ rowIssues: this.rowIssues });
  }

  private setAccess(access: Access): void {
    if (JSON.stringify(access) === JSON.stringify(this.access)) return;
    this.access = access;
    this.emit({ access });
  }

  private setFreshness(freshness: Freshness): void {
    if (JSON.stringify(freshness) === JSON.stringify(this.freshness)) return;
    this.freshness = freshness;
    this.emit({ freshness });
  }

  private emit(patch: FeedPatch): void {
    this.deps.publish(patch);
  }

  private async persist(): Promise<void> {
    const value: Persisted = {
      version: 1,
      access: this.access,
      freshness: this.freshness,
      lastFullAt: this.lastFullAt,
      rowIssues: this.rowIssues,
      actions: this.actions,
      model: this.model.toData(),
      tracking: this.tracking,
      deltaLink: this.deltaLink,
    };
    await this.deps.storage.save(value).catch((error: unknown) => this.log(`Floorwalker: snapshot not saved: ${String(error)}`));
  }
}
