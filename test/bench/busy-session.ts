/**
 * The busy org (10,000 ongoing at its start) with the built extension in Chromium, signed in as a supervisor:
 * cold starts; a one-view window (the workspace tab's overlay alone) long enough to hold every periodic read, in
 * which freshness runs take place; then, once the other org's session has ended, long tasks in the overlay; then the
 * side panel (warm open, long tasks); then ten views for the same length of time as a slice of the one-view window;
 * then no view at all (the overlay turned off in the options page), when only alerts keep the feed polling.
 */
import type { Frame, Page } from 'puppeteer';
import { conversationChanges, createWriter, pendingTransfers, presenceChanges, type Writer } from './changes';
import { summarizeFreshness, type FreshnessFigures, type FreshnessRun } from './freshness';
import type { Org } from './org';
import { Probe } from './page-probe';
import { pendingTransferText } from './product';
import { seeded } from './stats';
import { sleep } from './time-box';
import type { WindowFigures } from './traffic';
import {
  coldStarts,
  longTasksWhileUpdating,
  ongoingCount,
  waitForWholeList,
  windowOf,
  type ColdStart,
  type LongTaskFigures,
  type Neighbour,
} from './view-phases';

export interface BusyPlan {
  coldStarts: number;
  /** The one-view window, from the whole list on screen. */
  oneViewMs: number;
  freshnessRuns: number;
  conversationChanges: number;
  presenceChanges: number;
  pendingTransfers: number;
  changesPerSecond: number;
  missAfterMs: number;
  longTaskMs: number;
  tenViewsMs: number;
  noViewMs: number;
}

export interface BusyFigures {
  chromium: string;
  /** Ongoing conversations when the one-view window started and ended (the busy org's traffic closes more than it opens). */
  ongoing: { atStart: number; atEnd: number };
  oneView: WindowFigures;
  freshness: {
    conversation: FreshnessFigures;
    presence: FreshnessFigures;
    participant: FreshnessFigures;
    /** The same changes measured with one view, just before the ten views (the comparison's baseline). */
    withOneViewBefore: FreshnessFigures;
    withTenViews: FreshnessFigures;
    failedWrites: number;
  };
  /** null: that phase did not run (see `notes`). */
  longTasks: { overlay: LongTaskFigures | null; sidePanel: LongTaskFigures | null; overlayBehindSidePanel: LongTaskFigures | null };
  /** Side panel opened (navigation start) → the whole list in it, the worker already holding the picture. */
  warmPanelMs: number | null;
  heapMb: { overlay: number | null; sidePanel: number | null; worker: number | null };
  tenViews: { views: number; window: WindowFigures; oneViewBefore: WindowFigures } | null;
  noView: WindowFigures | null;
  /** What affected the figures: phases the other org's large read overlapped, phases that failed. */
  notes: string[];
}

export interface BusyResult {
  /** Every cold start, the kept session's last. */
  cold: ColdStart[];
  /** The rest, when the kept session showed the whole list. */
  figures: BusyFigures | null;
  /** Why the rest was not measured. */
  reason: string | null;
}

const COLD_LIMIT_MS = 120_000;
const WARM_LIMIT_MS = 60_000;
const SETTLE_MS = 15_000;

const firstLine = (error: unknown) => (error instanceof Error ? error.message : String(error)).split('\n')[0]!.slice(0, 200);

/** Limits generous enough for a loaded 2-core machine, where rendering a view's rows can hold the page for seconds. */
const TAB_LIMIT_MS = 60_000;

async function clickTab(frame: Frame, name: 'Conversations' | 'Agents'): Promise<void> {
  await (await frame.waitForSelector(`[role="tab"]::-p-text(${name})`, { timeout: TAB_LIMIT_MS }))!.click();
  if (name === 'Agents') await frame.waitForSelector('.fw-agent-name', { timeout: TAB_LIMIT_MS });
  else await frame.waitForSelector('[role="grid"] [role="row"][id^="fw-row-"]', { timeout: TAB_LIMIT_MS });
}

class Phases {
  readonly notes: string[] = [];
  constructor(
    private readonly neighbour: Neighbour,
    private readonly log: (line: string) => void,
  ) {}

  /** A timed phase; when it fails, the failure is noted and `fallback` stands in, so later phases still run. */
  async run<T>(name: string, phase: () => Promise<T>, fallback: T): Promise<T> {
    try {
      return await this.neighbour.timed(name, phase);
    } catch (error) {
      this.notes.push(`${name} failed: ${firstLine(error)}`);
      this.log(`busy: ${name} failed: ${firstLine(error)}`);
      return fallback;
    }
  }
}

const NOTHING = { samples: [], failedWrites: 0 };

async function freshnessRun(frame: Frame, writer: Writer, plan: BusyPlan, seed: number, phases: Phases, log: (line: string) => void) {
  const probe = new Probe(frame);
  const random = seeded(seed);
  const base = { probe, writer, random, perSecond: plan.changesPerSecond, missAfterMs: plan.missAfterMs, label: `r${seed}`, log };
  const conversation = await phases.run(
    `freshness run ${seed} (conversations)`,
    async () => {
      // The conversations tab in front, whatever an earlier phase left there.
      await clickTab(frame, 'Conversations');
      return conversationChanges({ ...base, count: plan.conversationChanges });
    },
    NOTHING,
  );
  const presence = await phases.run(
    `freshness run ${seed} (presence)`,
    async () => {
      const [agents, presences] = await Promise.all([writer.agents(), writer.presences()]);
      await clickTab(frame, 'Agents');
      try {
        return await presenceChanges({ ...base, count: plan.presenceChanges, agents, presences });
      } finally {
        await clickTab(frame, 'Conversations');
      }
    },
    NOTHING,
  );
  const participant = await phases.run(
    `freshness run ${seed} (pending transfers)`,
    async () => {
      await clickTab(frame, 'Conversations');
      return pendingTransfers({ ...base, count: plan.pendingTransfers, frame, pendingText: pendingTransferText() });
    },
    NOTHING,
  );
  log(
    `busy: run ${seed}: ${conversation.samples.length} conversation changes, ${presence.samples.length} presence changes, ${participant.samples.length} pending transfers`,
  );
  return {
    run: { seed, samples: [...conversation.samples, ...presence.samples, ...participant.samples] } satisfies FreshnessRun,
    failedWrites: conversation.failedWrites + presence.failedWrites + participant.failedWrites,
  };
}

export async function measureBusy(
  org: Org,
  plan: BusyPlan,
  neighbour: Neighbour,
  log: (line: string) => void,
  duringNoView: () => Promise<void>,
): Promise<BusyResult> {
  const writer = await createWriter(org);
  const { session, cold, fullAt: t0 } = await coldStarts(org, plan.coldStarts, COLD_LIMIT_MS, (line) => log(`busy: ${line}`));
  const extra: Page[] = [];
  const phases = new Phases(neighbour, log);
  try {
    if (t0 === null) return { cold, figures: null, reason: `the overlay did not show the whole list within ${COLD_LIMIT_MS / 1000} s` };
    const ongoingAtStart = await ongoingCount(org);
    const overlay = await session.overlay();
    const overlayProbe = new Probe(overlay);

    // One view: the overlay. Freshness runs happen inside the window.
    const runs: FreshnessRun[] = [];
    let failedWrites = 0;
    for (let seed = 1; seed <= plan.freshnessRuns; seed++) {
      const { run, failedWrites: failed } = await freshnessRun(overlay, writer, plan, seed, phases, log);
      runs.push(run);
      failedWrites += failed;
    }
    const oneViewEnd = t0 + plan.oneViewMs;
    log(`busy: one-view window until ${new Date(oneViewEnd).toISOString().slice(11, 19)}`);
    await sleep(Math.max(0, oneViewEnd - Date.now()));
    const oneView = await windowOf(org, t0, oneViewEnd);
    const ongoing = { atStart: ongoingAtStart, atEnd: await ongoingCount(org) };
    log(`busy: one view: ${oneView.requestsPerMin.toFixed(1)} requests/min over ${(oneView.ms / 60_000).toFixed(1)} min`);

    // Long tasks, the other org's session ended (see `Neighbour.gone`): first the overlay alone, then the side panel.
    await neighbour.gone();
    const overlayTasks = await phases.run(
      'long tasks in the overlay',
      async () => (await longTasksWhileUpdating(overlay, [overlayProbe], writer, plan.longTaskMs, 101))[0]!,
      null,
    );
    log(
      `busy: longest task in the overlay while updating and scrolling: ${overlayTasks ? `${Math.round(overlayTasks.longestMs)} ms` : 'n/a'}`,
    );
    const overlayHeap = await session.heapMb('overlay').catch(() => null);

    // The side panel as a tab (the same document the browser's side panel shows): a second view.
    const sidePanel = await session.openExtensionPage('sidepanel.html');
    extra.push(sidePanel);
    const sidePanelProbe = new Probe(sidePanel);
    const openedAt = await sidePanel.evaluate(() => performance.timeOrigin);
    const warm = await waitForWholeList(sidePanelProbe, org, openedAt, WARM_LIMIT_MS);
    const behind = await phases.run(
      'long tasks in the side panel',
      () => longTasksWhileUpdating(sidePanel, [sidePanelProbe, overlayProbe], writer, plan.longTaskMs, 102),
      null,
    );
    log(
      `busy: longest task in the side panel: ${behind ? `${Math.round(behind[0]!.longestMs)} ms (overlay meanwhile: ${Math.round(behind[1]!.longestMs)} ms)` : 'n/a'}`,
    );
    const heapMb = {
      overlay: overlayHeap,
      sidePanel: await session.heapMb(sidePanel).catch(() => null),
      worker: await session.heapMb('worker').catch(() => null),
    };

    // Ten views against one, side by side in time: first the overlay alone (the side panel closed), then with four
    // more workspace tabs (each with its overlay) and five side panels, the first tab in front; each for the same
    // length of time, under the same writes. (A slice of the first window would start in the sign-in's request debt.)
    let tenViews: BusyFigures['tenViews'] = null;
    let oneRun = NOTHING as Awaited<ReturnType<typeof conversationChanges>>;
    let tenRun = NOTHING as Awaited<ReturnType<typeof conversationChanges>>;
    const measuredWindow = async (what: string, seed: number) => {
      await sleep(SETTLE_MS);
      const from = Date.now();
      const run = await phases.run(
        `freshness with ${what}`,
        () =>
          conversationChanges({
            probe: overlayProbe,
            writer,
            random: seeded(seed),
            count: plan.conversationChanges,
            perSecond: plan.changesPerSecond,
            missAfterMs: plan.missAfterMs,
            label: what,
            log,
          }),
        NOTHING,
      );
      await sleep(Math.max(0, from + plan.tenViewsMs - Date.now()));
      return { run, window: await windowOf(org, from, from + plan.tenViewsMs) };
    };
    try {
      await sidePanel.close();
      extra.splice(extra.indexOf(sidePanel), 1);
      // The overlay's tab in front again (a view off screen holds its changes until it shows), its list at the top as
      // in the freshness runs (the long-task phase left it scrolled to the middle).
      await session.workspace.bringToFront();
      await overlayProbe.scrollGridToTop();
      const one = await measuredWindow('one view', 10);
      oneRun = one.run;
      for (let i = 0; i < 4; i++) extra.push(await session.openWorkspaceTab(), await session.openExtensionPage('sidepanel.html'));
      extra.push(await session.openExtensionPage('sidepanel.html'));
      await session.workspace.bringToFront();
      const ten = await measuredWindow('ten views', 11);
      tenRun = ten.run;
      tenViews = { views: 1 + extra.length, window: ten.window, oneViewBefore: one.window };
      log(`busy: ten views: ${ten.window.requestsPerMin.toFixed(1)} requests/min vs one view ${one.window.requestsPerMin.toFixed(1)}`);
    } catch (error) {
      phases.notes.push(`ten views failed: ${firstLine(error)}`);
    }
    for (const page of extra.splice(0)) await page.close();

    // No view: the overlay turned off where a user turns it off, and the workspace reloaded without it.
    let noView: WindowFigures | null = null;
    try {
      const options = await session.openExtensionPage('options.html');
      await (await options.waitForSelector('input#overlay', { timeout: 10_000 }))!.click();
      await (await options.waitForSelector('button[type="submit"]', { timeout: 10_000 }))!.click();
      await options.waitForSelector('::-p-text(Settings saved.)', { timeout: 10_000 });
      await options.close();
      await session.workspace.reload();
      if (
        await session.overlay(session.workspace, 5_000).then(
          () => true,
          () => false,
        )
      )
        throw new Error('the overlay still showed after it was turned off');
      await sleep(SETTLE_MS);
      const from = Date.now();
      await Promise.all([duringNoView(), sleep(plan.noViewMs)]);
      noView = await windowOf(org, from, from + plan.noViewMs);
      log(`busy: no view: ${noView.requestsPerMin.toFixed(1)} requests/min`);
    } catch (error) {
      phases.notes.push(`no view failed: ${firstLine(error)}`);
    }

    return {
      cold,
      reason: null,
      figures: {
        chromium: session.chromium,
        ongoing,
        oneView,
        freshness: {
          conversation: summarizeFreshness('conversation', runs, plan.missAfterMs),
          presence: summarizeFreshness('presence', runs, plan.missAfterMs),
          participant: summarizeFreshness('participant', runs, plan.missAfterMs),
          withOneViewBefore: summarizeFreshness('conversation', [{ seed: 10, samples: oneRun.samples }], plan.missAfterMs),
          withTenViews: summarizeFreshness('conversation', [{ seed: 11, samples: tenRun.samples }], plan.missAfterMs),
          failedWrites: failedWrites + oneRun.failedWrites + tenRun.failedWrites,
        },
        longTasks: { overlay: overlayTasks, sidePanel: behind?.[0] ?? null, overlayBehindSidePanel: behind?.[1] ?? null },
        warmPanelMs: warm.at === null ? null : warm.at - openedAt,
        heapMb,
        tenViews,
        noView,
        notes: [...neighbour.overlaps, ...phases.notes],
      },
    };
  } finally {
    for (const page of extra) await page.close().catch(() => undefined);
    await session.close();
  }
}
