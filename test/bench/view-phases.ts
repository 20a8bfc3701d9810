/**
 * Measurements both sessions take in a view: cold start (sign-in → the whole list in the overlay), the longest
 * main-thread task while rows update and the grid scrolls, and the guard that keeps timed phases apart from the
 * other org's heavy moments (both orgs run at once; their own processes, one machine).
 */
import type { Frame, Page } from 'puppeteer';
import { launchBrowser, SUPERVISOR, type BrowserSession } from './browser-session';
import { backgroundWrites, type Writer } from './changes';
import type { Org } from './org';
import { Probe, type RowCount } from './page-probe';
import { distribution, seeded, type Distribution } from './stats';
import { sleep } from './time-box';
import { bytesSent, windowFigures, type WindowFigures } from './traffic';
import { wholeListAt, type OngoingSample } from './whole-list';

/** Tasks at or over this are long tasks (the Long Tasks API's own threshold). */
const LONG_TASK_MS = 50;
/** Px the grid is scrolled every frame: a fast fling, a few rows a frame, through the whole list and back. */
const SCROLL_STEP_PX = 400;
/** Changes written a second while the grid scrolls, on top of the org's own traffic. */
const UPDATES_PER_SECOND = 2;

export interface ColdStart {
  /** Sign-in to the whole list in the overlay; null when it was not there within `limitMs`. */
  ms: number | null;
  limitMs: number;
  /** What the extension asked for and was sent meanwhile. */
  requests: number;
  bytes: number;
  /** Ongoing conversations on the platform at sign-in, and the most rows the overlay had counted by the end. */
  ongoing: number;
  rowsShown: number;
}

export interface LongTaskFigures {
  windowMs: number;
  longestMs: number;
  longTasks: number;
  scrollFrames: Distribution;
  updatesWritten: number;
}

export async function ongoingCount(org: Org): Promise<number> {
  const state = await org.control<{ conversations: { byQueue: Record<string, number> } }>('state');
  return Object.values(state.conversations.byQueue).reduce((sum, n) => sum + n, 0);
}

/** Waits until the probe's grid counts the whole list (whole-list.ts), asking the org for its count every second. */
export async function waitForWholeList(
  probe: Probe,
  org: Org,
  since: number,
  limitMs: number,
): Promise<{ at: number | null; ongoing: number; rowsShown: number }> {
  const samples: OngoingSample[] = [];
  let counts: RowCount[] = [];
  let at: number | null = null;
  while (at === null && Date.now() < since + limitMs) {
    samples.push({ at: Date.now(), ongoing: await ongoingCount(org) });
    counts = await probe.rowCounts(since);
    at = wholeListAt(counts, samples);
    if (at === null) await sleep(1_000);
  }
  return {
    at: at !== null && at - since <= limitMs ? at : null,
    ongoing: samples[0]?.ongoing ?? 0,
    rowsShown: Math.max(0, ...counts.map((count) => count.rows)),
  };
}

/** Signs in and waits for the overlay to count the whole list; the time comes from the page (its DOM change). */
export async function coldStart(session: BrowserSession, org: Org, limitMs: number): Promise<ColdStart & { fullAt: number | null }> {
  const signInAt = Date.now();
  await session.signIn();
  const shown = await waitForWholeList(new Probe(await session.overlay(session.workspace, limitMs)), org, signInAt, limitMs);
  const cost = await windowOf(org, signInAt, shown.at ?? Date.now());
  return {
    ms: shown.at === null ? null : shown.at - signInAt,
    limitMs,
    requests: cost.requests,
    bytes: cost.bytes,
    ongoing: shown.ongoing,
    rowsShown: shown.rowsShown,
    fullAt: shown.at,
  };
}

/**
 * Sign-in to the whole list, in a fresh browser each time (a wall-clock figure on a shared machine: one start is one
 * draw); the last browser is kept for the rest of the session.
 */
export async function coldStarts(
  org: Org,
  count: number,
  limitMs: number,
  log: (line: string) => void,
): Promise<{ session: BrowserSession; cold: ColdStart[]; fullAt: number | null }> {
  const cold: ColdStart[] = [];
  for (let i = 1; ; i++) {
    const session = await launchBrowser(org);
    try {
      const { fullAt, ...sample } = await coldStart(session, org, limitMs);
      cold.push(sample);
      log(
        `cold start ${i}: ${sample.ms === null ? `not within ${limitMs / 1000} s (${sample.rowsShown} rows shown)` : `${sample.ms} ms`} (${sample.ongoing} ongoing)`,
      );
      if (i >= count) return { session, cold, fullAt };
    } catch (error) {
      await session.close();
      throw error;
    }
    await session.close();
  }
}

/**
 * For `ms`: the grid in `view` scrolls every frame while the org's traffic and the bench's writes update rows; the
 * longest task of each `watched` document in that window (the view itself first).
 */
export async function longTasksWhileUpdating(
  view: Page | Frame,
  watched: readonly Probe[],
  writer: Writer,
  ms: number,
  seed: number,
): Promise<LongTaskFigures[]> {
  const ids = await writer.ongoingIds();
  const from = Date.now();
  const [frames, updatesWritten] = await Promise.all([
    new Probe(view).scrollGrid(SCROLL_STEP_PX, ms),
    backgroundWrites(writer, ids, seeded(seed), UPDATES_PER_SECOND, from + ms),
  ]);
  const to = Date.now();
  return Promise.all(
    watched.map(async (probe, i) => {
      const tasks = await probe.longTasks(from, to);
      return {
        windowMs: to - from,
        longestMs: tasks.reduce((max, task) => Math.max(max, task.duration), 0),
        longTasks: tasks.filter((task) => task.duration >= LONG_TASK_MS).length,
        scrollFrames: i === 0 ? distribution(frames) : distribution([]),
        updatesWritten,
      };
    }),
  );
}

/** Bytes a second over which an org counts as busy (reading a large list), for the guard below. */
const BUSY_BYTES_PER_SECOND = 200 * 1024;

/**
 * The other org's heavy moments (a 50,000-row read) load the machine. Timed phases wait for it to be quiet first,
 * and a phase it overlapped anyway is named in the results.
 */
export class Neighbour {
  readonly overlaps: string[] = [];
  /** Settles (never rejects) when the other org's session has ended, its browser closed; null: none is running. */
  private readonly ended: Promise<void> | null;
  private hasEnded = false;
  constructor(
    private readonly org: Org | null,
    private readonly log: (line: string) => void,
    session: Promise<unknown> | null = null,
  ) {
    const end = () => void (this.hasEnded = true);
    this.ended = session?.then(end, end) ?? null;
  }

  /**
   * Waits until the other org's session has ended. The long-task phases are timed with the machine to their own
   * browser, as the 50,000 one is: beside a second browser holding 50,000 rows, a 2-core machine's scroll frames
   * wait for a core, and the figure measures the neighbour rather than the panel.
   */
  async gone(): Promise<void> {
    if (!this.ended || this.hasEnded) return;
    this.log("waiting for the other org's session to end before the long-task phases");
    await this.ended;
  }

  private async busy(from: number, to: number): Promise<boolean> {
    if (!this.org) return false;
    return bytesSent(await this.org.traffic(from - 120_000), from, to) > (BUSY_BYTES_PER_SECOND * (to - from)) / 1000;
  }

  /** Waits (at most `limitMs`) until the other org has been quiet for 5 s. */
  async calm(limitMs = 300_000): Promise<void> {
    const deadline = Date.now() + limitMs;
    let told = false;
    while (Date.now() < deadline && (await this.busy(Date.now() - 5_000, Date.now()))) {
      if (!told) this.log('waiting for the other org to finish a large read before a timed phase');
      told = true;
      await sleep(2_000);
    }
  }

  /** Runs a timed phase after the other org is quiet, and notes it when the other org was busy during it. */
  async timed<T>(what: string, phase: () => Promise<T>): Promise<T> {
    await this.calm();
    const from = Date.now();
    const result = await phase();
    if (await this.busy(from, Date.now())) this.overlaps.push(`${what}: the other org was sending a large read during it`);
    return result;
  }
}

/** Everything the extension asked for (log) and was sent (meter) in [from, to). */
export async function windowOf(org: Org, from: number, to: number): Promise<WindowFigures> {
  return windowFigures(await org.requests(from), await org.traffic(from), SUPERVISOR, from, to);
}
