import { LOCK_KINDS, type LockEntry, type LockKind } from './beyond-state';

/**
 * Soft locks across supervisors, with no server of our own: a supervisor's action is announced as a short-lived
 * note on the conversation, which every other supervisor's worker reads, and which is deleted when the action
 * ends. The subject is readable in Dynamics too; the text carries what the panels need. Advisory only: the
 * platform's own rules and row versions (412) still decide.
 */
export const LOCK_SUBJECT = 'Floorwalker lock';

/** Longest a lock counts, even if its owner's browser died before deleting it. */
export const LOCK_TTL_MS = 10 * 60_000;

/** Actions worth announcing: the ones that change the conversation. */
export const isLockKind = (kind: unknown): kind is LockKind => (LOCK_KINDS as readonly unknown[]).includes(kind);

interface LockText {
  floorwalkerLock: 1;
  kind: LockKind;
  userName: string;
  until: number;
}

export function lockNote(kind: LockKind, userName: string, now: number): { subject: string; text: string } {
  const body: LockText = { floorwalkerLock: 1, kind, userName, until: now + LOCK_TTL_MS };
  return { subject: `${LOCK_SUBJECT}: ${userName} (${kind})`, text: JSON.stringify(body) };
}

/** A lock from a note's subject and text; null for any other note or a broken one. */
export function readLock(
  note: { id: string; conversationId: string; subject: string; text: string; authorId: string | null },
  now: number,
): LockEntry | null {
  if (!note.subject.startsWith(LOCK_SUBJECT)) return null;
  let body: Partial<LockText>;
  try {
    body = JSON.parse(note.text) as Partial<LockText>;
  } catch {
    return null;
  }
  if (body.floorwalkerLock !== 1 || !isLockKind(body.kind) || typeof body.userName !== 'string' || typeof body.until !== 'number') return null;
  if (body.until <= now) return null;
  const until = Math.min(body.until, now + LOCK_TTL_MS);
  return { id: note.id, conversationId: note.conversationId, kind: body.kind, userId: note.authorId, userName: body.userName.slice(0, 200), until };
}

/** Someone else's live lock on the conversation, if any (the newest one wins). */
export function othersLock(locks: readonly LockEntry[], conversationId: string, me: string | null, now: number): LockEntry | null {
  const mine = (lock: LockEntry) => me !== null && lock.userId !== null && lock.userId.toLowerCase() === me.toLowerCase();
  return locks.filter((l) => l.conversationId === conversationId && l.until > now && !mine(l)).sort((a, b) => b.until - a.until)[0] ?? null;
}
