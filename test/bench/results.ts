/** The shape of one bench run, as written to bench/results/latest.json. */
import type { BundleFigures } from './bundle';
import type { BusyFigures, BusyPlan } from './busy-session';
import type { LargeFigures, LargePlan, QuietFigures } from './large-session';
import type { Machine } from './machine';
import type { NaiveFigures } from './naive-panel';
import type { ColdStart } from './view-phases';

/** A section either measured or could not run, with the reason shown as "n/a (reason)". */
export type Outcome<T> = { ok: true; value: T } | { ok: false; reason: string };

export interface BenchResults {
  date: string;
  machine: Machine;
  durationSeconds: number;
  /** `--quick`: shorter windows, one freshness run, no quiet window — for trying changes, not for the README. */
  quick: boolean;
  /** The product's default poll interval, which the naive panel re-reads at. */
  pollIntervalSeconds: number;
  plan: { busy: BusyPlan; large: LargePlan };
  bundle: Outcome<BundleFigures>;
  /** Sign-in → whole list, each fresh profile at busy and at 50,000. */
  busyCold: Outcome<ColdStart[]>;
  largeCold: Outcome<ColdStart[]>;
  /** Everything else each session measured once its list was whole. */
  busy: Outcome<BusyFigures>;
  large: Outcome<LargeFigures>;
  quiet: Outcome<QuietFigures>;
  naive: { busy: Outcome<NaiveFigures>; large: Outcome<NaiveFigures> };
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
