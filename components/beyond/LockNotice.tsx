import { t } from '../../lib/i18n';
import type { LockEntry } from '../../lib/beyond/beyond-state';

/** "Sofia Lindqvist is transferring this": another supervisor's action under way, as text (names are data). */
export function LockNotice({ lock }: { lock: LockEntry }) {
  return (
    <p class="fw-note fw-lock" role="status" data-lock={lock.kind}>
      <span aria-hidden="true">🔒 </span>
      {t(`beyond_lock_${lock.kind}`, lock.userName)}
    </p>
  );
}
