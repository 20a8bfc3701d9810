import { z } from 'zod';
import { OverlayTokenSchema } from './overlay-token';
import { DiagnosticsReportSchema } from '../discovery/report';

/** One-shot messages (runtime.sendMessage). Every message is validated by the receiver. */
export const RuntimeRequestSchema = z.discriminatedUnion('type', [
  /** Health check: answers who the worker thinks the sender is. */
  z.object({ type: z.literal('ping') }),
  /** From the overlay or its launcher: open the browser side panel in this window (needs the click's user gesture). */
  z.object({ type: z.literal('openSidePanel') }),
  /** From the loader in a workspace tab: a one-time token for the overlay frame it is about to create. */
  z.object({ type: z.literal('overlayToken') }),
  /** From the options page: ask for a host permission the user just granted to be used. */
  z.object({ type: z.literal('settingsChanged') }),
  /** From the options page: run every probe of the signed-in org now ("Check this organization"). */
  z.object({ type: z.literal('diagnose') }),
]);
export type RuntimeRequest = z.infer<typeof RuntimeRequestSchema>;

const SenderKindSchema = z.enum(['extensionPage', 'overlayFrame', 'contentScript']);
export type SenderKind = z.infer<typeof SenderKindSchema>;

export const RuntimeResponseSchema = z.discriminatedUnion('ok', [
  z.object({
    ok: z.literal(true),
    sender: SenderKindSchema,
    version: z.string(),
    token: z.optional(OverlayTokenSchema),
    report: z.optional(DiagnosticsReportSchema),
  }),
  z.object({ ok: z.literal(false), error: z.string() }),
]);
export type RuntimeResponse = z.infer<typeof RuntimeResponseSchema>;
