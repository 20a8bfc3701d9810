import { othersLock } from '../../lib/beyond/soft-locks';
import type { BeyondModel } from '../../lib/beyond/view-beyond';
import { LockNotice } from './LockNotice';

/** Another supervisor's action under way on this conversation, if any: shown before one acts on it too. */
export function LockWarning({ conversationId, model, me, now }: { conversationId: string; model: BeyondModel; me: string | null; now: number }) {
  const lock = othersLock(model.state.value.locks, conversationId, me, now);
  return lock ? <LockNotice lock={lock} /> : null;
}
