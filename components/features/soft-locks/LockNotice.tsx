import { Icon } from '../../panel/Icon';
import { lockWords } from '../../../lib/actions/words';
import type { LockEntry } from '../../../lib/features/soft-locks/locks';

/** "Sofia Lindqvist is transferring this": another supervisor's action under way, as text (names are data). */
export function LockNotice({ lock }: { lock: LockEntry }) {
  return (
    <p class="fw-note fw-lock" role="status" data-lock={lock.kind}>
      <Icon name="lock" inline />
      {lockWords(lock)}
    </p>
  );
}
