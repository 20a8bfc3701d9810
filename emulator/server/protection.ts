/**
 * Dataverse service protection (docs/platform.md#service-protection): per user, over a sliding window on the org's clock, limits
 * on the number of requests, their combined execution time and concurrent requests; exceeding one answers 429
 * with Retry-After and that limit's error code.
 */
import { DataverseError, ERROR_CODES } from './errors';

export interface ProtectionLimits {
  windowSeconds: number;
  requests: number;
  executionMs: number;
  concurrency: number;
}

export const DEFAULT_LIMITS: ProtectionLimits = { windowSeconds: 300, requests: 6000, executionMs: 1_200_000, concurrency: 52 };

interface UserWindow {
  /** [virtual arrival ms, execution ms] per request in the window. */
  calls: { at: number; ms: number }[];
  inFlight: number;
}

export class ServiceProtection {
  private readonly users = new Map<string, UserWindow>();

  constructor(public limits: ProtectionLimits) {}

  /** Admits a request or throws the 429; the returned function records its execution time when it ends. */
  admit(userId: string, nowMs: number): (executionMs: number) => void {
    const w = this.window(userId, nowMs);
    const l = this.limits;
    const retryAfter = () => {
      const oldest = w.calls[0]?.at ?? nowMs;
      return String(Math.max(1, Math.ceil((oldest + l.windowSeconds * 1000 - nowMs) / 1000)));
    };
    if (w.calls.length >= l.requests) {
      throw new DataverseError(
        429,
        ERROR_CODES.throttledRequests,
        `Number of requests exceeded the limit of ${l.requests} over time window of ${l.windowSeconds} seconds.`,
        { 'Retry-After': retryAfter() },
      );
    }
    const used = w.calls.reduce((sum, c) => sum + c.ms, 0);
    if (used >= l.executionMs) {
      throw new DataverseError(
        429,
        ERROR_CODES.throttledExecutionTime,
        `Combined execution time of incoming requests exceeded limit of ${l.executionMs} milliseconds over time window of ${l.windowSeconds} seconds. Decrease number of concurrent requests or reduce the duration of requests and try again later.`,
        { 'Retry-After': retryAfter() },
      );
    }
    if (w.inFlight >= l.concurrency) {
      throw new DataverseError(
        429,
        ERROR_CODES.throttledConcurrency,
        `Number of concurrent requests exceeded the limit of ${l.concurrency}.`,
        { 'Retry-After': '1' },
      );
    }
    const call = { at: nowMs, ms: 0 };
    w.calls.push(call);
    w.inFlight++;
    return (executionMs) => {
      call.ms = executionMs;
      w.inFlight--;
    };
  }

  private window(userId: string, nowMs: number): UserWindow {
    let w = this.users.get(userId);
    if (!w) this.users.set(userId, (w = { calls: [], inFlight: 0 }));
    const start = nowMs - this.limits.windowSeconds * 1000;
    while (w.calls.length && w.calls[0]!.at <= start) w.calls.shift();
    return w;
  }
}
