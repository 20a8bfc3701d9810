import { largestUnit } from './duration';
import { memoByKeys } from './intl-cache';

const relativeFormat = memoByKeys((locale: string) => new Intl.RelativeTimeFormat(locale, { style: 'short', numeric: 'always' }));

/** "2 sec ago" / "för 2 s sen": how long ago an epoch-ms moment was, in the UI locale (short Intl style). */
export function formatAgo(thenMs: number, nowMs: number, locale: string): string {
  const seconds = Math.max(0, Math.floor((nowMs - thenMs) / 1000));
  const [value, unit] = largestUnit(seconds);
  return relativeFormat(locale).format(-value, unit);
}
