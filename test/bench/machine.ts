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
  };
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
