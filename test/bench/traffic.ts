/**
 * What the org saw of the extension: its Web API requests (the emulator's request log) and the bytes it was sent
 * (the bench's meter in front of the emulator), over a window, per minute. Pure: no I/O here.
 */
import { budgetShare, perMinute } from './stats';

/** One answered request in the emulator's log (GET /_emulator/requests). */
export interface LoggedRequest {
  id: number;
  /** Real arrival time, ISO. */
  time: string;
  user: string | null;
  method: string;
  path: string;
  origin: string;
  status: number | null;
}

/** One Web API response as the meter saw it leave. */
export interface Traffic {
  /** Real epoch ms the request arrived, and the body was sent in full. */
  arrivedAt: number;
  doneAt: number;
  method: string;
  path: string;
  /** How the request was signed in: the extension sends the workspace cookie, the bench's Node callers a token. */
  via: 'cookie' | 'bearer' | 'none';
  status: number;
  bytes: number;
}

export interface WindowFigures {
  from: number;
  ms: number;
  /** From the emulator's request log: every request of the signed-in user that arrived in the window. */
  requests: number;
  requestsPerMin: number;
  budgetPercent: number;
  /** From the meter: response bodies sent to the browser (cookie-signed requests) that arrived in the window. */
  bytes: number;
  bytesPerMin: number;
  /** The meter's own count of those requests: equal to `requests` unless the two disagree. */
  meteredRequests: number;
  /** Requests per kind (method and table, keys left out), most first. */
  byKind: { kind: string; requests: number; bytes: number }[];
}

/** A request's kind: method and Web API path without keys or options, e.g. `GET queues/queuemembership_association`. */
export function kindOf(method: string, path: string): string {
  const resource = path
    .replace(/^.*\/api\/data\/v[\d.]+\//, '')
    .replace(/\?.*$/, '')
    .replace(/\([^)]*\)/g, '');
  return `${method} ${resource}`;
}

export function windowFigures(
  log: readonly LoggedRequest[],
  traffic: readonly Traffic[],
  user: string,
  from: number,
  to: number,
): WindowFigures {
  const inWindow = (at: number) => at >= from && at < to;
  const requests = log.filter((entry) => entry.user === user && inWindow(Date.parse(entry.time)));
  const metered = traffic.filter((entry) => entry.via === 'cookie' && inWindow(entry.arrivedAt));
  const kinds = new Map<string, { requests: number; bytes: number }>();
  for (const entry of requests) {
    const kind = kinds.get(kindOf(entry.method, entry.path)) ?? { requests: 0, bytes: 0 };
    kind.requests++;
    kinds.set(kindOf(entry.method, entry.path), kind);
  }
  for (const entry of metered) {
    const kind = kinds.get(kindOf(entry.method, entry.path));
    if (kind) kind.bytes += entry.bytes;
  }
  const ms = to - from;
  const bytes = metered.reduce((sum, entry) => sum + entry.bytes, 0);
  const requestsPerMin = perMinute(requests.length, ms);
  return {
    from,
    ms,
    requests: requests.length,
    requestsPerMin,
    budgetPercent: budgetShare(requestsPerMin),
    bytes,
    bytesPerMin: perMinute(bytes, ms),
    meteredRequests: metered.length,
    byKind: [...kinds].map(([kind, value]) => ({ kind, ...value })).sort((a, b) => b.requests - a.requests || a.kind.localeCompare(b.kind)),
  };
}

/** Bytes sent to the browser in [from, to), by when each body was finished: how busy that org was. */
export function bytesSent(traffic: readonly Traffic[], from: number, to: number): number {
  return traffic
    .filter((entry) => entry.via === 'cookie' && entry.doneAt >= from && entry.doneAt < to)
    .reduce((sum, entry) => sum + entry.bytes, 0);
}
