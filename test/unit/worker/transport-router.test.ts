import { describe, expect, it } from 'vitest';
import { decideRoute, routeBlockReason, writeRouteOf } from '../../../lib/actions/routing';
import type { DataverseOutcome, DataverseRequest, DataverseTransport } from '../../../lib/dataverse/transport';
import type { WorkspaceState, WriteRoute } from '../../../lib/model/workspace';
import { createTransportRouter, type WorkspaceMemory } from '../../../lib/worker/transport-router';
import { chooseWorkspaceTab, workspaceAppUrl, type TabInfo } from '../../../lib/worker/workspace-tabs';

const ORG = 'https://contoso.crm4.dynamics.com';
const OTHER = 'https://fabrikam.crm.dynamics.com';
const PATTERNS = ['https://*.dynamics.com/main.aspx*'];
const APP = `${ORG}/main.aspx?appname=msdyn_CustomerServiceWorkspace`;
const NOW = 1_700_000_000_000;

describe('routing decisions', () => {
  it('reads from the worker always; writes through the open workspace, else the worker unless the org refused it; monitor and join only in the workspace', () => {
    const table = [
      [
        { workspaceOpen: true, workerRefused: false },
        { read: 'worker', write: 'page', workspace: 'page' },
      ],
      [
        { workspaceOpen: false, workerRefused: false },
        { read: 'worker', write: 'worker', workspace: null },
      ],
      [
        { workspaceOpen: true, workerRefused: true },
        { read: 'worker', write: 'page', workspace: 'page' },
      ],
      [
        { workspaceOpen: false, workerRefused: true },
        { read: 'worker', write: null, workspace: null },
      ],
    ] as const;
    for (const [facts, expected] of table) {
      expect(
        { read: decideRoute('read', facts), write: decideRoute('write', facts), workspace: decideRoute('workspace', facts) },
        JSON.stringify(facts),
      ).toEqual(expected);
      expect(routeBlockReason('workspace', facts)).toBe(expected.workspace ? null : 'actions_reason_openWorkspace');
    }
  });

  it('says which way writes go, and why', () => {
    const refusal = { since: NOW, detail: 'Refused from chrome-extension://x' };
    expect(writeRouteOf({ workspaceOpen: true, workerRefused: false }, null)).toEqual({
      route: 'page',
      reason: 'workspaceOpen',
      since: null,
      detail: null,
    });
    expect(writeRouteOf({ workspaceOpen: false, workerRefused: false }, null)).toEqual({
      route: 'worker',
      reason: 'noWorkspace',
      since: null,
      detail: null,
    });
    expect(writeRouteOf({ workspaceOpen: false, workerRefused: true }, refusal)).toEqual({
      route: 'none',
      reason: 'workerRefused',
      since: NOW,
      detail: refusal.detail,
    });
    expect(writeRouteOf({ workspaceOpen: true, workerRefused: true }, refusal)).toMatchObject({ route: 'page', reason: 'workerRefused' });
  });
});

describe('which workspace tab', () => {
  const tab = (id: number, extra: Partial<TabInfo> = {}): TabInfo => ({
    id,
    url: `${APP}&pagetype=dashboard`,
    windowId: 1,
    active: false,
    lastAccessed: id,
    status: 'complete',
    ...extra,
  });

  it('the one the supervisor looks at, else an active one elsewhere, else the most recently used; of that org, in the top frame only', () => {
    const looking = tab(1, { active: true, windowId: 2 });
    expect(chooseWorkspaceTab([tab(9), looking, tab(3, { active: true, windowId: 1 })], ORG, PATTERNS, 2)).toBe(1);
    expect(chooseWorkspaceTab([tab(9), tab(3, { active: true })], ORG, PATTERNS, 5)).toBe(3);
    expect(chooseWorkspaceTab([tab(4), tab(9), tab(6)], ORG, PATTERNS, null)).toBe(9);
    // A loading tab only when nothing else is there.
    expect(chooseWorkspaceTab([tab(9, { status: 'loading', active: true }), tab(2)], ORG, PATTERNS, 1)).toBe(2);
    // Another org, another page of the org, or a tab we cannot see into: never.
    expect(
      chooseWorkspaceTab(
        [tab(1, { url: `${OTHER}/main.aspx?appname=x`, active: true }), tab(2, { url: `${ORG}/tools/x.aspx` }), tab(3, { url: undefined })],
        ORG,
        PATTERNS,
        1,
      ),
    ).toBeNull();
  });

  it('remembers the app, not the record or page, as the workspace to open', () => {
    expect(workspaceAppUrl(`${APP}&pagetype=entityrecord&etn=msdyn_ocliveworkitem&id=x`)?.toString()).toBe(APP);
    expect(workspaceAppUrl(`${ORG}/main.aspx?appid=abc&forceUCI=1`)?.toString()).toBe(`${ORG}/main.aspx?appid=abc`);
    expect(workspaceAppUrl(`${ORG}/other.aspx`)).toBeNull();
  });
});

/** The router over fake tabs, a fake worker transport (scripted answers) and page transports that record their tab. */
function router(options: { tabs?: TabInfo[]; memory?: WorkspaceMemory; org?: string | null; signedIn?: boolean } = {}) {
  let tabs = options.tabs ?? [];
  let org = options.org === undefined ? ORG : options.org;
  let stored: WorkspaceMemory = options.memory ?? {};
  const published: Array<[WorkspaceState, WriteRoute]> = [];
  const workerAnswers: Array<(request: DataverseRequest) => DataverseOutcome> = [];
  const workerRequests: DataverseRequest[] = [];
  const pageSends: Array<{ org: string; tab: number | null; request: DataverseRequest }> = [];
  const ok: DataverseOutcome = { ok: true, status: 204, body: null, headers: {} };
  const worker: DataverseTransport = {
    org: ORG,
    async send(request) {
      workerRequests.push(request);
      return workerAnswers.shift()?.(request) ?? ok;
    },
  };
  const r = createTransportRouter({
    org: () => org,
    worker: () => (options.signedIn === false || !org ? null : worker),
    page: (pageOrg, pick) => ({
      org: pageOrg,
      async send(request) {
        pageSends.push({ org: pageOrg, tab: await pick(), request });
        return ok;
      },
    }),
    tabs: { query: async () => tabs, focusedWindowId: async () => 1 },
    patterns: () => PATTERNS,
    memory: { get: async () => stored, set: async (value) => void (stored = value) },
    now: () => NOW,
    publish: (workspace, writeRoute) => published.push([workspace, writeRoute]),
    log: () => undefined,
  });
  return {
    r,
    published,
    workerAnswers,
    workerRequests,
    pageSends,
    get stored() {
      return stored;
    },
    setTabs: (next: TabInfo[]) => void (tabs = next),
    setOrg: (next: string | null) => void (org = next),
  };
}

const workspaceTab = (id: number, url = `${APP}&pagetype=entityrecord&etn=msdyn_ocliveworkitem&id=c1`): TabInfo => ({
  id,
  url,
  windowId: 1,
  active: true,
  status: 'complete',
});
const refused: DataverseOutcome = {
  ok: false,
  kind: 'http',
  status: 403,
  code: '0x80040220',
  message: "Refused: changes from origin 'chrome-extension://abc'",
  retryAt: null,
};
const send = (transport: DataverseTransport, method: DataverseRequest['method'] = 'POST') =>
  transport.send({ method, path: 'annotations', body: {} });

describe('transport router', () => {
  it('follows the workspace tabs: writes through the page while one is open, from the worker once it closes', async () => {
    const t = router({ tabs: [workspaceTab(7)] });
    await t.r.ready;
    expect(t.published.at(-1)).toEqual([
      { open: true, canOpen: true },
      { route: 'page', reason: 'workspaceOpen', since: null, detail: null },
    ]);
    const write = t.r.transport('write');
    expect(write).toMatchObject({ ok: true, via: 'page' });
    if (write.ok) await send(write.transport);
    expect(t.pageSends.map((s) => s.tab)).toEqual([7]);
    expect(t.r.transport('read')).toMatchObject({ ok: true, via: 'worker' });

    t.setTabs([]);
    await t.r.refresh();
    expect(t.published.at(-1)).toEqual([
      { open: false, canOpen: true },
      { route: 'worker', reason: 'noWorkspace', since: null, detail: null },
    ]);
    expect(t.r.transport('write')).toMatchObject({ ok: true, via: 'worker' });
    expect(t.r.transport('workspace')).toEqual({ ok: false, why: 'needsWorkspace' });
    // Publishes only what changed.
    const count = t.published.length;
    await t.r.refresh();
    expect(t.published).toHaveLength(count);
  });

  it('knows the workspace is open for an org that became known after the tabs were looked at (a restarted worker)', async () => {
    const t = router({ tabs: [workspaceTab(7)], org: null });
    await t.r.ready;
    t.setOrg(ORG);
    expect(t.r.transport('workspace')).toMatchObject({ ok: true, via: 'page' });
    t.r.orgChanged();
    expect(t.published.at(-1)).toEqual([
      { open: true, canOpen: true },
      { route: 'page', reason: 'workspaceOpen', since: null, detail: null },
    ]);
  });

  it('remembers, per org, that the org refused a write from the worker while reads succeeded: writes wait for the workspace from then on', async () => {
    const t = router();
    await t.r.ready;
    const write = t.r.transport('write');
    expect(write).toMatchObject({ ok: true, via: 'worker' });
    t.workerAnswers.push(() => refused);
    expect(write.ok && (await send(write.transport))).toEqual(refused);
    // It checked that reads still succeed (one WhoAmI), then remembered.
    expect(t.workerRequests.map((r) => `${r.method} ${r.path}`)).toEqual(['POST annotations', 'GET WhoAmI()']);
    expect(t.stored[ORG]?.workerRefused).toEqual({ since: NOW, detail: refused.message });
    expect(t.published.at(-1)![1]).toEqual({ route: 'none', reason: 'workerRefused', since: NOW, detail: refused.message });
    expect(t.r.transport('write')).toEqual({ ok: false, why: 'needsWorkspace' });
    expect(t.r.transport('read')).toMatchObject({ ok: true, via: 'worker' });

    // A new worker (restart) still knows; the workspace opening gives writes their way again, through the page.
    const again = router({ memory: t.stored, tabs: [workspaceTab(3)] });
    await again.r.ready;
    expect(again.r.transport('write')).toMatchObject({ ok: true, via: 'page' });
    expect(again.published.at(-1)![1]).toMatchObject({ route: 'page', reason: 'workerRefused' });
    // Another org is not affected.
    again.setOrg(OTHER);
    again.setTabs([]);
    await again.r.refresh();
    expect(again.r.transport('write')).toMatchObject({ ok: true, via: 'worker' });
  });

  it('does not take a refused write for a refusing org when reads fail too (signed out), nor a refused read', async () => {
    const t = router();
    await t.r.ready;
    const write = t.r.transport('write');
    const signedOut: DataverseOutcome = { ok: false, kind: 'signedOut', status: 401, code: null, message: 'Sign in', retryAt: null };
    t.workerAnswers.push(
      () => signedOut,
      () => signedOut,
    );
    if (write.ok) await send(write.transport);
    const read = t.r.transport('read');
    t.workerAnswers.push(() => refused);
    if (read.ok) await send(read.transport, 'GET');
    expect(t.stored[ORG]?.workerRefused ?? null).toBeNull();
    expect(t.r.transport('write')).toMatchObject({ ok: true, via: 'worker' });
  });

  it('runs a monitor or join in the tab the supervisor looks at, and opens the conversation in that same tab', async () => {
    const t = router({ tabs: [workspaceTab(4), { ...workspaceTab(5), active: false, lastAccessed: 9 }] });
    await t.r.ready;
    const call = t.r.transport('workspace');
    expect(call).toMatchObject({ ok: true, via: 'page' });
    if (call.ok) await send(call.transport);
    expect(t.pageSends.map((s) => s.tab)).toEqual([4]);
    // The supervisor looks at the other tab meanwhile: the conversation still opens where monitor ran.
    t.setTabs([
      { ...workspaceTab(4), active: false },
      { ...workspaceTab(5), active: true },
    ]);
    expect(await t.r.actingTab()).toEqual({ id: 4, url: workspaceTab(4).url });
    // That tab closed: the one to act in now.
    t.setTabs([workspaceTab(5)]);
    expect(await t.r.actingTab()).toEqual({ id: 5, url: workspaceTab(5).url });
  });

  it('knows where to open the workspace: as last seen for the org, its default app, or the last one seen when no org is in use', async () => {
    const t = router({ tabs: [workspaceTab(2, `${ORG}/main.aspx?appid=abc&pagetype=dashboard`)] });
    await t.r.ready;
    expect(t.r.workspaceUrl()).toBe(`${ORG}/main.aspx?appid=abc`);
    const fresh = router({ org: OTHER });
    await fresh.r.ready;
    expect(fresh.r.workspaceUrl()).toBe(`${OTHER}/main.aspx?appname=msdyn_CustomerServiceWorkspace`);
    const none = router({ org: null, memory: t.stored });
    await none.r.ready;
    expect(none.r.workspaceUrl()).toBe(`${ORG}/main.aspx?appid=abc`);
    expect(none.published.at(-1)![0]).toEqual({ open: false, canOpen: true });
    const nothing = router({ org: null });
    await nothing.r.ready;
    expect(nothing.r.workspaceUrl()).toBeNull();
  });

  it('has no way for anything before the user is known to be a supervisor', async () => {
    const t = router({ signedIn: false, tabs: [workspaceTab(1)] });
    await t.r.ready;
    for (const route of ['read', 'write', 'workspace'] as const) expect(t.r.transport(route)).toEqual({ ok: false, why: 'signedOut' });
  });
});
