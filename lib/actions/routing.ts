import type { DataverseTransport } from '../dataverse/transport';
import type { WorkspaceState, WriteRoute } from '../model/workspace';
import type { MessageKey } from '../i18n/message-key';
import type { ActionRoute } from './definition';

/**
 * Which way a platform call goes (docs/decisions/0003-reads-in-the-worker-writes-in-the-page.md). Reads stay in the
 * worker: they must work with no view open, and cost one request for any number of views. Writes go through the
 * org's workspace tab whenever one is open, since that is how the app itself sends them; with none open they go from
 * the worker, unless the org has refused the worker's writes. Calls that belong to the workspace client (monitor,
 * join) need the tab.
 */
export type Via = 'page' | 'worker';

/** What the worker knows about the org that decides the way. */
export interface RouteFacts {
  /** A workspace tab of the org is open. */
  workspaceOpen: boolean;
  /** The org refused a write from the worker while its reads succeeded (remembered per org). */
  workerRefused: boolean;
}

/** The way for a call of this route, or null when it cannot go until a workspace tab is open. */
export function decideRoute(route: ActionRoute, facts: RouteFacts): Via | null {
  if (route === 'read') return 'worker';
  if (facts.workspaceOpen) return 'page';
  return route === 'write' && !facts.workerRefused ? 'worker' : null;
}

/** What the runner and the features are given for a route: the transport, or why there is none now. */
export type RouteChoice = { ok: true; transport: DataverseTransport; via: Via } | { ok: false; why: 'signedOut' | 'needsWorkspace' };

/** The way writes take, for the views and the diagnostics. */
export function writeRouteOf(facts: RouteFacts, refusal: { since: number; detail: string } | null): WriteRoute {
  const route = decideRoute('write', facts) ?? 'none';
  if (facts.workerRefused && refusal) return { route, reason: 'workerRefused', since: refusal.since, detail: refusal.detail };
  return { route, reason: facts.workspaceOpen ? 'workspaceOpen' : 'noWorkspace', since: null, detail: null };
}

/** The facts as a view has them, from the worker's published state. */
export const routeFactsOf = (workspace: WorkspaceState, writeRoute: WriteRoute): RouteFacts => ({
  workspaceOpen: workspace.open,
  workerRefused: writeRoute.reason === 'workerRefused',
});

/** The i18n key saying why an action cannot be sent until the workspace is open; null when its route is open. */
export const routeBlockReason = (route: ActionRoute, facts: RouteFacts): MessageKey | null =>
  decideRoute(route, facts) === null ? 'actions_reason_openWorkspace' : null;
