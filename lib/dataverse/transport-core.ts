import type { FeedCounters } from './counters';
import type { FailureKind } from './result';
import { retryAtFrom } from './retry-after';
import type { DataverseOutcome, DataverseRequest, DataverseTransport } from './transport';

/**
 * What every Dataverse transport does, whatever carries its requests: the Retry-After window, one request in flight
 * per query key, the timeout, request counting, the OData headers, and reading the answer (status → outcome, error
 * body, malformed JSON, redirect → signed out). A transport differs only in its Exchange: a fetch from the worker
 * (web-api-transport.ts) or one fetch inside the org's workspace tab (page-transport.ts).
 */

export const API_PATH = '/api/data/v9.2/';
/** Dataverse's own ceiling (docs/platform.md, "Queries and paging"): fewest requests for a whole list. */
const DEFAULT_PAGE_SIZE = 5_000;
const DEFAULT_TIMEOUT_MS = 30_000;

/** One request on the wire, resolved and with its headers. */
export interface WireRequest {
  url: string;
  method: DataverseRequest['method'];
  headers: Record<string, string>;
  body: string | undefined;
  /** Aborts on the timeout or the caller's signal. */
  signal: AbortSignal;
  timeoutMs: number;
}

/** An answer as it came: a redirect is reported, never followed (a lapsed session redirects to the sign-in page). */
export interface WireAnswer {
  status: number;
  redirected: boolean;
  /** Names in lower case. */
  headers: Record<string, string>;
  body: string;
  /** Body bytes received, for the counters. */
  bytes: number;
}

/** Sends one request; rejects (with a message worth showing) when no answer came: connection, timeout, abort. */
export type Exchange = (request: WireRequest) => Promise<WireAnswer>;

/**
 * What the transports of one org share: the platform's limits are per user, whichever way a request goes, so a
 * Retry-After window closes both, and a query key never overlaps itself across them.
 */
export interface OrgGate {
  blockedUntil: number;
  readonly inFlight: Map<string, Promise<unknown>>;
  /** The latest Date header of the org's answers and when (our clock) it came: the org's own clock, for watermarks. */
  serverDate: { date: number; receivedAt: number } | null;
}
export const createOrgGate = (): OrgGate => ({ blockedUntil: 0, inFlight: new Map(), serverDate: null });

export interface TransportCoreOptions {
  /** The org's origin, e.g. https://contoso.crm4.dynamics.com. */
  org: string;
  counters: FeedCounters;
  exchange: Exchange;
  gate?: OrgGate;
  now?: () => number;
  maxPageSize?: number;
  timeoutMs?: number;
}

/** A DataverseTransport over an exchange. Never throws: every fault comes back as a typed outcome. */
export function createTransport(options: TransportCoreOptions): DataverseTransport {
  const org = new URL(options.org).origin;
  const now = options.now ?? Date.now;
  const pageSize = options.maxPageSize ?? DEFAULT_PAGE_SIZE;
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const gate = options.gate ?? createOrgGate();
  const { counters, exchange } = options;

  /** `offWire` is called once the answer is in (or none will come): the next request of the query may go then. */
  async function perform(request: DataverseRequest, offWire: () => void): Promise<DataverseOutcome> {
    try {
      return await exchangeAndRead(request, offWire);
    } finally {
      offWire();
    }
  }

  async function exchangeAndRead(request: DataverseRequest, offWire: () => void): Promise<DataverseOutcome> {
    if (now() < gate.blockedUntil) {
      return failure('throttled', null, null, 'Waiting for the platform’s Retry-After window to pass', gate.blockedUntil);
    }
    const url = resolveUrl(org, request.path);
    if (!url) return failure('malformed', null, null, `Refused a link outside the org: ${request.path}`, null);

    const timeout = AbortSignal.timeout(timeoutMs);
    const signal = request.signal ? AbortSignal.any([request.signal, timeout]) : timeout;
    let answer: WireAnswer;
    try {
      counters.requests++;
      answer = await exchange({
        url,
        method: request.method,
        headers: buildHeaders(request, pageSize),
        body: request.body === undefined ? undefined : JSON.stringify(request.body),
        signal,
        timeoutMs,
      });
    } catch (error) {
      const message = timeout.aborted ? `No answer within ${timeoutMs / 1000} s` : errorMessage(error);
      return failure('network', null, null, message, null);
    }
    counters.bytes += answer.bytes;
    const date = Date.parse(answer.headers['date'] ?? '');
    if (!Number.isNaN(date)) gate.serverDate = { date, receivedAt: now() };
    offWire();
    if (request.beforeParse && answer.status >= 200 && answer.status < 300 && !answer.redirected) request.beforeParse(answer.body);
    return interpretAnswer(answer, { gate, now: now(), counters });
  }

  return {
    org,
    send(request) {
      const key = request.queryKey;
      if (!key) return perform(request, () => undefined);
      // Queue behind the previous request with the same key until its answer is in, so one query never overlaps
      // itself on the wire. With none in flight it goes now, not a microtask later: a next page asked for is then on
      // its way while its caller parses and checks the page in hand (paging.ts), instead of after.
      const previous = gate.inFlight.get(key);
      let resolveWire: () => void = () => undefined;
      const wire = new Promise<void>((resolve) => (resolveWire = resolve));
      gate.inFlight.set(key, wire);
      const offWire = () => {
        if (gate.inFlight.get(key) === wire) gate.inFlight.delete(key);
        resolveWire();
      };
      return previous ? previous.then(() => perform(request, offWire)) : perform(request, offWire);
    },
    serverNow() {
      return gate.serverDate && gate.serverDate.date + (now() - gate.serverDate.receivedAt);
    },
  };
}

/**
 * An answer as an outcome (docs/platform.md, "Errors"): a redirect is a lapsed session, 401 signed out, 429 (and a
 * 503 with Retry-After) closes the org's window until the time it names, other errors carry the Dataverse code and
 * message, and a success must be JSON or empty.
 */
function interpretAnswer(
  answer: WireAnswer,
  context: { gate: OrgGate; now: number; counters: Pick<FeedCounters, 'rows' | 'throttled'> },
): DataverseOutcome {
  const { status, headers, body: text } = answer;
  if (answer.redirected || (status >= 300 && status < 400 && status !== 304)) {
    return failure('signedOut', status || null, null, 'Redirected to sign-in', null);
  }
  const { gate } = context;
  if (status === 429 || (status === 503 && headers['retry-after'])) {
    context.counters.throttled += 1;
    gate.blockedUntil = Math.max(gate.blockedUntil, retryAtFrom(headers['retry-after'], context.now));
  }
  const ok = status >= 200 && status < 300;
  if (!ok && status !== 304) {
    const { code, message } = readError(text, status);
    if (status === 401) return failure('signedOut', 401, code, message, null);
    if (status === 429) return failure('throttled', 429, code, message, gate.blockedUntil);
    return failure('http', status, code, message, status === 503 && headers['retry-after'] ? gate.blockedUntil : null);
  }

  if (text.trim() === '') return { ok: true, status, body: null, headers };
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    return failure('malformed', status, null, 'The platform sent a response that is not valid JSON', null);
  }
  const rows = (body as { value?: unknown } | null)?.value;
  if (Array.isArray(rows)) context.counters.rows += rows.length;
  return { ok: true, status, body, headers };
}

/** Relative paths hang off the org's Web API root; absolute links (@odata.nextLink) are used verbatim, same org only. */
function resolveUrl(org: string, path: string): string | null {
  if (!/^https?:\/\//i.test(path)) return `${org}${API_PATH}${path.replace(/^\/+/, '')}`;
  try {
    return new URL(path).origin === org ? path : null;
  } catch {
    return null;
  }
}

const FORMATTED_ONLY = 'odata.include-annotations="OData.Community.Display.V1.FormattedValue"';

function buildHeaders(request: DataverseRequest, pageSize: number): Record<string, string> {
  // Formatted values only where asked for, never the lookup annotations "*" (a third more again): a request that needs
  // those asks in its own Prefer.
  const prefer = request.formatted ? [FORMATTED_ONLY] : [];
  // With both, Dataverse ignores $top (docs/platform.md, "Queries and paging"): a request that asks for $top gets no page size.
  if (request.method === 'GET' && !/[?&]\$top=/.test(request.path)) prefer.push(`odata.maxpagesize=${pageSize}`);
  const extra = { ...request.headers };
  const callerPrefer = Object.keys(extra).find((name) => name.toLowerCase() === 'prefer');
  if (callerPrefer) {
    const own = extra[callerPrefer] as string;
    if (own.includes('odata.include-annotations=') && prefer.includes(FORMATTED_ONLY)) prefer.splice(prefer.indexOf(FORMATTED_ONLY), 1);
    prefer.push(own);
    delete extra[callerPrefer];
  }
  return {
    Accept: 'application/json',
    'OData-MaxVersion': '4.0',
    'OData-Version': '4.0',
    ...(request.body === undefined ? {} : { 'Content-Type': 'application/json; charset=utf-8' }),
    ...(prefer.length === 0 ? {} : { Prefer: prefer.join(',') }),
    ...extra,
  };
}

/** Dataverse error body: {"error":{"code":"0x…","message":"…"}} (docs/platform.md, "Errors"). */
function readError(text: string, status: number): { code: string | null; message: string } {
  try {
    const error = (JSON.parse(text) as { error?: { code?: unknown; message?: unknown } }).error;
    const code = typeof error?.code === 'string' && error.code !== '' ? error.code : null;
    const message = typeof error?.message === 'string' && error.message !== '' ? error.message : `HTTP ${status}`;
    return { code, message };
  } catch {
    return { code: null, message: `HTTP ${status}` };
  }
}

function failure(kind: FailureKind, status: number | null, code: string | null, message: string, retryAt: number | null): DataverseOutcome {
  return { ok: false, kind, status, code, message, retryAt };
}

export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
