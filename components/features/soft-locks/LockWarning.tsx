import { othersLock, type LockEntry } from '../../../lib/features/soft-locks/locks';
import { LockNotice } from './LockNotice';

/** Another supervisor's action under way on this conversation, if any: shown before one acts on it too. */
export function LockWarning({
  conversationId,
  locks,
  me,
  now,
}: {
  conversationId: string;
  locks: readonly LockEntry[];
  me: string | null;
  now: number;
}) {
  const lock = othersLock(locks, conversationId, me, now);
  return lock ? <LockNotice lock={lock} /> : null;
}
