import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'puppeteer';
import type { FeedState } from '../../lib/model/feed-state';
import { startHarness, type Harness } from './harness';

/**
 * The live feed end to end: the built extension's worker reads the emulator's Web API with the signed-in user's
 * session cookie, and views get the picture over ports. Until the panel's views show these facts, the checks read
 * what a view receives: the port snapshot and patches, kept in an extension page.
 */

/** Connect a view port from an extension page and keep the merged state in `window.feedState`. */
async function openView(h: Harness): Promise<Page> {
  const page = await h.openExtensionPage('options.html');
  await page.evaluate(() => {
    type Row = { id: string };
    const w = window as unknown as { feedState: Record<string, unknown> | null; patches: number };
    w.feedState = null;
    w.patches = 0;
    const chrome = (globalThis as unknown as { chrome: { runtime: { connect(info: { name: string }): { postMessage(m: unknown): void; onMessage: { addListener(f: (m: { type: string; state?: Record<string, unknown>; patch?: Record<string, unknown> }) => void): void } } } } }).chrome;
    const port = chrome.runtime.connect({ name: 'floorwalker-view' });
    const merge = (list: Row[], change: { upsert: Row[]; remove: string[] }) => {
      const byId = new Map(list.map((row) => [row.id, row]));
      for (const id of change.remove) byId.delete(id);
      for (const row of change.upsert) byId.set(row.id, row);
      return [...byId.values()];
    };
    port.onMessage.addListener((message) => {
      if (message.type === 'snapshot') w.feedState = message.state ?? null;
      if (message.type !== 'patch' || !w.feedState || !message.patch) return;
      w.patches++;
      const state = w.feedState;
      for (const [key, value] of Object.entries(message.patch)) {
        if (key === 'conversations' || key === 'agents') state[key] = merge(state[key] as Row[], value as { upsert: Row[]; remove: string[] });
        else state[key] = value;
      }
    });
    port.postMessage({ type: 'hello', view: 'sidepanel', visible: true });
    setInterval(() => port.postMessage({ type: 'heartbeat' }), 20_000);
  });
  return page;
}

const stateOf = (page: Page) => page.evaluate(() => (window as unknown as { feedState: FeedState | null }).feedState);

async function waitForState(page: Page, test: string, timeout = 10_000): Promise<FeedState> {
  await page.waitForFunction(`(() => { const s = window.feedState; return s && (${test}); })()`, { timeout, polling: 100 });
  return (await stateOf(page))!;
}

interface LoggedRequest {
  time: string;
  method: string;
  path: string;
  status: number;
}

describe('feed: the live picture in the worker, over the emulator', () => {
  let h: Harness;
  let view: Page;
  let token: string;
  const api = async (method: string, path: string, body?: unknown) => {
    const response = await fetch(`${h.emulatorUrl}/api/data/v9.2/${path}`, {
      method,
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', accept: 'application/json', Prefer: 'return=representation' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${await response.text()}`);
    return (await response.json()) as Record<string, unknown>;
  };
  const requestsSince = async (since: string) => (await h.control<{ requests: LoggedRequest[] }>(`requests?since=${encodeURIComponent(since)}`)).requests;
  const polls = async () => (await (await h.worker()).evaluate(() => (globalThis as unknown as { floorwalkerDiagnostics(): { polls: number } }).floorwalkerDiagnostics().polls));

  beforeAll(async () => {
    h = await startHarness({ scenario: 'typical', user: 'sofia@contoso.test' });
    token = (await h.control<{ access_token: string }>('token', { user: 'sofia@contoso.test' })).access_token;
    view = await openView(h);
  });
  afterAll(async () => {
    await h?.close();
  });

  it('checks the role and loads the supervisor’s ongoing conversations with the session cookie', async () => {
    const state = await waitForState(view, "s.access.state === 'supervisor' && s.freshness.state === 'live' && s.conversations.length > 0");
    expect(state.access.userName).toBe('Sofia Lindqvist');
    expect(state.access.roles).toContain('Omnichannel supervisor');
    expect(state.access.hasApiAccessRole).toBe(false);
    const supervised = new Set(state.queues.filter((q) => q.supervised).map((q) => q.id));
    expect(supervised.size).toBeGreaterThan(0);
    expect(state.conversations.every((c) => supervised.has(c.queueId ?? '') && ['open', 'active', 'waiting', 'wrapup'].includes(c.status))).toBe(true);
    expect(state.agents.some((a) => a.presence !== 'unknown')).toBe(true);
    // The worker's own requests were answered as Sofia: the session cookie went along.
    const log = await requestsSince(new Date(0).toISOString());
    expect(log.filter((r) => r.path.includes('msdyn_ocliveworkitems')).every((r) => r.status === 200)).toBe(true);
  });

  it('shows a new conversation, a status change and a close within 5 s, with no refresh', async () => {
    const state = (await stateOf(view))!;
    const queue = state.queues.find((q) => q.supervised && q.type === 'messaging')!;
    const created = await api('POST', 'msdyn_ocliveworkitems', {
      subject: 'Feed e2e: new conversation',
      msdyn_channel: '192360000',
      'msdyn_cdsqueueid_msdyn_ocliveworkitem@odata.bind': `/queues(${queue.id})`,
    });
    const id = String(created.activityid);
    const timed = async (test: string) => {
      const start = Date.now();
      await waitForState(view, test, 5_000);
      return Date.now() - start;
    };
    const seen = [await timed(`s.conversations.some((c) => c.id === '${id}' && c.subject === 'Feed e2e: new conversation' && c.status === 'open')`)];
    await api('PATCH', `msdyn_ocliveworkitems(${id})`, { subject: 'Feed e2e: renamed', statuscode: 3 });
    seen.push(await timed(`s.conversations.some((c) => c.id === '${id}' && c.subject === 'Feed e2e: renamed' && c.status === 'waiting')`));
    await api('PATCH', `msdyn_ocliveworkitems(${id})`, { statecode: 1, statuscode: 4 });
    seen.push(await timed(`!s.conversations.some((c) => c.id === '${id}')`));
    console.log(`feed e2e: new / status change / close seen after ${seen.join(' / ')} ms`);
  });

  it('costs the platform no more with ten views open than with one', async () => {
    await h.control('clock', { paused: true }); // no simulated traffic: each poll costs the same
    const measure = async () => {
      const since = new Date().toISOString();
      const before = await polls();
      await new Promise((resolve) => setTimeout(resolve, 7_000));
      return { requests: (await requestsSince(since)).length, polls: (await polls()) - before };
    };
    const one = await measure();
    const others = await Promise.all(Array.from({ length: 9 }, () => openView(h)));
    await Promise.all(others.map((page) => waitForState(page, "s.conversations.length > 0")));
    const ten = await measure();
    await Promise.all(others.map((page) => page.close()));
    await h.control('clock', { paused: false });
    console.log(`feed e2e: 1 view ${one.requests} requests in ${one.polls} polls; 10 views ${ten.requests} requests in ${ten.polls} polls (7 s each)`);
    expect(one.polls).toBeGreaterThanOrEqual(2);
    // Same cadence: a window may catch one poll more by timing alone, and with it at most the periodic presence and
    // participants reads (every few polls) — three requests. Ten views each polling would cost ten times as much.
    expect(ten.polls).toBeLessThanOrEqual(one.polls + 1);
    expect(ten.requests).toBeLessThanOrEqual(one.requests + 3);
  });

  it('keeps the feed when the worker is killed, and resumes without a full reload', async () => {
    const before = (await stateOf(view))!;
    await h.killWorker();
    const since = new Date().toISOString();
    const fresh = await openView(h);
    const resumed = await waitForState(fresh, 's.conversations.length > 0', 3_000);
    expect(resumed.access.state).toBe('supervisor');
    expect(resumed.conversations.length).toBeGreaterThan(before.conversations.length / 2);
    await waitForState(fresh, `s.freshness.lastSuccessAt > ${Date.parse(since)}`, 4_000);
    const after = await requestsSince(since);
    expect(after.some((r) => r.path.includes('modifiedon%20ge') || r.path.includes('modifiedon ge'))).toBe(true);
    expect(after.some((r) => r.path.includes('statecode%20eq%200') && r.path.includes('msdyn_ocliveworkitems'))).toBe(false);
    expect(after.some((r) => r.path.includes('WhoAmI'))).toBe(false);
    view = fresh;
  });

  it('says "not a supervisor" for alex and fetches nothing else', async () => {
    await h.page.goto(`${h.emulatorUrl}/signin?user=${encodeURIComponent('alex@contoso.test')}`);
    const since = new Date().toISOString();
    const state = await waitForState(view, "s.access.state === 'notSupervisor'", 8_000);
    expect(state.access.userName).toBe('Alex Moreau');
    expect(state.conversations).toEqual([]);
    await new Promise((resolve) => setTimeout(resolve, 3_500));
    const paths = (await requestsSince(since)).map((r) => r.path);
    expect(paths.some((p) => p.includes('msdyn_ocliveworkitems') || p.includes('msdyn_omnichannelconfigurations'))).toBe(false);
  });

  it('flags sam’s "Omnichannel API access" role', async () => {
    await h.page.goto(`${h.emulatorUrl}/signin?user=${encodeURIComponent('sam@contoso.test')}`);
    const state = await waitForState(view, "s.access.state === 'supervisor' && s.access.userName === 'Sam Okafor' && s.conversations.length > 0", 8_000);
    expect(state.access.hasApiAccessRole).toBe(true);
    expect(state.access.roles).toContain('Omnichannel API access');
  });
});
