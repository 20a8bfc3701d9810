/** The shape of one bench run, as written to bench/results/latest.json. */
import type { BrowserFigures } from './browser-scale';
import type { BundleFigures } from './bundle';
import type { Machine } from './machine';
import type { PlatformFigures } from './platform-run';

/** A section either measured or could not run, with the reason shown as "n/a (reason)". */
export type Outcome<T> = { ok: true; value: T } | { ok: false; reason: string };

export interface BenchResults {
  date: string;
  machine: Machine;
  durationSeconds: number;
  /** `--quick`: shorter windows, no 50,000 point — for trying changes, not for the README. */
  quick: boolean;
  pollIntervalSeconds: number;
  /** How the figures were taken, in words (printed under the table). */
  method: string[];
  bundle: Outcome<BundleFigures>;
  browser: Outcome<BrowserFigures>;
  typical: Outcome<PlatformFigures>;
  busy: Outcome<PlatformFigures>;
  /** Cost growth: the busy org (2,000 agents, its traffic) with this many ongoing conversations. */
  growth: { ongoing: number; figures: Outcome<PlatformFigures> }[];
}

/** Runs one section; a failure becomes its reason, first line only (a build's whole log does not fit a table cell). */
export async function attempt<T>(run: () => Promise<T>): Promise<Outcome<T>> {
  try {
    return { ok: true, value: await run() };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const firstLine = message.split('\n')[0]!.trim();
    return { ok: false, reason: firstLine.length > 200 ? `${firstLine.slice(0, 199)}…` : firstLine };
  }
}
