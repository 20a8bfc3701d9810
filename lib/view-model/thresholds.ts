import { DEFAULT_SETTINGS, type EffectiveSettings, type Threshold } from '../model/settings';

export type WaitLevel = 'ok' | 'warn' | 'alert';

const FALLBACK: Threshold = DEFAULT_SETTINGS.thresholds['*']!;

/** The queue's own threshold, else the `*` default from settings, else the product default. */
export function thresholdFor(settings: EffectiveSettings | null, queueId: string | null): Threshold {
  const thresholds = settings?.values.thresholds ?? {};
  return (queueId ? thresholds[queueId] : undefined) ?? thresholds['*'] ?? FALLBACK;
}

export function waitLevel(seconds: number | null, threshold: Threshold): WaitLevel {
  if (seconds === null) return 'ok';
  if (seconds >= threshold.waitAlertSeconds) return 'alert';
  if (seconds >= threshold.waitWarnSeconds) return 'warn';
  return 'ok';
}

/** Sentiment labels run 7 (very negative) … 13 (very positive); 0 is N/A and never flagged. */
export function sentimentFlagged(sentiment: number, threshold: Threshold): boolean {
  return sentiment >= 7 && sentiment <= threshold.sentimentAlertAtOrBelow;
}
