/** A wall-clock time, "10:42", in the UI locale; the date is added when it is not today. */
export function formatClockTime(epochMs: number, nowMs: number, locale: string): string {
  const then = new Date(epochMs);
  const sameDay = then.toDateString() === new Date(nowMs).toDateString();
  const options: Intl.DateTimeFormatOptions = sameDay
    ? { hour: '2-digit', minute: '2-digit' }
    : { day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' };
  return new Intl.DateTimeFormat(locale, options).format(then);
}
