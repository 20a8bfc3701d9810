import { t } from '../../lib/i18n';
import { othersLock } from '../../lib/beyond/soft-locks';
import { beyondModel } from '../../lib/beyond/view-beyond';

/**
 * A lock on the grid row when another supervisor is acting on the conversation: an icon, with the words for
 * screen readers and as a tooltip. (The worker publishes only other supervisors' locks.)
 */
export function RowLockMark({ conversationId }: { conversationId: string }) {
  const lock = othersLock(beyondModel().state.value.locks, conversationId, null, Date.now());
  if (!lock) return null;
  const words = t(`beyond_lock_${lock.kind}`, lock.userName);
  return (
    <span class="fw-lock-mark" title={words} data-lock={lock.kind}>
      <span aria-hidden="true">🔒 </span>
      <span class="fw-visually-hidden">{words}: </span>
    </span>
  );
}
