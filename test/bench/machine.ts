/** What the bench ran on, written beside every result. */
import { execFileSync } from 'node:child_process';
import { cpus, loadavg, release, totalmem, type } from 'node:os';
import { findBrowser } from '../../scripts/find-browser';

export interface Machine {
  cores: number;
  cpu: string;
  memoryGb: number;
  os: string;
  node: string;
  chromium: string | null;
  /** 1-minute load average when the bench started and ended: other work on the machine skews timings. */
  loadAverageAtStart: number;
  loadAverageAtEnd: number | null;
  /** The 1-minute load average sampled every 30 s through the run: its mean and highest (null before the end). */
  loadDuringRun: { mean: number; max: number; samples: number } | null;
  /** The speed gauge's time in ms (see `speedGauge`); absent in runs from before it existed. */
  gaugeMs?: number;
}

/** The 1-minute load average now, to two decimals. */
export const loadAverage = (): number => Math.round(loadavg()[0]! * 100) / 100;

function chromiumVersion(): string | null {
  const path = findBrowser();
  if (!path) return null;
  try {
    return execFileSync(path, ['--version'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    return null;
  }
}

export function describeMachine(): Machine {
  const cores = cpus();
  return {
    cores: cores.length,
    cpu: cores[0]?.model.trim() ?? 'unknown',
    memoryGb: Math.round((totalmem() / 1024 ** 3) * 10) / 10,
    os: `${type()} ${release()}`,
    node: process.version,
    chromium: chromiumVersion(),
    loadAverageAtStart: loadAverage(),
    loadAverageAtEnd: null,
    loadDuringRun: null,
    gaugeMs: speedGauge(),
  };
}

/**
 * A fixed JavaScript workload shaped like the product's hot paths (rows built, serialized, parsed, sorted by text),
 * timed in Node before anything else runs: machines of one kind differ by more than two times, so a figure from one
 * run is comparable with another's only beside this. The median of five timed rounds after two to warm up.
 */
function speedGauge(): number {
  const round = () => {
    const started = performance.now();
    const rows = Array.from({ length: 100_000 }, (_, i) => ({ id: `row-${i}`, name: `Customer ${(i * 7919) % 100_000}`, wait: i % 3_600 }));
    const parsed = JSON.parse(JSON.stringify(rows)) as typeof rows;
    parsed.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : a.wait - b.wait));
    return performance.now() - started;
  };
  round();
  round();
  const times = [round(), round(), round(), round(), round()].sort((a, b) => a - b);
  return Math.round(times[2]!);
}

const LOAD_SAMPLE_MS = 30_000;

/** Samples the load average until `stop`, which gives the mean and the highest sample. */
export function sampleLoad(): { stop(): NonNullable<Machine['loadDuringRun']> } {
  const samples = [loadAverage()];
  const timer = setInterval(() => samples.push(loadAverage()), LOAD_SAMPLE_MS);
  return {
    stop() {
      clearInterval(timer);
      samples.push(loadAverage());
      const mean = samples.reduce((sum, value) => sum + value, 0) / samples.length;
      return { mean: Math.round(mean * 100) / 100, max: Math.max(...samples), samples: samples.length };
    },
  };
}
