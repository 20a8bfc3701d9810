import type { DataverseTransport } from './transport';
import type { FeedCounters } from './counters';
import { createTransport, errorMessage, type Exchange, type OrgGate } from './transport-core';

export interface WebApiTransportOptions {
  /** The org's origin, e.g. https://contoso.crm4.dynamics.com. */
  org: string;
  counters: FeedCounters;
  fetch?: typeof fetch;
  /** Shared with the org's other transport (page-transport.ts): one Retry-After window, one queue per query key. */
  gate?: OrgGate;
  now?: () => number;
  maxPageSize?: number;
  timeoutMs?: number;
}

/**
 * The Dataverse Web API over fetch from the worker. The signed-in user's Dynamics session cookie goes along
 * (`credentials: 'include'`; the extension holds host permission for the org). Never throws: every fault comes
 * back as a typed outcome (transport-core.ts). Enforces, per org: no request while a Retry-After window is open, and
 * at most one request in flight per queryKey.
 */
export function createWebApiTransport(options: WebApiTransportOptions): DataverseTransport {
  const doFetch = options.fetch ?? ((input, init) => fetch(input, init));
  const exchange: Exchange = async (request) => {
    const response = await doFetch(request.url, {
      method: request.method,
      headers: request.headers,
      body: request.body,
      credentials: 'include',
      cache: 'no-store',
      // A lapsed session may redirect to the sign-in page; following it would hand us HTML.
      redirect: 'manual',
      signal: request.signal,
    });
    const redirected = response.type === 'opaqueredirect';
    let buffer: ArrayBuffer;
    try {
      buffer = redirected ? new ArrayBuffer(0) : await response.arrayBuffer();
    } catch (error) {
      throw new Error(`Connection dropped while reading: ${errorMessage(error)}`);
    }
    const headers: Record<string, string> = {};
    response.headers.forEach((value, name) => {
      headers[name.toLowerCase()] = value;
    });
    return { status: response.status, redirected, headers, body: new TextDecoder().decode(buffer), bytes: buffer.byteLength };
  };
  return createTransport({ ...options, exchange });
}
