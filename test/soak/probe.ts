/**
 * Probes shared by the reliability, security and soak runs: a view connected to the worker's port from an extension
 * page (it holds exactly what a panel receives), the emulator's request log, and a Web API client for "another
 * person" acting on the org with a bearer token.
 */
import type { Page } from 'puppeteer';
import type { ActionIntent } from '../../lib/model/actions';
import type { FeedState } from '../../lib/model/feed-state';
import type { Harness } from '../e2e/harness';

const API_ROOT = '/api/data/v9.2/';

/** What GET /_emulator/requests answers, one entry per Web API request (the emulator's own type). */
import type { LoggedRequest } from '../../emulator/server/request-log';
export type { LoggedRequest };

/**
 * Connect a view port from an extension page and keep the merged state in `window.feedState`; messages the worker
 * rejected go to `window.rejected`. `window.sendAction(intent, requestId)` asks for an action the way a panel does.
 */
export async function openView(h: Harness): Promise<Page> {
  const page = await h.openExtensionPage('options.html');
  // Under tsx (npm run soak) esbuild wraps named inner functions in __name(); the page has no such helper.
  await page.evaluate('globalThis.__name ??= (fn) => fn;');
  await page.evaluate(() => {
    type Row = { id: string };
    type Message = { type: string; state?: Record<string, unknown>; patch?: Record<string, unknown>; reason?: string };
    type Port = {
      postMessage(m: unknown): void;
      onMessage: { addListener(f: (m: Message) => void): void };
      onDisconnect: { addListener(f: () => void): void };
    };
    const w = window as unknown as {
      feedState: Record<string, unknown> | null;
      rejected: string[];
      send(m: unknown): void;
      sendAction(intent: unknown, requestId: string): void;
    };
    const chrome = (globalThis as unknown as { chrome: { runtime: { connect(info: { name: string }): Port } } }).chrome;
    w.feedState = null;
    w.rejected = [];
    const merge = (list: Row[], change: { upsert: Row[]; remove: string[] }) => {
      const byId = new Map(list.map((row) => [row.id, row]));
      for (const id of change.remove) byId.delete(id);
      for (const row of change.upsert) byId.set(row.id, row);
      return [...byId.values()];
    };
    let port: Port;
    // Like a panel: reconnect when the worker goes away, and take the new worker's snapshot.
    const connect = () => {
      port = chrome.runtime.connect({ name: 'floorwalker-view' });
      port.onMessage.addListener((message) => {
        if (message.type === 'rejected') w.rejected.push(message.reason ?? '');
        if (message.type === 'snapshot') w.feedState = message.state ?? null;
        if (message.type !== 'patch' || !w.feedState || !message.patch) return;
        const state = w.feedState;
        for (const [key, value] of Object.entries(message.patch)) {
          if (key === 'conversations' || key === 'agents')
            state[key] = merge(state[key] as Row[], value as { upsert: Row[]; remove: string[] });
          else state[key] = value;
        }
      });
      port.onDisconnect.addListener(() => setTimeout(connect, 300));
      port.postMessage({ type: 'hello', view: 'sidepanel', visible: true });
    };
    connect();
    w.send = (message) => port.postMessage(message);
    w.sendAction = (intent, requestId) => port.postMessage({ type: 'action', requestId, intent });
    setInterval(() => port.postMessage({ type: 'heartbeat' }), 20_000);
  });
  return page;
}

export const stateOf = (view: Page) => view.evaluate(() => (window as unknown as { feedState: FeedState | null }).feedState);

/** Waits until `test` (an expression over `s`, the state) holds. */
export async function waitForState(view: Page, test: string, timeout = 10_000): Promise<FeedState> {
  await view.waitForFunction(`(() => { const s = window.feedState; return !!s && (${test}); })()`, { timeout, polling: 100 });
  return (await stateOf(view))!;
}

export const sendAction = (view: Page, intent: ActionIntent, requestId: string) =>
  view.evaluate((i, r) => (window as unknown as { sendAction(i: unknown, r: string): void }).sendAction(i, r), intent, requestId);

/** The table (or function) a Web API request reads or calls: what the cost of polling is made of. */
export const kindOf = (r: Pick<LoggedRequest, 'path'>) => /^\/api\/data\/v9\.2\/([A-Za-z_]+)/.exec(r.path)?.[1] ?? r.path;

export async function requestsSince(h: Harness, since: string | Date): Promise<LoggedRequest[]> {
  const iso = typeof since === 'string' ? since : since.toISOString();
  return (await h.control<{ requests: LoggedRequest[] }>(`requests?since=${encodeURIComponent(iso)}`)).requests;
}

/** The Web API as another client (a second supervisor, an integration): bearer token, fetched again after expiry. */
export function webApi(h: Harness, user: string) {
  let token: string | null = null;
  const call = async <T = Record<string, unknown>>(method: string, path: string, body?: unknown, retried = false): Promise<T> => {
    token ??= (await h.control<{ access_token: string }>('token', { user })).access_token;
    const response = await fetch(`${h.emulatorUrl}${API_ROOT}${path}`, {
      method,
      headers: {
        authorization: `Bearer ${token}`,
        accept: 'application/json',
        'content-type': 'application/json',
        Prefer: 'return=representation,odata.include-annotations="*"',
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    if (response.status === 401 && !retried) {
      token = null;
      return call(method, path, body, true);
    }
    if (!response.ok) throw new Error(`${user} ${method} ${path}: ${response.status} ${await response.text()}`);
    const text = await response.text();
    return (text ? JSON.parse(text) : {}) as T;
  };
  return { call };
}

/** The ongoing conversations as the platform has them: id → queue id. */
export async function ongoingByQueue(api: ReturnType<typeof webApi>): Promise<Map<string, string | null>> {
  const rows = new Map<string, string | null>();
  let path: string | null = 'msdyn_ocliveworkitems?$select=activityid,_msdyn_cdsqueueid_value&$filter=statecode eq 0';
  while (path) {
    const page: { value: Array<{ activityid: string; _msdyn_cdsqueueid_value: string | null }>; '@odata.nextLink'?: string } =
      await api.call('GET', path);
    for (const row of page.value) rows.set(row.activityid, row._msdyn_cdsqueueid_value);
    const next = page['@odata.nextLink'];
    path = next ? next.slice(next.indexOf(API_ROOT) + API_ROOT.length) : null;
  }
  return rows;
}
