import { formatDuration, formatSpan } from '../../format/duration';
import { t } from '../../i18n';
import type { BasePresence } from '../../model/agent';
import type { PresenceSpan, QueuePoint } from './trends';

/**
 * What a sparkline shows, in words for screen readers: the waiting count now (the tile's live figure), its range
 * over the samples, and the longest wait now and at most.
 */
export function queueTrendWords(name: string, points: readonly QueuePoint[], waitingNow: number, longestNowSeconds: number): string {
  if (points.length === 0) return t('trends_queue_none', name, waitingNow);
  const counts = [...points.map((point) => point.waiting), waitingNow];
  const longest = Math.max(longestNowSeconds, ...points.map((point) => point.longestWait));
  return t(
    'trends_queue_text',
    name,
    waitingNow,
    Math.min(...counts),
    Math.max(...counts),
    formatDuration(longestNowSeconds),
    formatDuration(longest),
  );
}

/** An agent's hour in words: each presence with the time spent in it, longest first ("Available 42 min, Busy 18 min"). */
export function presenceTrendWords(spans: readonly PresenceSpan[], locale: string): string {
  if (spans.length === 0) return t('trends_presence_none');
  const totals = new Map<BasePresence, number>();
  for (const span of spans) totals.set(span.presence, (totals.get(span.presence) ?? 0) + (span.to - span.from));
  const parts = [...totals]
    .sort((a, b) => b[1] - a[1])
    .map(([presence, ms]) => t('trends_presence_span', t(`panel_presence_${presence}`), formatSpan(ms / 1000, locale)));
  return t('trends_presence_text', parts.join(', '));
}
