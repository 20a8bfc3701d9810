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
  /** Requests with the same key never overlap: at most one in flight per query. */
  queryKey?: string;
  signal?: AbortSignal;
}

export type DataverseFailure =
  | 'http' // 4xx/5xx with a Dataverse error body (see status/code/message)
  | 'network' // connection dropped or refused, timeout
  | 'malformed' // the body was not the JSON it claimed to be
  | 'throttled' // 429, or still inside a Retry-After window (no request was sent)
  | 'signedOut'; // 401: the user must sign in to Dynamics 365 again

export type DataverseOutcome =
  | { ok: true; status: number; body: unknown; headers: Readonly<Record<string, string>> }
  | {
      ok: false;
      failure: DataverseFailure;
      status: number | null;
      /** Dataverse error code, e.g. 0x80060882. */
      code: string | null;
      message: string;
      /** Epoch ms before which no request to this org may be sent (429 Retry-After). */
      retryAt: number | null;
    };

export interface DataverseTransport {
  /** The org's origin, e.g. https://contoso.crm4.dynamics.com. */
  readonly org: string;
  send(request: DataverseRequest): Promise<DataverseOutcome>;
}
