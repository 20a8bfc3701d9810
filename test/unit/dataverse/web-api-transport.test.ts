import { describe, expect, it } from 'vitest';
import { createWebApiTransport } from '../../../lib/dataverse/web-api-transport';
import { createCounters } from '../../../lib/dataverse/counters';
import { fakeFetch, header, json } from './fake-fetch';

const ORG = 'https://contoso.crm4.dynamics.com';

function transport(fetch: typeof globalThis.fetch, now = () => 1_000_000) {
  const counters = createCounters();
  return { counters, t: createWebApiTransport({ org: ORG, counters, fetch, now, maxPageSize: 50 }) };
}

describe('Web API transport', () => {
  it('sends OData headers, annotations, page size and the session cookie', async () => {
    const { fetch, calls } = fakeFetch(() => json({ value: [{ a: 1 }, { a: 2 }] }));
    const { t, counters } = transport(fetch);
    const outcome = await t.send({ method: 'GET', path: 'queues?$select=name' });
    expect(outcome).toMatchObject({ ok: true, status: 200, body: { value: [{ a: 1 }, { a: 2 }] } });
    const [call] = calls;
    expect(call!.url).toBe(`${ORG}/api/data/v9.2/queues?$select=name`);
    expect(call!.init.credentials).toBe('include');
    expect(header(call!.init, 'OData-Version')).toBe('4.0');
    expect(header(call!.init, 'OData-MaxVersion')).toBe('4.0');
    expect(header(call!.init, 'Accept')).toBe('application/json');
    expect(header(call!.init, 'Prefer')).toBe('odata.maxpagesize=50');
    expect(counters).toMatchObject({ requests: 1, rows: 2 });
    expect(counters.bytes).toBeGreaterThan(10);
  });

  it('keeps the org’s clock from its answers’ Date header, running on with ours; none before an answer with one', async () => {
    const clock = { t: 1_000_000 };
    const { fetch } = fakeFetch(
      () => json({ value: [] }),
      () => json({ value: [] }, 200, { Date: 'Mon, 02 Mar 2026 10:00:00 GMT' }),
      () => json({ value: [] }, 200, { Date: 'not a date' }),
    );
    const { t } = transport(fetch, () => clock.t);
    await t.send({ method: 'GET', path: 'queues' });
    expect(t.serverNow?.()).toBeNull();
    await t.send({ method: 'GET', path: 'queues' });
    clock.t += 4_000;
    expect(t.serverNow?.()).toBe(Date.parse('2026-03-02T10:00:04Z'));
    await t.send({ method: 'GET', path: 'queues' }); // an unreadable Date changes nothing
    expect(t.serverNow?.()).toBe(Date.parse('2026-03-02T10:00:04Z'));
  });

  it('leaves out the page size when the query asks for $top (Dataverse would ignore $top)', async () => {
    const { fetch, calls } = fakeFetch(() => json({ value: [] }));
    await transport(fetch).t.send({ method: 'GET', path: 'queues?$top=1', formatted: true });
    expect(header(calls[0]!.init, 'Prefer')).toBe('odata.include-annotations="OData.Community.Display.V1.FormattedValue"');
  });

  it('asks for formatted values only when the request reads them, and other annotations only in its own Prefer', async () => {
    const { fetch, calls } = fakeFetch(() => json({ value: [] }));
    await transport(fetch).t.send({
      method: 'GET',
      path: 'annotations?$top=1',
      headers: { Prefer: 'odata.include-annotations="*"' },
      formatted: true,
    });
    expect(header(calls[0]!.init, 'Prefer')).toBe('odata.include-annotations="*"');
    await transport(fetch).t.send({ method: 'GET', path: 'queues?$top=1' });
    expect(header(calls[1]!.init, 'Prefer')).toBeNull();
  });

  it('uses an absolute nextLink verbatim but refuses one pointing at another host', async () => {
    const next = `${ORG}/api/data/v9.2/queues?$skiptoken=%3Ccookie%20pagenumber=%222%22%20/%3E`;
    const { fetch, calls } = fakeFetch(() => json({ value: [] }));
    const { t } = transport(fetch);
    expect((await t.send({ method: 'GET', path: next })).ok).toBe(true);
    expect(calls[0]!.url).toBe(next);
    const evil = await t.send({ method: 'GET', path: 'https://evil.example/api/data/v9.2/queues' });
    expect(evil).toMatchObject({ ok: false, kind: 'malformed' });
    expect(calls).toHaveLength(1);
  });

  it('turns a Dataverse error body into status, code and message', async () => {
    const { fetch } = fakeFetch(() =>
      json({ error: { code: '0x80060882', message: 'The version of the existing record doesn’t match' } }, 412),
    );
    expect(await transport(fetch).t.send({ method: 'PATCH', path: 'x(1)', body: {} })).toEqual({
      ok: false,
      kind: 'http',
      status: 412,
      code: '0x80060882',
      message: 'The version of the existing record doesn’t match',
      retryAt: null,
    });
  });

  it('reports 401 as signed out, not as something to retry', async () => {
    const { fetch } = fakeFetch(() => json({ error: { code: '', message: 'not authenticated' } }, 401));
    expect(await transport(fetch).t.send({ method: 'GET', path: 'WhoAmI()' })).toMatchObject({ ok: false, kind: 'signedOut', status: 401 });
  });

  it('treats a redirect (to the sign-in page) as signed out', async () => {
    const { fetch } = fakeFetch(() => new Response(null, { status: 302, headers: { location: 'https://login.example/' } }));
    expect(await transport(fetch).t.send({ method: 'GET', path: 'WhoAmI()' })).toMatchObject({ ok: false, kind: 'signedOut' });
  });

  it('reports a body that is not JSON as malformed, and a dropped connection as network', async () => {
    const { fetch } = fakeFetch(
      () => new Response('{"value": [', { status: 200 }),
      () => Promise.reject(new TypeError('Failed to fetch')),
    );
    const { t } = transport(fetch);
    expect(await t.send({ method: 'GET', path: 'a' })).toMatchObject({ ok: false, kind: 'malformed', status: 200 });
    expect(await t.send({ method: 'GET', path: 'b' })).toMatchObject({
      ok: false,
      kind: 'network',
      status: null,
      message: 'Failed to fetch',
    });
  });

  it('answers 204 and 304 with an empty body', async () => {
    const { fetch } = fakeFetch(
      () => new Response(null, { status: 204 }),
      () => new Response(null, { status: 304 }),
    );
    const { t } = transport(fetch);
    expect(await t.send({ method: 'POST', path: 'a', body: { x: 1 } })).toMatchObject({ ok: true, status: 204, body: null });
    expect(await t.send({ method: 'GET', path: 'b', headers: { 'If-None-Match': 'W/"5"' } })).toMatchObject({
      ok: true,
      status: 304,
      body: null,
    });
  });

  it('honours Retry-After exactly: nothing is sent to the org until it has passed', async () => {
    let now = 1_000_000;
    const { fetch, calls } = fakeFetch(
      () => json({ error: { code: '0x80072322', message: 'Too many requests' } }, 429, { 'Retry-After': '7' }),
      () => json({ value: [] }),
    );
    const { t } = transport(fetch, () => now);
    expect(await t.send({ method: 'GET', path: 'a' })).toMatchObject({ ok: false, kind: 'throttled', status: 429, retryAt: 1_007_000 });
    now = 1_006_999;
    expect(await t.send({ method: 'GET', path: 'b', queryKey: 'other' })).toMatchObject({
      ok: false,
      kind: 'throttled',
      status: null,
      retryAt: 1_007_000,
    });
    expect(calls).toHaveLength(1);
    now = 1_007_000;
    expect((await t.send({ method: 'GET', path: 'c' })).ok).toBe(true);
    expect(calls).toHaveLength(2);
  });

  it('keeps at most one request in flight per query key', async () => {
    let release: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => (release = resolve));
    let active = 0;
    let most = 0;
    const slow = async () => {
      active++;
      most = Math.max(most, active);
      await gate;
      active--;
      return json({ value: [] });
    };
    const { fetch, calls } = fakeFetch(slow, slow, () => json({ value: [] }));
    const { t } = transport(fetch);
    const first = t.send({ method: 'GET', path: 'a', queryKey: 'poll' });
    const second = t.send({ method: 'GET', path: 'a', queryKey: 'poll' });
    const other = t.send({ method: 'GET', path: 'b', queryKey: 'else' });
    await new Promise((resolve) => setTimeout(resolve, 5));
    expect(calls.map((c) => c.url.slice(-1))).toEqual(['a', 'b']);
    release();
    await Promise.all([first, second, other]);
    expect(calls).toHaveLength(3);
    expect(most).toBe(2); // 'poll' and 'else' overlapped; the two 'poll' requests never did
  });
});
