import { t } from '../i18n';
import type { Freshness } from '../model/freshness';
import { formatClockTime } from '../format/clock';
import { largestUnit, unitFormat } from '../format/duration';
import { formatAgo } from '../format/relative';

export type FreshnessTone = 'live' | 'stale' | 'problem';

export interface FreshnessText {
  tone: FreshnessTone;
  text: string;
  /** The same for the one-line header ("Live · 2 sec"); the full text stays for screen readers and the tooltip. */
  short: string;
}

/**
 * The header's one line about how current the picture is, worded from the feed's own Freshness data (never
 * guessed here). `connected` is the port: while it is down the worker's last word may be out of date.
 */
export function describeFreshness(freshness: Freshness | null, connected: boolean, now: number, locale: string): FreshnessText {
  const long = describeLong(freshness, connected, now, locale);
  const age = freshness?.lastSuccessAt == null ? null : narrowAge(now - freshness.lastSuccessAt, locale);
  const state = connected ? freshness?.state : undefined;
  const short =
    state === 'live' && age
      ? t('panel_freshness_liveShort', age)
      : state === 'delayed' && age
        ? t('panel_freshness_delayedShort', age)
        : state === 'paused'
          ? t('panel_freshness_paused')
          : long.text;
  return { ...long, short };
}

function describeLong(freshness: Freshness | null, connected: boolean, now: number, locale: string): Omit<FreshnessText, 'short'> {
  if (!freshness) return { tone: 'stale', text: t('panel_freshness_connecting') };
  if (!connected) return { tone: 'stale', text: t('panel_freshness_reconnecting') };
  const updated = freshness.lastSuccessAt === null ? null : formatAgo(freshness.lastSuccessAt, now, locale);
  const at = (ms: number | null) => formatClockTime(ms ?? now, now, locale);
  switch (freshness.state) {
    case 'connecting':
      return { tone: 'stale', text: t('panel_freshness_connecting') };
    case 'live':
      return { tone: 'live', text: updated ? t('panel_freshness_live', updated) : t('panel_freshness_liveNow') };
    case 'delayed':
      return { tone: 'stale', text: updated ? t('panel_freshness_delayedUpdated', updated) : t('panel_freshness_delayed') };
    case 'paused':
      return { tone: 'stale', text: updated ? t('panel_freshness_pausedUpdated', updated) : t('panel_freshness_paused') };
    case 'offline':
      return { tone: 'problem', text: t('panel_freshness_offline', at(freshness.failingSince ?? freshness.lastSuccessAt)) };
    case 'throttled':
      return { tone: 'problem', text: t('panel_freshness_throttled', at(freshness.retryAt)) };
    case 'signedOut':
      return { tone: 'problem', text: t('panel_freshness_signedOut') };
  }
}

/** "2s", "3 min" in the narrowest form the locale has: the header has one line for everything. */
function narrowAge(ms: number, locale: string): string {
  const [value, unit] = largestUnit(Math.max(0, Math.floor(ms / 1000)));
  return unitFormat(locale, unit, 'narrow').format(value);
}
