import { memoByKeys } from './intl-cache';

/** A number with a unit ("3 min", narrow "3m") in the locale; one formatter per locale, unit and width. */
export const unitFormat = memoByKeys(
  (locale: string, unit: string, unitDisplay: 'short' | 'narrow') => new Intl.NumberFormat(locale, { style: 'unit', unit, unitDisplay }),
);

/**
 * A wait or handle time as a ticking clock reading: "0:42", "12:05", "1:02:05". Digits and separators are the same
 * in English and Swedish contact-centre dashboards, and the fixed shape keeps columns from jumping every second.
 * Negative input (clock skew between the platform and this machine) reads as zero rather than as nonsense.
 */
export function formatDuration(totalSeconds: number): string {
  const seconds = Math.max(0, Math.floor(Number.isFinite(totalSeconds) ? totalSeconds : 0));
  const h = Math.floor(seconds / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  const s = seconds % 60;
  const ss = String(s).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${ss}` : `${m}:${ss}`;
}

/** The largest whole unit of a span, for prose: "3 min", "2 tim" (short Intl unit style, UI locale). */
export function formatSpan(totalSeconds: number, locale: string): string {
  const seconds = Math.max(0, Math.floor(totalSeconds));
  const [value, unit] = largestUnit(seconds);
  return unitFormat(locale, unit, 'short').format(value);
}

type SpanUnit = 'second' | 'minute' | 'hour' | 'day';

export function largestUnit(seconds: number): [number, SpanUnit] {
  if (seconds < 60) return [seconds, 'second'];
  if (seconds < 3600) return [Math.floor(seconds / 60), 'minute'];
  if (seconds < 86_400) return [Math.floor(seconds / 3600), 'hour'];
  return [Math.floor(seconds / 86_400), 'day'];
}
