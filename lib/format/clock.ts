import { memoByKeys } from './intl-cache';

const clockFormat = memoByKeys(
  (locale: string, shape: 'time' | 'dateTime') =>
    new Intl.DateTimeFormat(
      locale,
      shape === 'time' ? { hour: '2-digit', minute: '2-digit' } : { day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' },
    ),
);

/** A wall-clock time, "10:42", in the UI locale; the date is added when it is not today. */
export function formatClockTime(epochMs: number, nowMs: number, locale: string): string {
  const then = new Date(epochMs);
  const sameDay = then.toDateString() === new Date(nowMs).toDateString();
  return clockFormat(locale, sameDay ? 'time' : 'dateTime').format(then);
}
