/**
 * Fault switches set by POST /_emulator/faults, applied to Web API responses: forced 429s, random errors,
 * latency, truncated JSON bodies and dropped connections. They combine; `clear` turns them all off.
 */
import { Random } from '../world/random';

export interface FaultSettings {
  throttle?: { count: number; retryAfterSeconds: number };
  errors?: { status: number; rate: number };
  latencyMs?: number;
  malformed?: { count: number };
  dropConnections?: { count: number };
}

export type FaultVerdict =
  { kind: 'none' } | { kind: 'drop' } | { kind: 'throttle'; retryAfterSeconds: number } | { kind: 'error'; status: number };

export class Faults {
  private settings: FaultSettings = {};
  /** Its own seeded stream, so error faults don't shift the world's simulation. */
  private readonly random: Random;

  constructor(seed: number) {
    this.random = new Random(seed ^ 0x5eed);
  }

  set(changes: FaultSettings): void {
    this.settings = { ...this.settings, ...changes };
  }

  clear(): void {
    this.settings = {};
  }

  current(): FaultSettings {
    return structuredClone(this.settings);
  }

  latencyMs(): number {
    return this.settings.latencyMs ?? 0;
  }

  /** Decides the fate of one Web API request before it runs; counted faults are used up. */
  before(): FaultVerdict {
    const s = this.settings;
    if (s.dropConnections && s.dropConnections.count > 0) {
      s.dropConnections.count--;
      return { kind: 'drop' };
    }
    if (s.throttle && s.throttle.count > 0) {
      s.throttle.count--;
      return { kind: 'throttle', retryAfterSeconds: s.throttle.retryAfterSeconds };
    }
    if (s.errors && this.random.next() < s.errors.rate) return { kind: 'error', status: s.errors.status };
    return { kind: 'none' };
  }

  /** Whether this response's body should be cut short (a malformed-JSON fault). */
  takeMalformed(): boolean {
    const m = this.settings.malformed;
    if (!m || m.count <= 0) return false;
    m.count--;
    return true;
  }
}
