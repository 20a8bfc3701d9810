import { z } from 'zod';

/**
 * Which way the supervisor's changes (actions, reason notes, lock notes) reach the org right now
 * (docs/decisions/0003-reads-in-the-worker-writes-in-the-page.md). Reads always go from the worker.
 * - `page`: through the org's workspace tab (the default whenever one is open);
 * - `worker`: from the worker, since no workspace tab is open;
 * - `none`: nowhere until a workspace tab is open, since the org refused the worker's writes.
 */
export const WriteRouteSchema = z.object({
  route: z.enum(['page', 'worker', 'none']),
  /** `workerRefused` once the org refused a write from the worker while its reads succeeded (remembered per org). */
  reason: z.enum(['workspaceOpen', 'noWorkspace', 'workerRefused']),
  /** When the org refused the worker's writes (epoch ms); null for the other reasons. */
  since: z.number().nullable(),
  /** The platform's own words when it refused. */
  detail: z.string().max(1000).nullable(),
});
export type WriteRoute = z.infer<typeof WriteRouteSchema>;

/** The org's workspace as the worker sees it: monitor and join need an open tab; the panel can offer to open one. */
export const WorkspaceStateSchema = z.object({
  /** A workspace tab of the org in use is open. */
  open: z.boolean(),
  /** The worker knows where the org's workspace is (a tab it saw, or the org in the settings), so it can open it. */
  canOpen: z.boolean(),
});
export type WorkspaceState = z.infer<typeof WorkspaceStateSchema>;

/** Before the worker has looked at the tabs. */
export const UNKNOWN_WORKSPACE: WorkspaceState = { open: false, canOpen: false };
export const NO_WRITE_ROUTE: WriteRoute = { route: 'worker', reason: 'noWorkspace', since: null, detail: null };
