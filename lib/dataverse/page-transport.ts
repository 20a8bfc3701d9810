import { z } from 'zod';
import type { FeedCounters } from './counters';
import type { DataverseTransport } from './transport';
import { createTransport, type Exchange, type OrgGate } from './transport-core';

/**
 * Runs `func(...args)` once in the top frame (frameId 0) of a tab, in the given world, and resolves what it returned
 * (structured-cloned); rejects when it could not run there. The worker passes chrome.scripting.executeScript; tests a fake.
 */
export type RunInTab = <A extends unknown[]>(
  tabId: number,
  world: 'ISOLATED' | 'MAIN',
  func: (...args: A) => unknown,
  args: A,
) => Promise<unknown>;

export interface PageTransportOptions {
  /** The org's origin; the tab must still be on it when the request runs. */
  org: string;
  counters: FeedCounters;
  runInTab: RunInTab;
  /** The workspace tab to send through, chosen when a request goes out; null when the org has none open. */
  tab(): Promise<number | null>;
  /** Shared with the org's worker transport: one Retry-After window, one queue per query key. */
  gate?: OrgGate;
  now?: () => number;
  maxPageSize?: number;
  timeoutMs?: number;
}

/** What the function in the tab hands back: the answer as plain data, or why there is none. */
const PageAnswerSchema = z.union([
  z.object({
    status: z.number().int().min(0).max(999),
    redirected: z.boolean(),
    headers: z.record(z.string(), z.string()),
    body: z.string(),
  }),
  z.object({ error: z.string().max(1000) }),
]);
export type PageAnswer = z.infer<typeof PageAnswerSchema>;

export interface PageRequestInit {
  method: string;
  headers: Record<string, string>;
  body: string | undefined;
  timeoutMs: number;
}

/**
 * The request as it runs inside the workspace tab: one same-origin fetch with the page's own session cookie and
 * Origin, its answer as plain data, and nothing left behind (no listener, no channel). It is serialised into the tab,
 * so it may use nothing from outside itself. It runs in the extension's isolated world there: the request is the
 * same as the app's own, but no page script can replace the `fetch` it uses or see its answer.
 */
export async function fetchInPage(origin: string, url: string, init: PageRequestInit): Promise<PageAnswer> {
  if (globalThis.location?.origin !== origin) return { error: `The tab is no longer on ${origin}` };
  try {
    const response = await fetch(url, {
      method: init.method,
      headers: init.headers,
      body: init.body,
      credentials: 'same-origin',
      cache: 'no-store',
      redirect: 'manual',
      signal: AbortSignal.timeout(init.timeoutMs),
    });
    const headers: Record<string, string> = {};
    response.headers.forEach((value, name) => {
      headers[name.toLowerCase()] = value;
    });
    const redirected = response.type === 'opaqueredirect';
    return { status: response.status, redirected, headers, body: redirected ? '' : await response.text() };
  } catch (error) {
    return { error: error instanceof Error ? error.message : String(error) };
  }
}

/**
 * The Dataverse Web API from inside the org's workspace tab (docs/decisions/0003-reads-in-the-worker-writes-in-the-page.md):
 * each request is one fetchInPage injected with chrome.scripting.executeScript, with the same typed outcomes,
 * Retry-After window, timeouts and counting as the worker's transport (transport-core.ts).
 */
export function createPageTransport(options: PageTransportOptions): DataverseTransport {
  const org = new URL(options.org).origin;
  const exchange: Exchange = async (request) => {
    const tabId = await options.tab();
    if (tabId === null) throw new Error('No workspace tab of this organization is open');
    const init: PageRequestInit = { method: request.method, headers: request.headers, body: request.body, timeoutMs: request.timeoutMs };
    const result = await untilAborted(options.runInTab(tabId, 'ISOLATED', fetchInPage, [org, request.url, init]), request.signal);
    const answer = PageAnswerSchema.safeParse(result);
    if (!answer.success) throw new Error('The workspace tab gave no usable answer');
    if ('error' in answer.data) throw new Error(answer.data.error);
    return { ...answer.data, bytes: new TextEncoder().encode(answer.data.body).byteLength };
  };
  return createTransport({ ...options, org, exchange });
}

/** The promise, unless the signal aborts first: a tab that never answers cannot hold a request past its timeout. */
export function untilAborted<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
  if (signal.aborted) return Promise.reject(new Error('Aborted'));
  return new Promise<T>((resolve, reject) => {
    const abort = () => reject(new Error('Aborted'));
    signal.addEventListener('abort', abort, { once: true });
    promise.then(resolve, reject).finally(() => signal.removeEventListener('abort', abort));
  });
}
