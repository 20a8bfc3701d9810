// zod/mini, not zod: this schema is read in the overlay content script, where full zod would triple its size.
import * as z from 'zod/mini';

/** A note on a conversation (annotation, objectid → msdyn_ocliveworkitem): the shared action log's entries. */
export const NoteEntrySchema = z.object({
  id: z.string(),
  conversationId: z.string(),
  createdAt: z.number(),
  author: z.nullable(z.string()),
  authorId: z.nullable(z.string()),
  subject: z.string(),
  text: z.string(),
});
export type NoteEntry = z.infer<typeof NoteEntrySchema>;

/**
 * The actions announced with a lock: the ones that change the conversation. (Listed here rather than taken from
 * lib/model/actions, whose full zod must stay out of the overlay.)
 */
export const LOCK_KINDS = ['assignAgent', 'assignQueue', 'transfer', 'forceClose'] as const;
export type LockKind = (typeof LOCK_KINDS)[number];

/** Another supervisor's action under way on a conversation, read from its short-lived lock note. */
export const LockEntrySchema = z.object({
  id: z.string(),
  conversationId: z.string(),
  kind: z.enum(LOCK_KINDS),
  userId: z.nullable(z.string()),
  userName: z.string(),
  until: z.number(),
});
export type LockEntry = z.infer<typeof LockEntrySchema>;

export const ALERT_KINDS = ['idleMismatch', 'breachSoon', 'sentimentDrop'] as const;
export type AlertKind = (typeof ALERT_KINDS)[number];

export const AlertSchema = z.object({
  /** Stable while the condition lasts: notifications fire once per key. */
  key: z.string(),
  kind: z.enum(ALERT_KINDS),
  queueId: z.nullable(z.string()),
  queueName: z.nullable(z.string()),
  conversationIds: z.array(z.string()),
  /** idleMismatch: agents free; breachSoon: minutes to the first breach; sentimentDrop: the new label. */
  value: z.number(),
  /** The label of the conversation (sentimentDrop), for the words. */
  label: z.nullable(z.string()),
});
export type Alert = z.infer<typeof AlertSchema>;

/**
 * What the worker adds to the feed for issue 11, kept in storage.local (which the overlay can read) and replaced
 * as a whole: alerts, other supervisors' locks and the shared notes. Views validate it on every read.
 */
export const BeyondStateSchema = z.object({
  version: z.literal(1),
  org: z.nullable(z.string()),
  alerts: z.array(AlertSchema),
  locks: z.array(LockEntrySchema),
  notes: z.array(NoteEntrySchema),
  /** Notes are kept from this time on (epoch ms). */
  notesSince: z.number(),
  updatedAt: z.number(),
});
export type BeyondState = z.infer<typeof BeyondStateSchema>;

export const BEYOND_STATE_KEY = 'floorwalker.beyond';

export const EMPTY_BEYOND: BeyondState = { version: 1, org: null, alerts: [], locks: [], notes: [], notesSince: 0, updatedAt: 0 };

export function parseBeyondState(value: unknown): BeyondState {
  const parsed = BeyondStateSchema.safeParse(value);
  return parsed.success ? parsed.data : EMPTY_BEYOND;
}
