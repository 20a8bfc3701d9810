import type { ReadonlySignal } from '@preact/signals';
import { Icon } from '../../panel/Icon';
import { lockWords } from '../../../lib/actions/words';
import { othersLock, type LockEntry } from '../../../lib/features/soft-locks/locks';

/**
 * A lock on the grid row when another supervisor is acting on the conversation: an icon, with the words for
 * screen readers and as a tooltip. (The worker publishes only other supervisors' locks.) Reads the locks signal
 * itself, so a change of locks re-renders the marks, not the rows.
 */
export function RowLockMark({ conversationId, locks }: { conversationId: string; locks: ReadonlySignal<readonly LockEntry[]> }) {
  const lock = othersLock(locks.value, conversationId, null, Date.now());
  if (!lock) return null;
  const words = lockWords(lock);
  return (
    <span class="fw-lock-mark" title={words} data-lock={lock.kind}>
      <Icon name="lock" inline />
      <span class="fw-visually-hidden">{words}: </span>
    </span>
  );
}
