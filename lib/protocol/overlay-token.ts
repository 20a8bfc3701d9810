// zod/mini: the workspace loader reads the worker's reply too, and it must stay a few kilobytes.
import * as z from 'zod/mini';

/** The one-time token the worker issues for a workspace tab's overlay frame (lib/worker/overlay-admission.ts). */
export const OverlayTokenSchema = z.string().check(z.regex(/^[A-Za-z0-9_-]{32,128}$/));

/** The worker's answer to the loader's `overlayToken` request, as the loader accepts it. */
export const OverlayTokenReplySchema = z.object({ ok: z.literal(true), token: OverlayTokenSchema });
