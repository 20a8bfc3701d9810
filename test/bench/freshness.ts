/**
 * Freshness on screen, as figures: each change written to the platform, when it was written and when its new text
 * was first in the view's DOM; a change not seen within the limit is a miss and stays in the figures as one.
 */
import { distribution, spread, type Distribution, type Latency } from './stats';

export type ChangeKind = 'conversation' | 'presence' | 'participant';

export interface ChangeSample {
  kind: ChangeKind;
  /** Real epoch ms the write was sent. */
  writtenAt: number;
  /** Real epoch ms the view's DOM first showed it; null when it never did. */
  seenAt: number | null;
}

export interface FreshnessRun {
  seed: number;
  samples: ChangeSample[];
}

export interface RunFigures extends Distribution<Latency> {
  seed: number;
  misses: number;
}

export interface FreshnessFigures {
  kind: ChangeKind;
  missAfterMs: number;
  runs: RunFigures[];
  /** Every change of every run together. */
  pooled: Distribution<Latency> & { misses: number };
  /** Lowest and highest p95 of the runs. */
  p95Spread: { min: Latency; max: Latency } | null;
}

/** A sample's delay, or a miss when it was never seen or seen only after the limit. */
export function latencyOf(sample: ChangeSample, missAfterMs: number): Latency {
  if (sample.seenAt === null) return 'miss';
  const delay = Math.max(0, sample.seenAt - sample.writtenAt);
  return delay > missAfterMs ? 'miss' : delay;
}

export function summarizeFreshness(kind: ChangeKind, runs: readonly FreshnessRun[], missAfterMs: number): FreshnessFigures {
  const latencies = runs.map((run) => run.samples.filter((sample) => sample.kind === kind).map((sample) => latencyOf(sample, missAfterMs)));
  const misses = (values: readonly Latency[]) => values.filter((value) => value === 'miss').length;
  const perRun = runs.map((run, i) => ({ seed: run.seed, ...distribution(latencies[i]!), misses: misses(latencies[i]!) }));
  const all = latencies.flat();
  return {
    kind,
    missAfterMs,
    runs: perRun,
    pooled: { ...distribution(all), misses: misses(all) },
    p95Spread: spread(perRun.filter((run) => run.samples > 0).map((run) => run.p95)),
  };
}
