import { z } from 'zod';

export const ALERT_KINDS = ['idleMismatch', 'breachSoon', 'sentimentDrop'] as const;

/** One condition the worker found in the feed, as the views, the badge and the notifications show it. */
export const AlertSchema = z.object({
  /** Stable while the condition lasts: notifications fire once per key. */
  key: z.string(),
  kind: z.enum(ALERT_KINDS),
  queueId: z.string().nullable(),
  queueName: z.string().nullable(),
  conversationIds: z.array(z.string()),
  /** idleMismatch: agents free; breachSoon: minutes to the first breach; sentimentDrop: the new label. */
  value: z.number(),
  /** The label of the conversation (sentimentDrop), for the words. */
  label: z.string().nullable(),
});
export type Alert = z.infer<typeof AlertSchema>;
