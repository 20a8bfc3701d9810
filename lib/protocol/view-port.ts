import { z } from 'zod';
import { ActionIntentSchema } from '../model/actions';
import { FeedPatchSchema, FeedStateSchema } from '../model/feed-state';
import { OverlayTokenSchema } from './overlay-token';

/**
 * The channel between a view (overlay or side panel) and the worker: a long-lived port.
 * Views subscribe and get a snapshot, then patches; the platform sees the same requests for ten views as for one.
 */
export const VIEW_PORT_NAME = 'floorwalker-view';

export const ViewKindSchema = z.enum(['overlay', 'sidepanel']);
export type ViewKind = z.infer<typeof ViewKindSchema>;

export const ViewToWorkerSchema = z.discriminatedUnion('type', [
  /** The overlay frame says hello with its token; the side panel and other extension pages need none. */
  z.object({ type: z.literal('hello'), view: ViewKindSchema, visible: z.boolean(), token: z.optional(OverlayTokenSchema) }),
  z.object({ type: z.literal('visibility'), visible: z.boolean() }),
  /** Keeps the worker alive while a view is open (MV3 stops idle workers after 30 s). */
  z.object({ type: z.literal('heartbeat') }),
  z.object({ type: z.literal('pause') }),
  z.object({ type: z.literal('resume') }),
  z.object({ type: z.literal('refresh') }),
  z.object({ type: z.literal('action'), requestId: z.string().min(1).max(100), intent: ActionIntentSchema }),
]);
export type ViewToWorker = z.infer<typeof ViewToWorkerSchema>;

export const WorkerToViewSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('snapshot'), state: FeedStateSchema }),
  z.object({ type: z.literal('patch'), patch: FeedPatchSchema }),
  /** A message from the view that failed validation; the view shows it instead of silently losing it. */
  z.object({ type: z.literal('rejected'), reason: z.string() }),
]);
export type WorkerToView = z.infer<typeof WorkerToViewSchema>;
