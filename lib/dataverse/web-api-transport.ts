import type { DataverseOutcome, DataverseRequest, DataverseTransport } from './transport';
import type { FailureKind } from './result';
import type { FeedCounters } from './counters';
import { retryAtFrom } from './retry-after';

export const API_PATH = '/api/data/v9.2/';
/** Dataverse's own ceiling (docs/platform.md, "Querying and paging"): fewest requests for a whole list. */
const DEFAULT_PAGE_SIZE = 5_000;
const DEFAULT_TIMEOUT_MS = 30_000;

export interface WebApiTransportOptions {
  /** The org's origin, e.g. https://contoso.crm4.dynamics.com. */
  org: string;
  counters: FeedCounters;
  fetch?: typeof fetch;
  now?: () => number;
  maxPageSize?: number;
  timeoutMs?: number;
}

/**
 * The Dataverse Web API over fetch. The signed-in user's Dynamics session cookie goes along
 * (`credentials: 'include'`; the extension holds host permission for the org). Never throws: every fault comes
 * back as a typed outcome. Enforces, per org: no request while a Retry-After window is open, and at most one
 * request in flight per queryKey.
 */
export function createWebApiTransport(options: WebApiTransportOptions): DataverseTransport {
  const org = new URL(options.org).origin;
  const doFetch = options.fetch ?? ((input, init) => fetch(input, init));
  const now = options.now ?? Date.now;
  const pageSize = options.maxPageSize ?? DEFAULT_PAGE_SIZE;
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const { counters } = options;
  let blockedUntil = 0;
  const inFlight = new Map<string, Promise<unknown>>();

  async function perform(request: DataverseRequest): Promise<DataverseOutcome> {
    if (now() < blockedUntil) {
      return failure('throttled', null, null, 'Waiting for the platform’s Retry-After window to pass', blockedUntil);
    }
    const url = resolveUrl(org, request.path);
    if (!url) return failure('malformed', null, null, `Refused a link outside the org: ${request.path}`, null);

    const timeout = AbortSignal.timeout(timeoutMs);
    const signal = request.signal ? AbortSignal.any([request.signal, timeout]) : timeout;
    let response: Response;
    try {
      counters.requests++;
      response = await doFetch(url, {
        method: request.method,
        headers: buildHeaders(request, pageSize),
        body: request.body === undefined ? undefined : JSON.stringify(request.body),
        credentials: 'include',
        cache: 'no-store',
        // A lapsed session may redirect to the sign-in page; following it would hand us HTML.
        redirect: 'manual',
        signal,
      });
    } catch (error) {
      const message = timeout.aborted ? `No answer within ${timeoutMs / 1000} s` : errorMessage(error);
      return failure('network', null, null, message, null);
    }

    if (response.type === 'opaqueredirect' || (response.status >= 300 && response.status < 400 && response.status !== 304)) {
      return failure('signedOut', response.status || null, null, 'Redirected to sign-in', null);
    }
    let text: string;
    try {
      const buffer = await response.arrayBuffer();
      counters.bytes += buffer.byteLength;
      text = new TextDecoder().decode(buffer);
    } catch (error) {
      return failure('network', response.status, null, `Connection dropped while reading: ${errorMessage(error)}`, null);
    }
    const headers = headerRecord(response.headers);

    if (response.status === 429 || (response.status === 503 && headers['retry-after'])) {
      blockedUntil = Math.max(blockedUntil, retryAtFrom(headers['retry-after'], now()));
    }
    if (!response.ok && response.status !== 304) {
      const { code, message } = readError(text, response.status);
      if (response.status === 401) return failure('signedOut', 401, code, message, null);
      if (response.status === 429) return failure('throttled', 429, code, message, blockedUntil);
      return failure('http', response.status, code, message, response.status === 503 && headers['retry-after'] ? blockedUntil : null);
    }

    if (text.trim() === '') return { ok: true, status: response.status, body: null, headers };
    let body: unknown;
    try {
      body = JSON.parse(text);
    } catch {
      return failure('malformed', response.status, null, 'The platform sent a response that is not valid JSON', null);
    }
    const rows = (body as { value?: unknown } | null)?.value;
    if (Array.isArray(rows)) counters.rows += rows.length;
    return { ok: true, status: response.status, body, headers };
  }

  return {
    org,
    send(request) {
      const key = request.queryKey;
      if (!key) return perform(request);
      // Queue behind the previous request with the same key, so one query never overlaps itself.
      const previous = inFlight.get(key) ?? Promise.resolve();
      const next = previous.then(() => perform(request));
      inFlight.set(key, next);
      void next.then(() => {
        if (inFlight.get(key) === next) inFlight.delete(key);
      });
      return next;
    },
  };
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

function buildHeaders(request: DataverseRequest, pageSize: number): Record<string, string> {
  const prefer = ['odata.include-annotations="*"'];
  // With both, Dataverse ignores $top (docs/platform.md, "Querying and paging"): a request that asks for $top gets no page size.
  if (request.method === 'GET' && !/[?&]\$top=/.test(request.path)) prefer.push(`odata.maxpagesize=${pageSize}`);
  const extra = { ...request.headers };
  const callerPrefer = Object.keys(extra).find((name) => name.toLowerCase() === 'prefer');
  if (callerPrefer) {
    prefer.push(extra[callerPrefer] as string);
    delete extra[callerPrefer];
  }
  return {
    Accept: 'application/json',
    'OData-MaxVersion': '4.0',
    'OData-Version': '4.0',
    ...(request.body === undefined ? {} : { 'Content-Type': 'application/json; charset=utf-8' }),
    Prefer: prefer.join(','),
    ...extra,
  };
}

function headerRecord(headers: Headers): Record<string, string> {
  const record: Record<string, string> = {};
  headers.forEach((value, name) => {
    record[name.toLowerCase()] = value;
  });
  return record;
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

function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
