import { z } from 'zod';

/**
 * How current the picture is. Views render this verbatim ("Live · updated 2 s ago", "Offline since 10:42", …);
 * it is data from the feed, never guessed by a view.
 */
export const FreshnessSchema = z.object({
  state: z.enum(['connecting', 'live', 'delayed', 'offline', 'signedOut', 'throttled', 'paused']),
  /** Epoch ms of the last poll that succeeded. */
  lastSuccessAt: z.number().nullable(),
  /** Epoch ms since when the feed has been failing (offline/delayed). */
  failingSince: z.number().nullable(),
  /** Epoch ms when the platform allows the next request (throttled) or the next retry is due. */
  retryAt: z.number().nullable(),
  intervalMs: z.number(),
});
export type Freshness = z.infer<typeof FreshnessSchema>;
