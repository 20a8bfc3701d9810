/** What the transport and the feed count, for diagnostics and benchmarks. Plain numbers, reset only by a new worker. */
export interface FeedCounters {
  /** HTTP requests actually sent (requests refused inside a Retry-After window are not). */
  requests: number;
  /** Response body bytes received. */
  bytes: number;
  /** Rows received in collection responses. */
  rows: number;
  /** Rows that failed validation and were left out. */
  invalidRows: number;
  /** Incremental and full polls completed (successfully or not). */
  polls: number;
  /** Answers that told us to slow down (429, or 503 with Retry-After): the diagnostics page's "throttling seen". */
  throttled: number;
  /** Milliseconds since the last successful poll, as of the last time anyone asked. */
  stalenessMs: number;
}

export function createCounters(): FeedCounters {
  return { requests: 0, bytes: 0, rows: 0, invalidRows: 0, polls: 0, throttled: 0, stalenessMs: 0 };
}
