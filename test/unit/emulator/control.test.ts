// @vitest-environment node
import { afterEach, describe, expect, it } from 'vitest';
import type { Emulator } from '../../../emulator';
import { ALEX, SOFIA } from '../../../emulator/personas';
import { control, emulator, signIn } from './helpers';

let e: Emulator;
afterEach(async () => e?.close());

describe('faults', () => {
  it('throttle: the next n Web API responses are 429 with that Retry-After', async () => {
    e = emulator();
    const sofia = await signIn(e, SOFIA.upn);
    expect((await control(e, 'faults', { throttle: { count: 2, retryAfterSeconds: 7 } })).status).toBe(200);
    for (let i = 0; i < 2; i++) {
      const res = await sofia.get('WhoAmI()');
      expect(res.status).toBe(429);
      expect(res.headers.get('retry-after')).toBe('7');
      expect(((await res.json()) as { error: { code: string } }).error.code).toBe('0x80072322');
    }
    expect((await sofia.get('WhoAmI()')).status).toBe(200);
  });

  it('errors: a share of responses fail with the given status', async () => {
    e = emulator();
    const sofia = await signIn(e, SOFIA.upn);
    await control(e, 'faults', { errors: { status: 503, rate: 1 } });
    const res = await sofia.get('WhoAmI()');
    expect(res.status).toBe(503);
    expect(((await res.json()) as { error: { message: string } }).error.message).toMatch(/unavailable/);
    await control(e, 'faults', { errors: { status: 503, rate: 0.5 } });
    const statuses = await Promise.all(Array.from({ length: 40 }, async () => (await sofia.get('WhoAmI()')).status));
    expect(statuses.filter((s) => s === 503).length).toBeGreaterThan(5);
    expect(statuses.filter((s) => s === 200).length).toBeGreaterThan(5);
  });

  it('latencyMs delays responses', async () => {
    e = emulator();
    const sofia = await signIn(e, SOFIA.upn);
    await control(e, 'faults', { latencyMs: 120 });
    const started = performance.now();
    await sofia.get('WhoAmI()');
    expect(performance.now() - started).toBeGreaterThanOrEqual(110);
  });

  it('malformed: truncated JSON bodies for the next n responses', async () => {
    e = emulator();
    const sofia = await signIn(e, SOFIA.upn);
    await control(e, 'faults', { malformed: { count: 1 } });
    const text = await (await sofia.get('WhoAmI()')).text();
    expect(() => JSON.parse(text)).toThrow();
    expect(JSON.parse(await (await sofia.get('WhoAmI()')).text()).UserId).toBe(SOFIA.systemuserid);
  });

  it('expireSessions: cookies and tokens stop working', async () => {
    e = emulator();
    const sofia = await signIn(e, SOFIA.upn);
    await control(e, 'faults', { expireSessions: true });
    expect((await sofia.get('WhoAmI()')).status).toBe(401);
  });

  it('dropConnections: in-process fetches reject like a dropped connection', async () => {
    e = emulator();
    const sofia = await signIn(e, SOFIA.upn);
    await control(e, 'faults', { dropConnections: { count: 1 } });
    await expect(sofia.get('WhoAmI()')).rejects.toThrow(TypeError);
    expect((await sofia.get('WhoAmI()')).status).toBe(200);
  });

  it('dropConnections: a listening emulator cuts the socket', async () => {
    e = emulator();
    const server = await e.listen(0);
    const token = (await (
      await fetch(`${server.url}/_emulator/token`, { method: 'POST', body: JSON.stringify({ user: ALEX.upn }) })
    ).json()) as { access_token: string };
    await fetch(`${server.url}/_emulator/faults`, { method: 'POST', body: JSON.stringify({ dropConnections: { count: 1 } }) });
    await expect(
      fetch(`${server.url}/api/data/v9.2/WhoAmI()`, { headers: { Authorization: `Bearer ${token.access_token}` } }),
    ).rejects.toThrow();
    const ok = await fetch(`${server.url}/api/data/v9.2/WhoAmI()`, { headers: { Authorization: `Bearer ${token.access_token}` } });
    expect(ok.status).toBe(200);
    await server.close();
  });

  it('combines keys, and clear turns everything off', async () => {
    e = emulator();
    const sofia = await signIn(e, SOFIA.upn);
    await control(e, 'faults', { throttle: { count: 5, retryAfterSeconds: 1 }, malformed: { count: 5 } });
    expect((await sofia.get('WhoAmI()')).status).toBe(429);
    await control(e, 'faults', { clear: true });
    const res = await sofia.get('WhoAmI()');
    expect(res.status).toBe(200);
    expect(((await res.json()) as { UserId: string }).UserId).toBe(SOFIA.systemuserid);
  });

  it('rejects unknown keys with 400', async () => {
    e = emulator();
    expect((await control(e, 'faults', { explode: true })).status).toBe(400);
    expect((await control(e, 'faults', { throttle: { count: 1, retryAfterSeconds: 1, extra: 1 } })).status).toBe(400);
    expect((await control(e, 'clock', { advanceSeconds: 1, rewind: true })).status).toBe(400);
    expect((await control(e, 'reset', { seed: 2, flavour: 'x' })).status).toBe(400);
    expect((await control(e, 'config', { switches: { teleport: true } })).status).toBe(400);
    expect((await control(e, 'conversations/x/respond', { decision: 'maybe' })).status).toBe(400);
  });
});

describe('service protection', () => {
  it('answers 429 with Retry-After once the request limit is reached in the window, per user', async () => {
    e = emulator({ serviceProtection: { requests: 3 } });
    const sofia = await signIn(e, SOFIA.upn);
    const alex = await signIn(e, ALEX.upn);
    for (let i = 0; i < 3; i++) expect((await sofia.get('WhoAmI()')).status).toBe(200);
    const limited = await sofia.get('WhoAmI()');
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(((await limited.json()) as { error: { code: string } }).error.code).toBe('0x80072322');
    expect((await alex.get('WhoAmI()')).status).toBe(200);
    await control(e, 'clock', { advanceSeconds: 301 });
    expect((await sofia.get('WhoAmI()')).status).toBe(200);
  });

  it('limits combined execution time and concurrency, with limits set from the control API', async () => {
    e = emulator();
    const sofia = await signIn(e, SOFIA.upn);
    await control(e, 'config', { serviceProtection: { executionMs: 0 } });
    const exec = await sofia.get('WhoAmI()');
    expect(exec.status).toBe(429);
    expect(((await exec.json()) as { error: { code: string } }).error.code).toBe('0x80072321');
    await control(e, 'config', { serviceProtection: { executionMs: 1_200_000, concurrency: 1 } });
    await control(e, 'faults', { latencyMs: 0 });
    const both = await Promise.all([
      sofia.get('msdyn_ocliveworkitems?$select=subject'),
      sofia.get('msdyn_ocliveworkitems?$select=subject'),
    ]);
    expect(both.map((r) => r.status).sort()).toEqual([200, 429]);
    const concurrent = both.find((r) => r.status === 429)!;
    expect(((await concurrent.json()) as { error: { code: string } }).error.code).toBe('0x80072326');
  });
});

describe('reset, clock, config, state and the request log', () => {
  it('reset rebuilds the world from a seed and scenario', async () => {
    e = emulator();
    await control(e, 'reset', { seed: 1, scenario: 'empty' });
    expect([...e.world.store.rows('msdyn_ocliveworkitems')]).toHaveLength(0);
    expect(e.world.userByUpn('sofia@contoso.test')).toBeDefined();
    await control(e, 'reset', { scenario: 'typical' });
    expect(e.world.options.seed).toBe(1);
    expect([...e.world.store.rows('msdyn_ocliveworkitems')].length).toBeGreaterThan(60);
    const seeded = emulator({ seed: 1 });
    expect([...e.world.store.rows('msdyn_ocliveworkitems')].map((r) => r.activityid)).toEqual(
      [...seeded.world.store.rows('msdyn_ocliveworkitems')].map((r) => r.activityid),
    );
  });

  it('clock advances and pauses the org time', async () => {
    e = emulator();
    const before = e.world.clock.nowMs();
    const res = await control(e, 'clock', { advanceSeconds: 90 });
    expect(Date.parse(((await res.json()) as { now: string }).now) - before).toBe(90_000);
    const paused = (await (await control(e, 'clock', { paused: true })).json()) as { paused: boolean };
    expect(paused.paused).toBe(true);
  });

  it('config turns switches and change tracking on and off', async () => {
    e = emulator();
    const sofia = await signIn(e, SOFIA.upn);
    await control(e, 'config', { switches: { assign: false, forceClose: false }, changeTracking: true });
    const config = await sofia.json<{ value: Record<string, unknown>[] }>('msdyn_omnichannelconfigurations');
    expect(config.value[0]).toMatchObject({
      msdyn_enable_supervisor_monitor: true,
      msdyn_enable_supervisor_assign: false,
      msdyn_enable_supervisor_transfer: true,
      msdyn_enable_supervisor_forceclose: false,
    });
  });

  it('the empty scenario has platform-default switches; typical has all four on', async () => {
    e = emulator({ scenario: 'empty' });
    const sofia = await signIn(e, SOFIA.upn);
    const config = (await sofia.json<{ value: Record<string, unknown>[] }>('msdyn_omnichannelconfigurations')).value[0];
    expect(config).toMatchObject({
      msdyn_enable_supervisor_monitor: true,
      msdyn_enable_supervisor_assign: false,
      msdyn_enable_supervisor_forceclose: false,
    });
  });

  it('state counts conversations by status, queue and agent, and requests per user', async () => {
    e = emulator();
    const sofia = await signIn(e, SOFIA.upn);
    await sofia.get('WhoAmI()');
    await sofia.get('WhoAmI()');
    const state = (await (await control(e, 'state')).json()) as {
      conversations: { byStatus: Record<string, number>; byQueue: Record<string, number>; byAgent: Record<string, number> };
      requestsByUser: Record<string, number>;
    };
    expect(state.conversations.byStatus.Active).toBeGreaterThan(0);
    expect(Object.keys(state.conversations.byQueue)).toHaveLength(5);
    expect(state.conversations.byAgent['(unassigned)']).toBeGreaterThan(0);
    expect(state.requestsByUser[SOFIA.upn]).toBe(2);
  });

  it('logs Web API requests with time, user, method, path and status, filtered by since', async () => {
    e = emulator();
    const sofia = await signIn(e, SOFIA.upn);
    await sofia.get('WhoAmI()');
    const since = new Date(Date.now() + 1).toISOString();
    await new Promise((r) => setTimeout(r, 5));
    await sofia.get('msdyn_nothings');
    const log = (await (await control(e, `requests?since=${encodeURIComponent(since)}`)).json()) as { requests: Record<string, unknown>[] };
    expect(log.requests).toEqual([
      expect.objectContaining({
        user: SOFIA.upn,
        method: 'GET',
        path: '/api/data/v9.2/msdyn_nothings',
        status: 404,
        time: expect.any(String),
      }),
    ]);
  });
});
