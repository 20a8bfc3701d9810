/** A fetch wrapper that writes down every request it makes and the size of the body that came back. */
export interface RecordedRequest {
  /** Real epoch ms the request was sent. */
  at: number;
  url: string;
  status: number;
  bytes: number;
  ms: number;
}

export function recordingFetch(inner: typeof fetch, log: RecordedRequest[]): typeof fetch {
  return async (input, init) => {
    const at = Date.now();
    const response = await inner(input, init);
    const copy = response.clone();
    const body = await copy.arrayBuffer().catch(() => new ArrayBuffer(0));
    log.push({ at, url: String(input instanceof Request ? input.url : input), status: response.status, bytes: body.byteLength, ms: Date.now() - at });
    return response;
  };
}

/**
 * A query's identity: its path and options without $skiptoken (so every page of one read compares equal to the
 * first), decoded, with the values inside In(…PropertyValues=[…]) in order (callers may list the same ids in any order).
 */
export function queryOf(url: string): string {
  const parsed = new URL(url);
  const kept = parsed.search.replace(/^\?/, '').split('&').filter((part) => part && !/^(\$|%24)skiptoken=/i.test(part));
  const decoded = decodeURIComponent(kept.join('&'));
  return `${parsed.pathname}?${decoded.replace(/PropertyValues=\[([^\]]*)\]/g, (_, list: string) => `PropertyValues=[${list.split(',').sort().join(',')}]`)}`;
}

export function sumOf(requests: readonly RecordedRequest[]): { requests: number; bytes: number } {
  return { requests: requests.length, bytes: requests.reduce((sum, r) => sum + r.bytes, 0) };
}

/** Requests and bytes per table (the Web API path without keys, e.g. `queues/queuemembership_association`). */
export function byTable(requests: readonly RecordedRequest[]): Record<string, { requests: number; bytes: number }> {
  const tables: Record<string, { requests: number; bytes: number }> = {};
  for (const request of requests) {
    const path = new URL(request.url).pathname.replace(/^.*\/api\/data\/v[\d.]+\//, '').replace(/\([^)]*\)/g, '');
    const entry = (tables[path] ??= { requests: 0, bytes: 0 });
    entry.requests++;
    entry.bytes += request.bytes;
  }
  return tables;
}
