import type { Access } from '../model/access';
import type { ActionRecord } from '../model/actions';
import type { Conversation } from '../model/conversation';
import type { FeedPatch, FeedState } from '../model/feed-state';
import type { Freshness } from '../model/freshness';
import type { EffectiveSettings } from '../model/settings';
import { NO_WRITE_ROUTE, UNKNOWN_WORKSPACE, type WorkspaceState, type WriteRoute } from '../model/workspace';
import type { DataverseTransport } from '../dataverse/transport';
import type { Failure } from '../dataverse/result';
import type { FeedCounters } from '../dataverse/counters';
import type { OrgProfile } from '../discovery/org-profile';
import { createAccessMonitor, type AccessMonitor } from './access-monitor';
import * as fresh from './freshness';
import type { Persisted } from './persisted';
import { createPictureSync, type PictureSync } from './picture-sync';
import { createPollScheduler, type Demand, type PollScheduler } from './poll-scheduler';
import { createRequestPace } from './request-pace';
import { PackedTooLarge } from '../storage/packed';
import { createSavePace } from '../storage/save-pace';

/** Action records kept for the log. */
const RECENT_ACTIONS = 50;

export interface FeedControllerDeps {
  resolveOrg: () => Promise<string | null>;
  /** True when the managed policy lists its orgs and this one is not among them. */
  isOrgBlocked: (org: string) => boolean;
  transportFor: (org: string) => DataverseTransport;
  settings: () => EffectiveSettings;
  counters: FeedCounters;
  /** storage.session in the extension: validated on read, null when there is nothing usable. */
  storage: { load(): Promise<Persisted | null>; save(value: Persisted): Promise<void> };
  publish(patch: FeedPatch): void;
  /** Resolves once the views on screen have drawn what was published so far (absent: at once). */
  viewsDrawn?: () => Promise<void>;
  /** What the org is: its action contract and the change-tracking decision (lib/discovery); absent, our reading holds. */
  orgProfile?: Pick<OrgProfile, 'signedIn' | 'ensure' | 'current' | 'trackingAllowed' | 'trackingFailed'>;
  now?: () => number;
  schedule?: (run: () => void, ms: number) => () => void;
  random?: () => number;
  log?: (line: string) => void;
}

const timeout = (run: () => void, ms: number) => {
  const handle = setTimeout(run, ms);
  return () => clearTimeout(handle);
};

/**
 * The one live picture, wired from three parts: the access monitor settles who the user is (org, policy, roles,
 * switches), picture sync reads the platform into the picture, and the poll scheduler decides when the next cycle
 * runs. This controller runs the cycle, keeps stale data on failure and says so in `freshness`, and is what the
 * worker and the action runner talk to.
 */
export class FeedController {
  private readonly now: () => number;
  private readonly schedule: (run: () => void, ms: number) => () => void;
  private readonly log: (line: string) => void;
  private readonly access: AccessMonitor;
  private readonly sync: PictureSync;
  private readonly scheduler: PollScheduler;
  private freshness: Freshness;
  private actions: ActionRecord[] = [];
  private routes: { workspace: WorkspaceState; writeRoute: WriteRoute } = { workspace: UNKNOWN_WORKSPACE, writeRoute: NO_WRITE_ROUTE };
  private running: Promise<void> | null = null;
  /** A sooner cycle asked for while one ran (an org change, an action): asked again right after, not a whole interval later. */
  private askedWhileRunning: (() => void) | null = null;
  private cancelAging: (() => void) | null = null;
  private started: Promise<void> | null = null;
  /** Saving after every poll left the worker busy half the time at 10,000 ongoing, and the polls 4 s apart. */
  private readonly savePace: ReturnType<typeof createSavePace>;
  private wholeReadUnsaved = false;

  constructor(private readonly deps: FeedControllerDeps) {
    this.now = deps.now ?? Date.now;
    this.schedule = deps.schedule ?? timeout;
    this.log = deps.log ?? ((line) => console.warn(line));
    const emit = (patch: FeedPatch) => deps.publish(patch);
    const profile = deps.orgProfile;
    this.sync = createPictureSync({
      counters: deps.counters,
      now: this.now,
      emit,
      log: this.log,
      viewsDrawn: deps.viewsDrawn,
      tracking: profile && {
        allowed: (transport) => profile.trackingAllowed(transport),
        failed: (transport, failure) => profile.trackingFailed(transport, failure),
      },
    });
    this.access = createAccessMonitor({
      resolveOrg: deps.resolveOrg,
      isOrgBlocked: deps.isOrgBlocked,
      transportFor: deps.transportFor,
      settings: deps.settings,
      now: this.now,
      changed: (access) => emit({ access }),
      hasData: () => this.sync.conversationCount() > 0,
      resetData: () => this.sync.reset(),
      signedIn: profile && ((transport) => void profile.signedIn(transport)),
    });
    // Every request of the extension goes through a transport that counts it: the budget covers them all.
    const pace = createRequestPace({ now: this.now, requests: () => deps.counters.requests });
    this.scheduler = createPollScheduler({
      visibleIntervalMs: () => deps.settings().values.pollIntervalSeconds * 1000,
      cycleMs: () => pace.cycleMs(),
      run: () => {
        pace.cycleStarted();
        void this.runCycle();
      },
      now: this.now,
      schedule: this.schedule,
      random: deps.random ?? Math.random,
    });
    this.freshness = fresh.connecting(this.scheduler.intervalMs());
    this.savePace = createSavePace(this.now);
  }

  /** Restore what a previous worker left in storage.session, then start polling if anyone is watching. */
  start(): Promise<void> {
    this.started ??= (async () => {
      const persisted = await this.deps.storage.load();
      if (persisted) {
        this.sync.restore(persisted);
        this.access.restore(persisted.access);
        this.freshness = persisted.freshness;
        this.actions = persisted.actions;
      }
      this.scheduler.runIn(0);
    })();
    return this.started;
  }

  snapshot(): FeedState {
    return {
      access: this.access.current(),
      freshness: this.freshness,
      settings: this.deps.settings(),
      conversations: this.sync.conversations(),
      agents: this.sync.agents(),
      queues: [...this.sync.queues()],
      actions: this.actions,
      rowIssues: this.sync.rowIssues(),
      paused: this.scheduler.paused,
      ...this.routes,
      contract: this.deps.orgProfile?.current() ?? null,
    };
  }

  currentAccess(): Access {
    return this.access.current();
  }
  conversation(id: string): Conversation | undefined {
    return this.sync.conversation(id);
  }
  conversations() {
    return this.sync.conversations();
  }
  agents() {
    return this.sync.agents();
  }
  queues() {
    return this.sync.queues();
  }

  /** The transport to the org in use, once the user is known to be a supervisor there. */
  transport(): DataverseTransport | null {
    return this.access.transport();
  }

  /** How many views are open and whether any is visible: sets the poll interval (none open: no polling). */
  setDemand(demand: Demand): void {
    this.scheduler.setDemand(demand);
    this.updateInterval();
  }

  pause(): void {
    this.scheduler.pause();
    this.setFreshness(fresh.paused(this.freshness));
    this.deps.publish({ paused: true });
  }

  resume(): void {
    this.deps.publish({ paused: false });
    this.scheduler.resume();
  }

  /**
   * A manual refresh: a full re-read now, the org's switches with it. If one is running, callers share it; it never
   * runs twice at once.
   */
  refresh(): Promise<void> {
    this.access.askSwitches();
    if (this.running) return this.running;
    this.sync.requestFull();
    return this.runCycle();
  }

  /** The workspace was (re)loaded: the user or org may have changed, so run the role check on the next cycle. */
  recheckAccess(): void {
    this.access.recheck();
    this.sooner(() => this.scheduler.asSoonAsAllowed(), true);
  }

  /**
   * A workspace tab closed or moved, or the org list in the settings changed. If that changes the org in use, it is
   * settled as soon as the platform allows (a spent request budget does not hold back "no org" or another org's
   * sign-in); otherwise nothing is sent.
   */
  async orgSourcesChanged(): Promise<void> {
    // Before the restored state is in, the first cycle settles the org anyway.
    if (!this.started) return;
    await this.started;
    const org = await this.deps.resolveOrg();
    if (org !== this.access.current().org) this.recheckAccess();
  }

  /** The org changed under the same user (its version moved): the next poll, as soon as allowed, reads it whole. */
  reloadWhole(): void {
    this.sync.requestFull();
    this.sooner(() => this.scheduler.asSoonAsAllowed(), true);
  }

  /** Ask for an incremental poll soon (after an action), sooner than the interval would. */
  pollSoon(delayMs = 500): void {
    this.sooner(() => this.scheduler.soon(delayMs), false);
  }

  /** Re-read one conversation from the platform for the action runner; null when it closed or is gone. */
  refreshConversation(id: string): Promise<Conversation | null> {
    const transport = this.transport();
    if (!transport) return Promise.reject(new Error('No org to read from'));
    return this.sync.reread(transport, id);
  }

  /** The action log from the action runner (whole, newest first), shown to every view. */
  publishActions(records: readonly ActionRecord[]): void {
    this.actions = records.slice(0, RECENT_ACTIONS);
    this.deps.publish({ actions: this.actions });
  }

  /** The workspace tab and the way writes take, from the transport router, shown to every view. */
  publishRoutes(workspace: WorkspaceState, writeRoute: WriteRoute): void {
    this.routes = { workspace, writeRoute };
    this.deps.publish({ workspace, writeRoute });
  }

  /** Settings changed (user or policy): new interval, new policy limits. */
  settingsChanged(): void {
    const settings = this.deps.settings();
    this.deps.publish({ settings });
    this.access.settingsChanged(settings);
    this.updateInterval();
    this.scheduler.intervalChanged();
  }

  /** Milliseconds since the last successful poll (or since start), for diagnostics. */
  staleness(): number {
    const last = this.freshness.lastSuccessAt;
    this.deps.counters.stalenessMs = last === null ? 0 : this.now() - last;
    return this.deps.counters.stalenessMs;
  }

  /**
   * A cycle asked for sooner than the interval. During a cycle the ask would be lost (that cycle's end schedules the
   * next after a whole interval), so the same ask is made again when it ends: an org change still goes as soon as the
   * platform allows, an action's poll still waits for the budget. Of two asks, the one made with no wait wins.
   */
  private sooner(ask: () => void, urgent: boolean): void {
    if (this.running && (urgent || !this.askedWhileRunning)) this.askedWhileRunning = ask;
    ask();
  }

  private runCycle(): Promise<void> {
    this.running ??= this.cycle()
      .catch((error: unknown) => this.log(`Floorwalker: feed cycle failed: ${error instanceof Error ? error.stack : String(error)}`))
      .finally(() => {
        this.running = null;
        this.cancelAging?.();
        const ask = this.askedWhileRunning;
        this.askedWhileRunning = null;
        ask?.();
      });
    return this.running;
  }

  private async cycle(): Promise<void> {
    const interval = this.scheduler.intervalMs();
    this.cancelAging = this.schedule(() => this.setFreshness(fresh.aged(this.freshness, this.now())), Math.max(3 * interval, 10_000) + 1);
    const gate = await this.access.settle();
    if (gate.kind === 'wait') return this.scheduler.runIn(gate.ms);
    if (gate.kind === 'failed') return this.failed(gate.failure);
    if (this.scheduler.paused) return;
    // A worker that restarted after sign-in still needs to know the org (from storage, or by asking it, once).
    void this.deps.orgProfile?.ensure(gate.transport);

    const pollStartedAt = this.now();
    const result = await this.sync.poll(gate.transport, this.access.current().userId ?? '');
    if (!result.ok) return this.failed(result.failure);
    // Only after a good poll: while the org is failing, no extra request goes to it.
    await this.access.rereadSwitchesIfDue(gate.transport);
    // A whole re-read is long by nature; an incremental poll that took this long means the platform is slow.
    this.setFreshness(fresh.succeeded(this.now(), this.scheduler.intervalMs(), result.value.full ? 0 : this.now() - pollStartedAt));
    this.staleness();
    this.scheduler.succeeded();
    // Not awaited, and after the next poll is timed: packing the picture takes the worker ~0.7 s at 10,000 ongoing,
    // and a cycle that waited for it put that much more time before its next poll once a minute. A whole read is
    // saved with the poll after it: packing it at once (~1 s at 50,000) took the CPU the views needed to draw the
    // list it had just sent. Its size in conversations: a picture the store refused is not packed again until smaller.
    const size = this.sync.conversationCount();
    if (result.value.full) this.wholeReadUnsaved = true;
    else if (this.savePace.due(this.wholeReadUnsaved, size)) {
      this.wholeReadUnsaved = false;
      void this.persist(size);
    }
  }

  /** Keep the data, say what went wrong, and let the scheduler pick the next try. */
  private failed(failure: Failure): void {
    const now = this.now();
    const delay = this.scheduler.failed(failure);
    if (failure.kind === 'signedOut') this.access.signedOut(failure.message);
    this.setFreshness(fresh.failed(this.freshness, failure.kind, now, failure.kind === 'signedOut' ? null : now + delay));
  }

  private updateInterval(): void {
    this.setFreshness(fresh.withInterval(this.freshness, this.scheduler.intervalMs()));
  }

  private setFreshness(freshness: Freshness): void {
    if (JSON.stringify(freshness) === JSON.stringify(this.freshness)) return;
    this.freshness = freshness;
    this.deps.publish({ freshness });
  }

  private async persist(size: number): Promise<void> {
    const value: Persisted = {
      version: 1,
      access: this.access.current(),
      freshness: this.freshness,
      actions: this.actions,
      ...this.sync.persisted(),
    };
    await this.deps.storage.save(value).catch((error: unknown) => {
      if (error instanceof PackedTooLarge) this.savePace.refused(size);
      this.log(`Floorwalker: snapshot not saved: ${String(error)}`);
    });
  }
}
