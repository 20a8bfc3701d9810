import { z } from 'zod';
import { LOCKABLE_KINDS, type ActionKind } from '../../actions/registry';

/**
 * Soft locks across supervisors, with no server of our own: a supervisor's action is announced as a short-lived
 * note on the conversation, which every other supervisor's worker reads, and which is deleted when the action
 * ends. The subject is readable in Dynamics too; the text carries what the panels need. Advisory only: the
 * platform's own rules and row versions (412) still decide.
 */
export const LOCK_SUBJECT = 'Floorwalker lock';

/** Longest a lock counts, even if its owner's browser died before deleting it. */
export const LOCK_TTL_MS = 10 * 60_000;

/** The actions announced with a lock (their definitions say so: the ones that change the conversation). */
export const isLockKind = (kind: unknown): kind is ActionKind => (LOCKABLE_KINDS as readonly unknown[]).includes(kind);
const LockKindSchema = z.string().refine(isLockKind, 'not an action announced with a lock') as unknown as z.ZodType<ActionKind>;

/** Another supervisor's action under way on a conversation, read from its lock note. */
export const LockEntrySchema = z.object({
  id: z.string(),
  conversationId: z.string(),
  kind: LockKindSchema,
  userId: z.string().nullable(),
  userName: z.string(),
  until: z.number(),
});
export type LockEntry = z.infer<typeof LockEntrySchema>;

/** What a lock note's text carries (JSON): written by every supervisor's Floorwalker, so read defensively. */
const LockTextSchema = z.object({ floorwalkerLock: z.literal(1), kind: LockKindSchema, userName: z.string(), until: z.number() });
type LockText = z.infer<typeof LockTextSchema>;

export function lockNote(kind: ActionKind, userName: string, now: number): { subject: string; text: string } {
  const body: LockText = { floorwalkerLock: 1, kind, userName, until: now + LOCK_TTL_MS };
  return { subject: `${LOCK_SUBJECT}: ${userName} (${kind})`, text: JSON.stringify(body) };
}

/** A lock from a note's subject and text; null for any other note, a broken one or an expired one. */
export function readLock(
  note: { id: string; conversationId: string; subject: string; text: string; authorId: string | null },
  now: number,
): LockEntry | null {
  if (!note.subject.startsWith(LOCK_SUBJECT)) return null;
  let json: unknown;
  try {
    json = JSON.parse(note.text);
  } catch {
    return null;
  }
  const body = LockTextSchema.safeParse(json);
  if (!body.success || body.data.until <= now) return null;
  const until = Math.min(body.data.until, now + LOCK_TTL_MS);
  return {
    id: note.id,
    conversationId: note.conversationId,
    kind: body.data.kind,
    userId: note.authorId,
    userName: body.data.userName.slice(0, 200),
    until,
  };
}

/** Someone else's live lock on the conversation, if any (the newest one wins). */
export function othersLock(locks: readonly LockEntry[], conversationId: string, me: string | null, now: number): LockEntry | null {
  const mine = (lock: LockEntry) => me !== null && lock.userId !== null && lock.userId.toLowerCase() === me.toLowerCase();
  return locks.filter((l) => l.conversationId === conversationId && l.until > now && !mine(l)).sort((a, b) => b.until - a.until)[0] ?? null;
}
