import type { ReadonlySignal } from '@preact/signals';
import { locale, t } from '../../lib/i18n';
import type { Conversation } from '../../lib/model/conversation';
import type { Threshold } from '../../lib/model/settings';
import { formatDuration } from '../../lib/format/duration';
import { formatAgo } from '../../lib/format/relative';
import { handleSeconds, waitSeconds } from '../../lib/view-model/conversation-times';
import { sentimentFlagged, waitLevel, type WaitLevel } from '../../lib/view-model/thresholds';
import { sentimentWords } from '../../lib/format/sentiment';
import { Icon } from './Icon';

const STATUS_ICON: Record<Conversation['status'], string> = { open: '◯', waiting: '◔', active: '●', wrapup: '◑' };

export function StatusBadge({ status }: { status: Conversation['status'] }) {
  return (
    <span class={`fw-status fw-status-${status}`}>
      <span aria-hidden="true">{STATUS_ICON[status] ?? '?'}</span> {t(`panel_status_${status}`)}
    </span>
  );
}

/** Icon and words, so sentiment never rests on colour alone (WCAG 1.4.1). */
const SENTIMENT_ICON: Record<number, string> = { 7: '▼▼▼', 8: '▼▼', 9: '▼', 10: '◆', 11: '▲', 12: '▲▲', 13: '▲▲▲' };

export function sentimentLabel(sentiment: number): string {
  return sentimentWords(sentiment);
}

/** With iconOnly (the narrow row) the words are for screen readers and the tooltip only. */
export function SentimentBadge({
  sentiment,
  threshold,
  iconOnly = false,
}: {
  sentiment: number;
  threshold: Threshold | null;
  iconOnly?: boolean;
}) {
  const flagged = sentimentFlagged(sentiment, threshold);
  const tone = sentiment === 0 ? 'na' : sentiment < 10 ? 'negative' : sentiment > 10 ? 'positive' : 'neutral';
  const label = sentimentLabel(sentiment);
  return (
    <span class={`fw-sentiment fw-sentiment-${tone}${flagged ? ' fw-flagged' : ''}`} title={iconOnly ? label : undefined}>
      <span class="fw-icon" aria-hidden="true">
        {flagged ? '⚠ ' : ''}
        {SENTIMENT_ICON[sentiment] ?? '–'}
      </span>{' '}
      {iconOnly ? <span class="fw-visually-hidden">{label}</span> : label}
      {flagged && <span class="fw-visually-hidden"> ({t('panel_flag_sentiment')})</span>}
    </span>
  );
}

/** Ticking wait time, coloured by the queue's threshold and marked with an icon and hidden words as well. */
export function WaitTime({ row, now, threshold }: { row: Conversation; now: ReadonlySignal<number>; threshold: Threshold | null }) {
  const seconds = waitSeconds(row, now.value);
  if (seconds === null) return <span class="fw-muted">–</span>;
  return MarkedWait({ seconds, level: waitLevel(seconds, threshold) });
}

export function MarkedWait({ seconds, level }: { seconds: number; level: WaitLevel }) {
  return (
    <span class={`fw-wait fw-wait-${level}`}>
      {level === 'alert' && <span aria-hidden="true">⚠ </span>}
      {level === 'warn' && <Icon name="clock" inline />}
      {formatDuration(seconds)}
      {level !== 'ok' && <span class="fw-visually-hidden"> ({t(`panel_flag_wait_${level}`)})</span>}
    </span>
  );
}

export function HandleTime({ row, now }: { row: Conversation; now: ReadonlySignal<number> }) {
  const seconds = handleSeconds(row, now.value);
  return seconds === null ? <span class="fw-muted">–</span> : <span>{formatDuration(seconds)}</span>;
}

/** How long ago the feed saw this version of the row. */
export function RowFreshness({ observedAt, now }: { observedAt: number; now: ReadonlySignal<number> }) {
  return <span class="fw-muted">{formatAgo(observedAt, now.value, locale.value)}</span>;
}
