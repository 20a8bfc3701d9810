import { z } from 'zod';
import type { ActionRoute } from '../actions/definition';
import { decideRoute, writeRouteOf, type RouteChoice, type RouteFacts } from '../actions/routing';
import { whoAmIRequest } from '../dataverse/operations/who-am-i';
import type { DataverseOutcome, DataverseTransport } from '../dataverse/transport';
import type { WorkspaceState, WriteRoute } from '../model/workspace';
import type { StoredItem } from '../storage/stored-item';
import { chooseWorkspaceTab, defaultWorkspaceUrl, workspaceAppUrl, workspaceTabs, workspaceTabsOf, type TabInfo } from './workspace-tabs';

/** What the worker remembers per org (storage.local): where its workspace is, and whether it refused the worker's writes. */
export const WorkspaceMemorySchema = z.record(
  z.string(),
  z.object({
    /** The app's start page, as last seen in a workspace tab of the org. */
    appUrl: z.string().url().nullable(),
    seenAt: z.number(),
    /** The org refused a write from the worker while its reads succeeded: from then on writes go through the page. */
    workerRefused: z.object({ since: z.number(), detail: z.string().max(1000) }).nullable(),
  }),
);
export type WorkspaceMemory = z.infer<typeof WorkspaceMemorySchema>;
/** Orgs remembered; the ones seen longest ago are forgotten first. */
const MEMORY_LIMIT = 20;

export interface TransportRouterDeps {
  /** The org in use, or null. */
  org(): string | null;
  /** The worker's transport to the org in use, once the user is known to be a supervisor there. */
  worker(): DataverseTransport | null;
  /** A transport to the org through the tab `tab()` names when a request goes out (page-transport.ts). */
  page(org: string, tab: () => Promise<number | null>): DataverseTransport;
  tabs: {
    /** Open tabs on the workspace patterns (their URLs are visible to us). */
    query(patterns: string[]): Promise<TabInfo[]>;
    /** The window the user last focused, or null. */
    focusedWindowId(): Promise<number | null>;
  };
  /** The content script's match patterns: what a workspace URL looks like. */
  patterns(): string[];
  memory: Pick<StoredItem<WorkspaceMemory>, 'get' | 'set'>;
  now(): number;
  /** The workspace or the write route changed: tell the views. */
  publish(workspace: WorkspaceState, writeRoute: WriteRoute): void;
  log?: (line: string) => void;
}

/**
 * The runner's and the features' way to the platform: reads from the worker, writes through the org's workspace tab
 * when one is open and from the worker otherwise, monitor and join through the tab the supervisor is looking at
 * (lib/actions/routing.ts says which). It follows the workspace tabs as they open and close, and when the org refuses
 * a write from the worker while reads still succeed, it remembers that and sends writes through the page from then on.
 */
export function createTransportRouter(deps: TransportRouterDeps) {
  const log = deps.log ?? ((line: string) => console.warn(line));
  let memory: WorkspaceMemory = {};
  /** The orgs with a workspace tab open when the tabs were last looked at: right for whichever org is in use later. */
  let openOrgs = new Set<string>();
  /** The tab the last workspace call (monitor, join) ran in: the conversation opens there. */
  let lastActingTab: number | null = null;
  let published = '';
  const pages = new Map<string, DataverseTransport>();

  const remember = async (change: (memory: WorkspaceMemory) => WorkspaceMemory) => {
    const next = Object.entries(change({ ...memory }))
      .sort(([, a], [, b]) => b.seenAt - a.seenAt)
      .slice(0, MEMORY_LIMIT);
    memory = Object.fromEntries(next);
    await deps.memory.set(memory);
  };

  const factsFor = (org: string): RouteFacts => ({
    workspaceOpen: openOrgs.has(org),
    workerRefused: memory[org]?.workerRefused != null,
  });

  const lookAtTabs = async () => {
    const patterns = deps.patterns();
    const [tabs, focused] = await Promise.all([deps.tabs.query(patterns).catch(() => []), deps.tabs.focusedWindowId().catch(() => null)]);
    return { patterns, tabs, focused };
  };
  const pick = async (org: string): Promise<number | null> => {
    const { patterns, tabs, focused } = await lookAtTabs();
    return chooseWorkspaceTab(tabs, org, patterns, focused);
  };

  function state(): { workspace: WorkspaceState; writeRoute: WriteRoute } {
    const org = deps.org();
    const canOpen = org !== null || Object.values(memory).some((entry) => entry.appUrl !== null);
    if (!org)
      return { workspace: { open: false, canOpen }, writeRoute: writeRouteOf({ workspaceOpen: false, workerRefused: false }, null) };
    const facts = factsFor(org);
    return { workspace: { open: facts.workspaceOpen, canOpen }, writeRoute: writeRouteOf(facts, memory[org]?.workerRefused ?? null) };
  }

  function publishIfChanged(): void {
    const { workspace, writeRoute } = state();
    const text = JSON.stringify([workspace, writeRoute]);
    if (text === published) return;
    published = text;
    deps.publish(workspace, writeRoute);
  }

  /** Look at the tabs again: which org has its workspace open, and where each org's workspace is. */
  async function refresh(): Promise<void> {
    const patterns = deps.patterns();
    const tabs = await deps.tabs.query(patterns).catch(() => []);
    const workspaces = workspaceTabs(tabs, patterns);
    openOrgs = new Set(workspaces.map((tab) => tab.origin));
    const apps = new Map<string, string>();
    for (const tab of workspaces) {
      const app = workspaceAppUrl(tab.url);
      if (app) apps.set(tab.origin, app.toString());
    }
    const stale = [...apps].filter(([origin, url]) => memory[origin]?.appUrl !== url);
    if (stale.length > 0) {
      const now = deps.now();
      await remember((all) => {
        for (const [origin, appUrl] of stale) all[origin] = { workerRefused: null, ...all[origin], appUrl, seenAt: now };
        return all;
      });
    }
    publishIfChanged();
  }

  /** A write from the worker was refused; if a read still succeeds, the org refuses the worker's writes. */
  async function checkRefusal(org: string, worker: DataverseTransport, refused: DataverseOutcome & { ok: false }): Promise<void> {
    if (memory[org]?.workerRefused) return;
    const read = await worker.send(whoAmIRequest());
    if (!read.ok) return;
    log(
      `Floorwalker: ${org} refused a write from the worker (${refused.status}: ${refused.message}); writes go through the workspace tab from now on`,
    );
    const now = deps.now();
    await remember((all) => ({
      ...all,
      [org]: { appUrl: null, seenAt: now, ...all[org], workerRefused: { since: now, detail: refused.message.slice(0, 1000) } },
    }));
    publishIfChanged();
  }

  /** The worker's transport for writes, watched for the org refusing them (401/403 on a change). */
  const watchedWorker = (org: string, worker: DataverseTransport): DataverseTransport => ({
    org: worker.org,
    async send(request) {
      const outcome = await worker.send(request);
      if (!outcome.ok && request.method !== 'GET' && (outcome.status === 401 || outcome.status === 403))
        await checkRefusal(org, worker, outcome);
      return outcome;
    },
  });

  const pageTransport = (org: string): DataverseTransport => {
    let transport = pages.get(org);
    if (!transport) pages.set(org, (transport = deps.page(org, () => pick(org))));
    return transport;
  };

  /** Through the tab chosen now, for the whole call: the conversation later opens in the same tab. */
  const pinnedPageTransport = (org: string): DataverseTransport => {
    let chosen: Promise<number | null> | null = null;
    return deps.page(
      org,
      () =>
        (chosen ??= pick(org).then((tab) => {
          lastActingTab = tab;
          return tab;
        })),
    );
  };

  const ready = deps.memory
    .get()
    .then((saved) => {
      memory = saved;
    })
    .then(refresh)
    .catch((error: unknown) => log(`Floorwalker: workspace tabs not read: ${String(error)}`));

  return {
    /** Resolves once the worker has looked at the tabs and its memory: before that every write would look routeless. */
    ready,
    refresh,
    state,
    /** Another org or user is in use: say whether its workspace is open and how its writes go (no tab read needed). */
    orgChanged: publishIfChanged,
    /** The transport for a call of this route, or why there is none now. */
    transport(route: ActionRoute): RouteChoice {
      const org = deps.org();
      const worker = deps.worker();
      if (!org || !worker) return { ok: false, why: 'signedOut' };
      const via = decideRoute(route, factsFor(org));
      if (via === null) return { ok: false, why: 'needsWorkspace' };
      if (via === 'worker') return { ok: true, via, transport: route === 'read' ? worker : watchedWorker(org, worker) };
      return { ok: true, via, transport: route === 'workspace' ? pinnedPageTransport(org) : pageTransport(org) };
    },
    /** Where a conversation opened by the last workspace call shows: that call's tab if still open, else the one to act in now. */
    async actingTab(): Promise<{ id: number; url: string } | null> {
      const org = deps.org();
      if (!org) return null;
      const { patterns, tabs, focused } = await lookAtTabs();
      const mine = workspaceTabsOf(tabs, org, patterns);
      const id = mine.some((tab) => tab.id === lastActingTab) ? lastActingTab : chooseWorkspaceTab(tabs, org, patterns, focused);
      const tab = mine.find((candidate) => candidate.id === id);
      return tab ? { id: tab.id, url: tab.url } : null;
    },
    /** The workspace to open for the supervisor: the org in use (as last seen, else its default app), else the last one seen. */
    workspaceUrl(): string | null {
      const org = deps.org();
      if (org) return memory[org]?.appUrl ?? defaultWorkspaceUrl(org);
      const [latest] = Object.values(memory)
        .filter((entry) => entry.appUrl !== null)
        .sort((a, b) => b.seenAt - a.seenAt);
      return latest?.appUrl ?? null;
    },
  };
}
