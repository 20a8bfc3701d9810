import { describe, expect, it, vi } from 'vitest';
import { createWebApiTransport } from '../../../lib/dataverse/web-api-transport';
import { createCounters } from '../../../lib/dataverse/counters';
import { nextLinkAtEnd, readAllPages, readPagesWithin } from '../../../lib/dataverse/paging';
import { readRows } from '../../../lib/dataverse/read';
import { backoffDelay } from '../../../lib/dataverse/backoff';
import { retryAtFrom, DEFAULT_RETRY_AFTER_MS } from '../../../lib/dataverse/retry-after';
import { conversationsRequest, ConversationRowSchema } from '../../../lib/dataverse/operations/conversations';
import type { DataverseRequest } from '../../../lib/dataverse/transport';
import { fakeFetch, header, json } from './fake-fetch';

const ORG = 'https://contoso.crm4.dynamics.com';
const make = (fetch: typeof globalThis.fetch) => createWebApiTransport({ org: ORG, counters: createCounters(), fetch, maxPageSize: 2 });

describe('paging', () => {
  it('follows @odata.nextLink verbatim with the same headers until the last page', async () => {
    const page2 = `${ORG}/api/data/v9.2/queues?$select=name&$skiptoken=%3Ccookie%20pagenumber%3D%222%22%2F%3E`;
    const { fetch, calls } = fakeFetch(
      () => json({ value: [1, 2], '@odata.nextLink': page2 }),
      () => json({ value: [3] }),
    );
    const result = await readAllPages(make(fetch), { method: 'GET', path: 'queues?$select=name', queryKey: 'q' });
    expect(result).toEqual({ ok: true, value: { rows: [1, 2, 3], deltaLink: null } });
    expect(calls[1]!.url).toBe(page2);
    expect(header(calls[1]!.init, 'Prefer')).toBe(header(calls[0]!.init, 'Prefer'));
  });

  it('asks for the next page before it takes in the page in hand, and gives up past its page limit without asking for more', async () => {
    const events: string[] = [];
    const page = (n: number, more: boolean) => ({
      value: [n],
      ...(more ? { '@odata.nextLink': `${ORG}/api/data/v9.2/q?$skiptoken=${n + 1}` } : {}),
    });
    const transport = {
      org: ORG,
      async send(request: { path: string }) {
        const n = Number(/skiptoken=(\d+)/.exec(request.path)?.[1] ?? 1);
        events.push(`ask ${n}`);
        return { ok: true as const, status: 200, headers: {}, body: page(n, n < 3) };
      },
    };
    const take = (rows: unknown[]) => (events.push(`take ${String(rows[0])}`), rows);
    expect(await readPagesWithin(transport, { method: 'GET', path: 'q' }, 5, take)).toEqual({
      ok: true,
      value: { rows: [1, 2, 3], deltaLink: null },
    });
    expect(events).toEqual(['ask 1', 'ask 2', 'take 1', 'ask 3', 'take 2', 'take 3']);
    events.length = 0;
    expect(await readPagesWithin(transport, { method: 'GET', path: 'q' }, 2, take)).toEqual({ ok: true, value: null });
    expect(events).toEqual(['ask 1', 'ask 2', 'take 1']);
  });

  it('has the next page on its way from the org while it checks the page in hand', async () => {
    const events: string[] = [];
    const page = (n: number) => json({ value: [n], ...(n < 3 ? { '@odata.nextLink': `${ORG}/api/data/v9.2/q?$skiptoken=${n + 1}` } : {}) });
    const answer = (url: string) => {
      const n = Number(/skiptoken=(\d+)/.exec(url)?.[1] ?? 1);
      events.push(`fetch ${n}`);
      return page(n);
    };
    const { fetch } = fakeFetch(answer, answer, answer);
    const take = (rows: unknown[]) => (events.push(`take ${String(rows[0])}`), rows);
    const read = await readPagesWithin(make(fetch), { method: 'GET', path: 'q', queryKey: 'q' }, 5, take);
    expect(read).toEqual({ ok: true, value: { rows: [1, 2, 3], deltaLink: null } });
    // Each next page is asked for before the page in hand is taken in (how much sooner is the next case's).
    expect(events.indexOf('fetch 2')).toBeLessThan(events.indexOf('take 1'));
    expect(events.indexOf('fetch 3')).toBeLessThan(events.indexOf('take 2'));
  });

  it('asks for the next page as soon as the page in hand has come, before it is parsed', async () => {
    const events: string[] = [];
    const link = (n: number) => `${ORG}/api/data/v9.2/q?$skiptoken=${n}`;
    const answer = (url: string) => {
      const n = Number(/skiptoken=(\d+)/.exec(url)?.[1] ?? 1);
      events.push(`fetch ${n}`);
      return json({ value: [`row ${n}`], ...(n < 3 ? { '@odata.nextLink': link(n + 1) } : {}) });
    };
    const { fetch } = fakeFetch(answer, answer, answer);
    const parse = JSON.parse;
    const parsing = vi.spyOn(JSON, 'parse').mockImplementation((text: string) => {
      const page = /"row (\d+)"/.exec(text)?.[1];
      if (page) events.push(`parse ${page}`);
      return parse(text) as unknown;
    });
    try {
      const read = await readAllPages(make(fetch), { method: 'GET', path: 'q', queryKey: 'q' });
      expect(read).toEqual({ ok: true, value: { rows: ['row 1', 'row 2', 'row 3'], deltaLink: null } });
    } finally {
      parsing.mockRestore();
    }
    expect(events).toEqual(['fetch 1', 'fetch 2', 'parse 1', 'fetch 3', 'parse 2', 'parse 3']);
  });

  it('asks early under a limit known at once, and not while the limit waits on another read', async () => {
    const events: string[] = [];
    const page = (n: number) => ({ value: [n], ...(n < 3 ? { '@odata.nextLink': `${ORG}/api/data/v9.2/q?$skiptoken=${n + 1}` } : {}) });
    const transport = {
      org: ORG,
      async send(request: DataverseRequest) {
        const n = Number(/skiptoken=(\d+)/.exec(request.path)?.[1] ?? 1);
        events.push(`ask ${n}`);
        request.beforeParse?.(JSON.stringify(page(n)));
        events.push(`parsed ${n}`);
        return { ok: true as const, status: 200, headers: {}, body: page(n) };
      },
    };
    let know: () => void = () => undefined;
    const known = new Promise<number>((resolve) => (know = () => (events.push('limit known'), resolve(5))));
    const read = readPagesWithin(transport, { method: 'GET', path: 'q' }, (pagesRead) => (pagesRead === 1 ? 5 : known));
    setTimeout(know, 0);
    expect(await read).toEqual({ ok: true, value: { rows: [1, 2, 3], deltaLink: null } });
    expect(events).toEqual(['ask 1', 'ask 2', 'parsed 2', 'parsed 1', 'limit known', 'ask 3', 'parsed 3']);
  });

  it('calls off a next page asked for by a link the parsed page does not bear out, and asks for the right one', async () => {
    const right = `${ORG}/api/data/v9.2/q?$skiptoken=2`;
    const wrong = `${ORG}/api/data/v9.2/q?$skiptoken=9`;
    // The platform's link first, then a row whose own (nested) link is the last one in the body.
    const first = () => json({ '@odata.nextLink': right, value: [{ note: { '@odata.nextLink': wrong } }] });
    const { fetch, calls } = fakeFetch(
      first,
      () => json({ value: ['wrong page'] }),
      () => json({ value: ['page 2'] }),
    );
    const read = await readAllPages(make(fetch), { method: 'GET', path: 'q', queryKey: 'q' });
    expect(read).toEqual({ ok: true, value: { rows: [{ note: { '@odata.nextLink': wrong } }, 'page 2'], deltaLink: null } });
    expect(calls.map((call) => call.url.split('?')[1])).toEqual([undefined, '$skiptoken=9', '$skiptoken=2']);
    expect(calls[1]!.init.signal?.aborted).toBe(true);
  });

  it('reads the next link off a body’s end, and not from inside a row’s text', () => {
    const link = `${ORG}/api/data/v9.2/q?$skiptoken=%3Ccookie%20page%3D%222%22%2F%3E`;
    expect(nextLinkAtEnd(JSON.stringify({ value: [1, 2], '@odata.nextLink': link }))).toBe(link);
    expect(nextLinkAtEnd(`{"value":[],"@odata.nextLink":"${link.replaceAll('/', '\\/')}"}`)).toBe(link);
    expect(nextLinkAtEnd(JSON.stringify({ value: [1, 2] }))).toBeNull();
    expect(nextLinkAtEnd(JSON.stringify({ value: [{ subject: '"@odata.nextLink":"https://evil.example/"}' }] }))).toBeNull();
  });

  it('fails the whole read when a later page fails: a partial list would look like removals', async () => {
    const { fetch } = fakeFetch(
      () => json({ value: [1], '@odata.nextLink': `${ORG}/api/data/v9.2/q?$skiptoken=x` }),
      () => json({ error: { code: '', message: 'boom' } }, 503),
    );
    expect(await readAllPages(make(fetch), { method: 'GET', path: 'q' })).toMatchObject({
      ok: false,
      failure: { kind: 'http', status: 503 },
    });
  });

  it('reports a body without a value array as malformed', async () => {
    const { fetch } = fakeFetch(() => json({ nope: true }));
    expect(await readAllPages(make(fetch), { method: 'GET', path: 'q' })).toMatchObject({ ok: false, failure: { kind: 'malformed' } });
  });
});

const good = (id: string, extra: Record<string, unknown> = {}) => ({
  '@odata.etag': 'W/"10"',
  activityid: id,
  subject: 'Invoice question',
  statecode: 0,
  statuscode: 2,
  msdyn_channel: '192360000',
  createdon: '2026-01-01T10:00:00Z',
  modifiedon: '2026-01-01T10:05:00Z',
  ...extra,
});

describe('row validation', () => {
  it('reports a bad row (entity, id, field) and keeps the rest', async () => {
    const rows = [
      good('00000000-0000-4000-8000-000000000001'),
      good('00000000-0000-4000-8000-000000000002', { statuscode: 'Active' }),
      good('00000000-0000-4000-8000-000000000003', { msdyn_channel: 'chat' }),
      { subject: 'no id at all' },
      good('00000000-0000-4000-8000-000000000004', { subject: 'x'.repeat(10_000) + ' ‏مرحبا 👋 <script>alert(1)</script>' }),
    ];
    const { fetch } = fakeFetch(() => json({ value: rows }));
    const result = await readRows(make(fetch), conversationsRequest(['00000000-0000-4000-8000-0000000000aa']), {
      entity: 'msdyn_ocliveworkitem',
      idField: 'activityid',
      schema: ConversationRowSchema,
    });
    if (!result.ok) throw new Error('expected ok');
    expect(result.value.rows.map((row) => row.activityid)).toEqual([
      '00000000-0000-4000-8000-000000000001',
      '00000000-0000-4000-8000-000000000004',
    ]);
    expect(result.value.rows[0]!.msdyn_channel).toEqual([192360000]);
    expect(result.value.issues).toEqual([
      { entity: 'msdyn_ocliveworkitem', id: '00000000-0000-4000-8000-000000000002', field: 'statuscode', message: expect.any(String) },
      {
        entity: 'msdyn_ocliveworkitem',
        id: '00000000-0000-4000-8000-000000000003',
        field: 'msdyn_channel',
        message: 'not a list of option values',
      },
      { entity: 'msdyn_ocliveworkitem', id: null, field: 'activityid', message: expect.any(String) },
    ]);
  });

  it('builds the full and the incremental conversation queries', () => {
    const queue = '00000000-0000-4000-8000-0000000000aa';
    const full = decodeURIComponent(conversationsRequest([queue]).path);
    expect(full).toContain(
      `$filter=statecode eq 0 and Microsoft.Dynamics.CRM.In(PropertyName='msdyn_cdsqueueid',PropertyValues=['${queue}'])`,
    );
    const delta = decodeURIComponent(conversationsRequest([queue], Date.UTC(2026, 0, 1, 10, 0, 0), false).path);
    expect(delta).toContain('$filter=modifiedon ge 2026-01-01T10:00:00Z&');
    expect(delta).not.toContain('statecode eq');
    expect(() => conversationsRequest(["x') or true or ('"])).toThrow(/Not a GUID/);
  });
});

describe('retry timing', () => {
  it('reads Retry-After as seconds or as an HTTP date', () => {
    expect(retryAtFrom('7', 1_000)).toBe(8_000);
    expect(retryAtFrom('0.5', 1_000)).toBe(1_500);
    expect(retryAtFrom(new Date(60_000).toUTCString(), 1_000)).toBe(60_000);
    expect(retryAtFrom(undefined, 1_000)).toBe(1_000 + DEFAULT_RETRY_AFTER_MS);
  });

  it('backs off exponentially with jitter, within bounds', () => {
    const policy = { baseMs: 1_000, maxMs: 8_000 };
    expect(backoffDelay(0, policy, () => 0.5)).toBe(0);
    expect(backoffDelay(1, policy, () => 0)).toBe(500);
    expect(backoffDelay(1, policy, () => 1)).toBe(1_000);
    expect(backoffDelay(3, policy, () => 0)).toBe(2_000);
    expect(backoffDelay(10, policy, () => 1)).toBe(8_000);
    expect(backoffDelay(10, policy, () => 0)).toBe(4_000);
  });
});
