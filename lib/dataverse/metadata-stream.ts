import type { FeedCounters } from './counters';
import { failed, succeeded, type Failure, type Result } from './result';
import { API_PATH } from './transport-core';

/**
 * The org's `$metadata` document, read as text as it streams in. On a real org it is tens of megabytes: the caller
 * scans each piece and keeps only what it needs, so the whole document is never held (lib/discovery/csdl-actions.ts).
 * Same session cookie and sign-in rules as every other read (lib/dataverse/web-api-transport.ts).
 */
export type MetadataReader = (onText: (text: string) => void) => Promise<Result<{ status: number; bytes: number }>>;

export interface MetadataReaderOptions {
  org: string;
  counters: FeedCounters;
  fetch?: typeof fetch;
  timeoutMs?: number;
}

/** A generous limit: the document is large, and this read happens once per org version. */
const DEFAULT_TIMEOUT_MS = 120_000;

const failure = (kind: Failure['kind'], status: number | null, message: string): Failure => ({
  kind,
  status,
  code: null,
  message,
  retryAt: null,
});

export function createMetadataReader(options: MetadataReaderOptions): MetadataReader {
  const org = new URL(options.org).origin;
  const doFetch = options.fetch ?? ((input, init) => fetch(input, init));
  return async (onText) => {
    const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    const signal = AbortSignal.timeout(timeoutMs);
    let response: Response;
    try {
      options.counters.requests++;
      response = await doFetch(`${org}${API_PATH}$metadata`, {
        headers: { Accept: 'application/xml', 'OData-MaxVersion': '4.0', 'OData-Version': '4.0' },
        credentials: 'include',
        cache: 'no-store',
        redirect: 'manual',
        signal,
      });
    } catch (error) {
      return failed(failure('network', null, signal.aborted ? `No answer within ${timeoutMs / 1000} s` : String(error)));
    }
    if (response.type === 'opaqueredirect' || (response.status >= 300 && response.status < 400))
      return failed(failure('signedOut', response.status || null, 'Redirected to sign-in'));
    if (!response.ok || !response.body) {
      const kind = response.status === 401 ? 'signedOut' : response.status === 429 ? 'throttled' : 'http';
      return failed(failure(kind, response.status, `HTTP ${response.status}`));
    }
    const reader = response.body.getReader();
    const decoder = new TextDecoder();
    let bytes = 0;
    try {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        bytes += value.byteLength;
        options.counters.bytes += value.byteLength;
        onText(decoder.decode(value, { stream: true }));
      }
      onText(decoder.decode());
    } catch (error) {
      return failed(
        failure('network', response.status, `Connection dropped while reading: ${error instanceof Error ? error.message : String(error)}`),
      );
    }
    return succeeded({ status: response.status, bytes });
  };
}
