/**
 * The busy org grown to 50,000 ongoing conversations, the built extension in Chromium: cold start, the longest task
 * while rows update and the grid scrolls (when the whole list showed), the panel's heap — then, with the org quiet
 * (its traffic stopped while its clock runs on: time passes, nothing changes), everything the extension reads in a
 * window that holds one full period of every periodic read, the safety re-read included. The quiet window goes on in the background while the busy session runs.
 */
import { createWriter } from './changes';
import type { Org } from './org';
import { Probe } from './page-probe';
import { sleep } from './time-box';
import { bytesSent, type WindowFigures } from './traffic';
import { coldStarts, longTasksWhileUpdating, windowOf, type ColdStart, type LongTaskFigures } from './view-phases';

export interface LargePlan {
  /** Fresh profiles signed in one after another; the cold-start figure is their median, as at 10,000. */
  coldStarts: number;
  coldLimitMs: number;
  longTaskMs: number;
  /** 0: no quiet window (quick runs). */
  quietMs: number;
}

export interface QuietFigures {
  window: WindowFigures;
  /** How long the window was held open past `quietMs` for a read still under way at its end. */
  extendedMs: number;
}

export interface LargeFigures {
  chromium: string;
  ongoing: number;
  /** Whether the overlay showed the whole list within the cold start's limit. */
  listShown: boolean;
  /** null when the whole list never showed: there was nothing whole to scroll. */
  longTask: LongTaskFigures | null;
  heapMb: { overlay: number | null; worker: number | null };
}

export interface LargeResult {
  /** Every cold start, the kept session's last. */
  cold: ColdStart[];
  figures: LargeFigures;
  /** The quiet window, going on in the background (null in quick runs). */
  quiet: Promise<QuietFigures> | null;
}

/** After the first polls that follow a long load, the steady state. */
const SETTLE_MS = 10_000;
/** With the org quiet, more than this in 10 s means a read is under way: the window waits for it to end. */
const READ_UNDER_WAY_BYTES = 1024 * 1024;
const MAX_EXTENSION_MS = 300_000;

export async function measureLarge(org: Org, plan: LargePlan, log: (line: string) => void): Promise<LargeResult> {
  const { session, cold, fullAt } = await coldStarts(org, plan.coldStarts, plan.coldLimitMs, (line) => log(`large: ${line}`));
  let handedOver = false;
  try {
    const listShown = fullAt !== null;
    let longTask: LongTaskFigures | null = null;
    if (listShown) {
      await sleep(SETTLE_MS);
      const overlay = await session.overlay();
      const writer = await createWriter(org);
      longTask = (await longTasksWhileUpdating(overlay, [new Probe(overlay)], writer, plan.longTaskMs, 201))[0]!;
      log(`large: longest task while updating and scrolling: ${Math.round(longTask.longestMs)} ms`);
    }
    const heapMb = { overlay: await session.heapMb('overlay').catch(() => null), worker: await session.heapMb('worker').catch(() => null) };
    const figures: LargeFigures = { chromium: session.chromium, ongoing: cold.at(-1)!.ongoing, listShown, longTask, heapMb };
    // The safety re-read is the worker's, whatever the screen shows: the quiet window runs either way.
    if (plan.quietMs <= 0) return { cold, figures, quiet: null };

    await org.control('clock', { traffic: false });
    const from = Date.now();
    log(`large: quiet window until ${new Date(from + plan.quietMs).toISOString().slice(11, 19)}`);
    handedOver = true;
    const quiet = (async () => {
      try {
        await sleep(plan.quietMs);
        let end = from + plan.quietMs;
        while (
          end - from - plan.quietMs < MAX_EXTENSION_MS &&
          bytesSent(await org.traffic(Date.now() - 20_000), Date.now() - 10_000, Date.now()) > READ_UNDER_WAY_BYTES
        ) {
          await sleep(2_000);
          end = Date.now();
        }
        const window = await windowOf(org, from, end);
        log(`large: quiet window: ${(window.bytes / 1024 / 1024).toFixed(1)} MB in ${(window.ms / 60_000).toFixed(1)} min`);
        return { window, extendedMs: end - from - plan.quietMs };
      } finally {
        await session.close();
        await org.control('clock', { traffic: true }).catch(() => undefined);
      }
    })();
    return { cold, figures, quiet };
  } finally {
    if (!handedOver) await session.close();
  }
}
