import type { Failure } from './result';

/**
 * The contract between the Web API transport (lib/dataverse, owned by the feed) and its users (feed, access check,
 * actions). Everything that can go wrong comes back as data, never as a throw.
 */
export interface DataverseRequest {
  method: 'GET' | 'POST' | 'PATCH' | 'DELETE';
  /** Relative to the org's /api/data/v9.2/ (e.g. `WhoAmI()`), or an absolute @odata.nextLink used verbatim. */
  path: string;
  body?: unknown;
  headers?: Record<string, string>;
  /**
   * True: the rows come with formatted values (display names of looked-up rows), for a request that reads one it
   * cannot expand. They come with every column, choices, dates and numbers too, and double a row's bytes.
   */
  formatted?: true;
  /** Requests with the same key never overlap: at most one in flight per query. */
  queryKey?: string;
  signal?: AbortSignal;
  /**
   * Handed a successful answer's body as text the moment it is in, before it is parsed. The request is off the wire
   * then, so another of its query may go at once: a paging read asks for the next page here (paging.ts).
   */
  beforeParse?: (body: string) => void;
}

/** One request's answer: the response, or what went wrong (a Failure, flat, so `outcome.status` reads either way). */
export type DataverseOutcome = { ok: true; status: number; body: unknown; headers: Readonly<Record<string, string>> } | FailedOutcome;
type FailedOutcome = { ok: false } & Failure;

export interface DataverseTransport {
  /** The org's origin, e.g. https://contoso.crm4.dynamics.com. */
  readonly org: string;
  send(request: DataverseRequest): Promise<DataverseOutcome>;
  /** The org's clock now, as its latest answer's Date header put it (whole seconds, so up to 1 s behind); null before any. */
  serverNow?(): number | null;
}
