import { z } from 'zod';
import { AlertSchema } from '../features/alerts/alert';
import { AlertsChangeSchema } from '../features/alerts/alerts-change';
import { LockEntrySchema } from '../features/soft-locks/locks';
import { TrendsChangeSchema, TrendsSchema } from '../features/trends/trends';
import { ActionIntentSchema } from '../model/actions';
import { FeedPatchSchema, FeedStateSchema } from '../model/feed-state';
import { NoteEntrySchema } from '../model/note';
import { OverlayTokenSchema } from './overlay-token';

/**
 * The channel between a view (overlay or side panel) and the worker: a long-lived port.
 * Views subscribe and get a snapshot, then patches; the platform sees the same requests for ten views as for one.
 */
export const VIEW_PORT_NAME = 'floorwalker-view';

const ViewKindSchema = z.enum(['overlay', 'sidepanel']);
export type ViewKind = z.infer<typeof ViewKindSchema>;

export const ViewToWorkerSchema = z.discriminatedUnion('type', [
  /** The overlay frame says hello with its token; the side panel and other extension pages need none. */
  /** `bulk`: large messages may come by the other way (see "Large messages" below); absent or false, all by the port. */
  z.object({
    type: z.literal('hello'),
    view: ViewKindSchema,
    visible: z.boolean(),
    bulk: z.boolean().optional(),
    token: z.optional(OverlayTokenSchema),
  }),
  z.object({ type: z.literal('visibility'), visible: z.boolean() }),
  /** Keeps the worker alive while a view is open (MV3 stops idle workers after 30 s). */
  z.object({ type: z.literal('heartbeat') }),
  z.object({ type: z.literal('pause') }),
  z.object({ type: z.literal('resume') }),
  z.object({ type: z.literal('refresh') }),
  z.object({ type: z.literal('action'), requestId: z.string().min(1).max(100), intent: ActionIntentSchema }),
  /** Open the org's agent workspace in a new tab; where it is, the worker decides (no URL comes from a view). */
  z.object({ type: z.literal('openWorkspace') }),
  /** The answer to `whenDrawn`: everything the worker sent before it is on this view's screen. */
  z.object({ type: z.literal('drawn'), id: z.string().min(1).max(100) }),
]);
export type ViewToWorker = z.infer<typeof ViewToWorkerSchema>;

/**
 * What a feature's worker half publishes: the alerts in force, other supervisors' locks, the shared log's notes and
 * the trends. A view gets each whole once after the snapshot, then whenever it changes: whole again, except the
 * alerts and the trends, which come as what changed.
 */
const FeatureUpdateSchema = z.discriminatedUnion('feature', [
  z.object({ feature: z.literal('alerts'), alerts: z.array(AlertSchema) }),
  z.object({ feature: z.literal('alertsChange'), change: AlertsChangeSchema }),
  z.object({ feature: z.literal('softLocks'), locks: z.array(LockEntrySchema) }),
  z.object({ feature: z.literal('sharedLog'), notes: z.array(NoteEntrySchema) }),
  z.object({ feature: z.literal('trends'), trends: TrendsSchema }),
  z.object({ feature: z.literal('trendsChange'), change: TrendsChangeSchema }),
]);
export type FeatureUpdate = z.infer<typeof FeatureUpdateSchema>;

export const WorkerToViewSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('snapshot'), state: FeedStateSchema }),
  z.object({ type: z.literal('patch'), patch: FeedPatchSchema }),
  /** A message from the view that failed validation; the view shows it instead of silently losing it. */
  z.object({ type: z.literal('rejected'), reason: z.string() }),
  z.object({ type: z.literal('feature'), update: FeatureUpdateSchema }),
  /** Asks the view to answer `drawn` with this id once what came before is drawn (the worker's next work waits for it). */
  z.object({ type: z.literal('whenDrawn'), id: z.string().min(1).max(100) }),
]);
export type WorkerToView = z.infer<typeof WorkerToViewSchema>;

/*
 * Large messages (a snapshot, a patch of thousands of rows) go to a view as a structured clone from the worker to
 * the view's own page (Client.postMessage) instead of over the port, whose messages are converted value by value: a
 * 50,000-row message took ~5x as long that way. The port keeps the order: in its place goes a reference, and the view
 * applies the large message when it reaches that reference (lib/view-model/in-order.ts). Only the extension's own
 * worker can post to its pages.
 */
export const BulkRefSchema = z.object({ type: z.literal('bulk'), id: z.string().min(1).max(100) });
export type BulkRef = z.infer<typeof BulkRefSchema>;
export const BulkEnvelopeSchema = BulkRefSchema.extend({ message: z.unknown() });
export type BulkEnvelope = z.infer<typeof BulkEnvelopeSchema>;
/** The messages the feed model applies; feature updates go to the features' models. */
export type FeedMessage = Exclude<WorkerToView, { type: 'feature' | 'whenDrawn' }>;
