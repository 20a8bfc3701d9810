import type { EffectiveSettings, Threshold } from '../model/settings';

export type WaitLevel = 'ok' | 'warn' | 'alert';

/**
 * The queue's own threshold, else the `*` default from settings. Null until settings arrive: nothing is flagged
 * rather than flagged by numbers the organisation did not choose.
 */
export function thresholdFor(settings: EffectiveSettings | null, queueId: string | null): Threshold | null {
  const thresholds = settings?.values.thresholds ?? {};
  return (queueId ? thresholds[queueId] : undefined) ?? thresholds['*'] ?? null;
}

export function waitLevel(seconds: number | null, threshold: Threshold | null): WaitLevel {
  if (seconds === null || !threshold) return 'ok';
  if (seconds >= threshold.waitAlertSeconds) return 'alert';
  if (seconds >= threshold.waitWarnSeconds) return 'warn';
  return 'ok';
}

/** Sentiment labels run 7 (very negative) … 13 (very positive); 0 is N/A and never flagged. */
export function sentimentFlagged(sentiment: number, threshold: Threshold | null): boolean {
  return threshold !== null && sentiment >= 7 && sentiment <= threshold.sentimentAlertAtOrBelow;
}
