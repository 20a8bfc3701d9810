import type { Conversation } from '../../model/conversation';
import type { EffectiveSettings } from '../../model/settings';
import { waitSeconds } from '../../view-model/conversation-times';
import { sentimentFlagged, thresholdFor, waitLevel } from '../../view-model/thresholds';
import type { Alert } from '../alerts/alert';
import { othersLock, type LockEntry } from '../soft-locks/locks';
import type { StuckMinutes } from '../sweeper/prefs';
import { idleSeconds, stuckMinutesFor } from '../sweeper/stuck';
import type { MessageKey } from '../../i18n/message-key';

/** One reason a row stands out, as an i18n key and its substitutions. */
export interface Flag {
  key: MessageKey;
  subs: Array<string | number>;
}

export interface RowContext {
  /** Seconds since the platform last changed the row; null if unknown. */
  sinceChangeSeconds: number | null;
  flags: Flag[];
  lock: LockEntry | null;
}

export interface RowContextInput {
  settings: EffectiveSettings | null;
  stuckMinutes: StuckMinutes;
  alerts: readonly Alert[];
  locks: readonly LockEntry[];
  me: string | null;
  now: number;
}

/**
 * Why a row is flagged, in words the details can show: the wait and sentiment thresholds (the same ones the grid
 * colours by), stuck, the alerts it is part of, and another supervisor's action under way.
 */
export function rowContext(row: Conversation, input: RowContextInput): RowContext {
  const threshold = thresholdFor(input.settings, row.queueId);
  const flags: Flag[] = [];
  const wait = waitSeconds(row, input.now);
  const level = waitLevel(row.agentId === null ? wait : null, threshold);
  if (level !== 'ok' && threshold) {
    const limit = level === 'alert' ? threshold.waitAlertSeconds : threshold.waitWarnSeconds;
    flags.push({ key: `context_flag_wait_${level}`, subs: [Math.round(limit / 60)] });
  }
  if (sentimentFlagged(row.sentiment, threshold)) flags.push({ key: 'context_flag_sentiment', subs: [] });
  const idle = idleSeconds(row, input.now);
  const stuckAfter = stuckMinutesFor(row, input.stuckMinutes);
  if (row.status !== 'active' && idle !== null && idle >= stuckAfter * 60) flags.push({ key: 'context_flag_stuck', subs: [stuckAfter] });
  for (const alert of input.alerts) {
    if (alert.conversationIds.includes(row.id)) flags.push({ key: `context_flag_alert_${alert.kind}`, subs: [] });
  }
  if (row.pending) flags.push({ key: `context_flag_pending_${row.pending.kind}`, subs: [] });
  return { sinceChangeSeconds: idle, flags, lock: othersLock(input.locks, row.id, input.me, input.now) };
}
