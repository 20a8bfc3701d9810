import { afterEach, describe, expect, it, vi } from 'vitest';
import { createCounters } from '../../../lib/dataverse/counters';
import { createPageTransport, fetchInPage, type PageAnswer, type RunInTab } from '../../../lib/dataverse/page-transport';
import { createOrgGate } from '../../../lib/dataverse/transport-core';
import type { DataverseRequest } from '../../../lib/dataverse/transport';
import { createWebApiTransport } from '../../../lib/dataverse/web-api-transport';
import { serialised } from './in-tab';

const ORG = 'https://contoso.crm4.dynamics.com';
const NOW = 1_000_000;

afterEach(() => vi.unstubAllGlobals());

/** One answer, as the platform sends it: what the worker's fetch sees, and what the function in the tab hands back. */
interface Answer {
  status: number;
  body?: string;
  headers?: Record<string, string>;
}
const asResponse = ({ status, body = '', headers = {} }: Answer) =>
  new Response(status === 204 || status === 304 || (status >= 300 && status < 400) ? null : body, { status, headers });
/** The same answer as fetchInPage hands it back from the tab. */
async function asPageAnswer(answer: Answer): Promise<PageAnswer> {
  const response = asResponse(answer);
  const headers: Record<string, string> = {};
  response.headers.forEach((value, name) => (headers[name.toLowerCase()] = value));
  return { status: response.status, redirected: false, headers, body: await response.text() };
}

/** A tab that runs what is injected by answering from a script; records every injection. */
function tab(...answers: Array<(args: unknown[]) => unknown>) {
  const injections: Array<{ tabId: number; world: string; args: unknown[] }> = [];
  const runInTab = (async (tabId: number, world: string, _func: unknown, args: unknown[]) => {
    injections.push({ tabId, world, args });
    const answer = answers.shift();
    if (!answer) throw new Error('Unexpected injection');
    return answer(args);
  }) as RunInTab;
  return { runInTab, injections };
}

const page = (
  runInTab: RunInTab,
  options: { tabId?: number | null; now?: () => number; gate?: ReturnType<typeof createOrgGate>; timeoutMs?: number } = {},
) => {
  const counters = createCounters();
  const transport = createPageTransport({
    org: ORG,
    counters,
    runInTab,
    tab: async () => (options.tabId === undefined ? 3 : options.tabId),
    now: options.now ?? (() => NOW),
    gate: options.gate,
    timeoutMs: options.timeoutMs,
    maxPageSize: 50,
  });
  return { transport, counters };
};

const CASES: Array<[string, DataverseRequest, Answer]> = [
  ['rows', { method: 'GET', path: 'queues' }, { status: 200, body: '{"value":[{"a":1},{"a":2}]}' }],
  ['no content', { method: 'POST', path: 'annotations', body: { subject: 'x' } }, { status: 204 }],
  [
    'a Dataverse error',
    { method: 'POST', path: 'x', body: {} },
    { status: 403, body: '{"error":{"code":"0x80040220","message":"Principal user is missing prvCreateNote"}}' },
  ],
  ['signed out', { method: 'POST', path: 'x', body: {} }, { status: 401, body: '{"error":{"code":"","message":"not authenticated"}}' }],
  [
    'throttled',
    { method: 'POST', path: 'x', body: {} },
    { status: 429, body: '{"error":{"code":"0x80072322","message":"Too many"}}', headers: { 'Retry-After': '7' } },
  ],
  ['a busy service', { method: 'GET', path: 'x' }, { status: 503, body: 'busy', headers: { 'Retry-After': '3' } }],
  ['a redirect to sign-in', { method: 'GET', path: 'WhoAmI()' }, { status: 302, headers: { location: 'https://login.example/' } }],
  ['broken JSON', { method: 'GET', path: 'queues' }, { status: 200, body: '{"value": [' }],
  ['a server error without a body', { method: 'POST', path: 'x', body: {} }, { status: 500 }],
];

describe('page transport: the same outcomes as the worker transport (one interpretation, transport-core.ts)', () => {
  it.each(CASES)('%s', async (_name, request, answer) => {
    const worker = createWebApiTransport({
      org: ORG,
      counters: createCounters(),
      fetch: async () => asResponse(answer),
      now: () => NOW,
      maxPageSize: 50,
    });
    const { runInTab } = tab(() => asPageAnswer(answer));
    const fromWorker = await worker.send(request);
    const fromPage = await page(runInTab).transport.send(request);
    expect(fromPage).toEqual(fromWorker);
  });

  it('sends the same request: URL, method, OData headers and body, through the tab’s top frame in the isolated world', async () => {
    const { runInTab, injections } = tab(() => asPageAnswer({ status: 204 }));
    await page(runInTab).transport.send({
      method: 'POST',
      path: 'annotations',
      body: { subject: 'Why' },
      headers: { Prefer: 'return=representation' },
    });
    expect(injections).toHaveLength(1);
    const [{ tabId, world, args }] = injections as [
      {
        tabId: number;
        world: string;
        args: [string, string, { method: string; headers: Record<string, string>; body: string; timeoutMs: number }];
      },
    ];
    expect([tabId, world]).toEqual([3, 'ISOLATED']);
    const [origin, url, init] = args;
    expect(origin).toBe(ORG);
    expect(url).toBe(`${ORG}/api/data/v9.2/annotations`);
    expect(init).toMatchObject({ method: 'POST', body: '{"subject":"Why"}', timeoutMs: 30_000 });
    expect(init.headers).toMatchObject({
      'OData-Version': '4.0',
      'Content-Type': 'application/json; charset=utf-8',
      Prefer: 'return=representation',
    });
  });

  it('counts requests, bytes and rows like the worker transport', async () => {
    const { runInTab } = tab(() => asPageAnswer({ status: 200, body: '{"value":[{"a":"å"}]}' }));
    const { transport, counters } = page(runInTab);
    await transport.send({ method: 'GET', path: 'queues' });
    expect(counters).toMatchObject({ requests: 1, rows: 1, bytes: 22 });
  });

  it('shares the Retry-After window with the worker transport of the same org: a 429 in the tab holds both', async () => {
    let now = NOW;
    const gate = createOrgGate();
    const { runInTab } = tab(() => asPageAnswer({ status: 429, body: '{}', headers: { 'Retry-After': '7' } }));
    const fetched: string[] = [];
    const worker = createWebApiTransport({
      org: ORG,
      counters: createCounters(),
      gate,
      now: () => now,
      fetch: async (url) => (fetched.push(urlOf(url)), asResponse({ status: 200, body: '{}' })),
    });
    expect(await page(runInTab, { gate, now: () => now }).transport.send({ method: 'POST', path: 'x', body: {} })).toMatchObject({
      kind: 'throttled',
      retryAt: NOW + 7000,
    });
    expect(await worker.send({ method: 'GET', path: 'y' })).toMatchObject({ ok: false, kind: 'throttled', status: null });
    expect(fetched).toEqual([]);
    now = NOW + 7000;
    expect((await worker.send({ method: 'GET', path: 'y' })).ok).toBe(true);
  });

  it('fails as a network fault, never as a success, when there is no tab, the tab fails, answers garbage or never answers', async () => {
    const none = tab();
    expect(await page(none.runInTab, { tabId: null }).transport.send({ method: 'POST', path: 'x', body: {} })).toMatchObject({
      ok: false,
      kind: 'network',
      message: 'No workspace tab of this organization is open',
    });
    expect(none.injections).toEqual([]);

    const closed = tab(() => Promise.reject(new Error('No tab with id: 3')));
    expect(await page(closed.runInTab).transport.send({ method: 'GET', path: 'x' })).toMatchObject({
      ok: false,
      kind: 'network',
      message: 'No tab with id: 3',
    });

    const garbage = tab(() => ({ status: 200, body: { not: 'text' } }));
    expect(await page(garbage.runInTab).transport.send({ method: 'GET', path: 'x' })).toMatchObject({
      ok: false,
      kind: 'network',
      message: 'The workspace tab gave no usable answer',
    });

    const failedInTab = tab(() => ({ error: 'Failed to fetch' }));
    expect(await page(failedInTab.runInTab).transport.send({ method: 'GET', path: 'x' })).toMatchObject({
      ok: false,
      kind: 'network',
      message: 'Failed to fetch',
    });

    const silent = tab(() => new Promise(() => undefined));
    expect(await page(silent.runInTab, { timeoutMs: 30 }).transport.send({ method: 'GET', path: 'x' })).toMatchObject({
      ok: false,
      kind: 'network',
      message: 'No answer within 0.03 s',
    });
  });
});

describe('fetchInPage: the one request inside the tab', () => {
  const inTab = serialised(fetchInPage);
  const init = { method: 'POST', headers: { Accept: 'application/json' }, body: '{"x":1}', timeoutMs: 1000 };

  it('performs one same-origin fetch with the page’s own cookie and answers plain data', async () => {
    const calls: Array<[string, RequestInit]> = [];
    vi.stubGlobal('location', { origin: ORG });
    vi.stubGlobal('fetch', async (url: string, options: RequestInit) => {
      calls.push([url, options]);
      return new Response('{"ok":1}', { status: 200, headers: { 'OData-Version': '4.0' } });
    });
    expect(await inTab(ORG, `${ORG}/api/data/v9.2/x`, init)).toEqual({
      status: 200,
      redirected: false,
      headers: { 'content-type': 'text/plain;charset=UTF-8', 'odata-version': '4.0' },
      body: '{"ok":1}',
    });
    expect(calls).toHaveLength(1);
    expect(calls[0]![1]).toMatchObject({
      method: 'POST',
      body: '{"x":1}',
      credentials: 'same-origin',
      redirect: 'manual',
      cache: 'no-store',
    });
    expect(calls[0]![1].signal).toBeInstanceOf(AbortSignal);
  });

  it('sends nothing once the tab is on another origin, and turns a failed fetch into an error, never a throw', async () => {
    const fetch = vi.fn(async () => {
      throw new TypeError('Failed to fetch');
    });
    vi.stubGlobal('fetch', fetch);
    vi.stubGlobal('location', { origin: 'https://elsewhere.example' });
    expect(await inTab(ORG, `${ORG}/api/data/v9.2/x`, init)).toEqual({ error: `The tab is no longer on ${ORG}` });
    expect(fetch).not.toHaveBeenCalled();
    vi.stubGlobal('location', { origin: ORG });
    expect(await inTab(ORG, `${ORG}/api/data/v9.2/x`, init)).toEqual({ error: 'Failed to fetch' });
  });
});

const urlOf = (input: RequestInfo | URL): string => (typeof input === 'string' ? input : input instanceof URL ? input.href : input.url);
