import { afterEach, describe, expect, it } from 'vitest';
import { language } from '../../../lib/i18n';
import type { Freshness } from '../../../lib/model/freshness';
import { describeFreshness } from '../../../lib/view-model/freshness-text';

const now = new Date(2026, 10, 25, 10, 45, 0).getTime();
const at = (h: number, m: number) => new Date(2026, 10, 25, h, m).getTime();
const base: Freshness = { state: 'live', lastSuccessAt: now - 2000, failingSince: null, retryAt: null, intervalMs: 3000 };

describe('describeFreshness', () => {
  afterEach(() => (language.value = 'en'));

  it('words every feed state from the feed’s own data', () => {
    language.value = 'en';
    expect(describeFreshness(base, true, now, 'en-GB')).toEqual({ tone: 'live', text: 'Live · updated 2 sec ago', short: 'Live · 2s' });
    expect(describeFreshness({ ...base, state: 'offline', failingSince: at(10, 42) }, true, now, 'en-GB').text).toBe('Offline since 10:42');
    expect(describeFreshness({ ...base, state: 'throttled', retryAt: at(10, 46) }, true, now, 'en-GB').text).toBe(
      'Throttled, retrying at 10:46',
    );
    expect(describeFreshness({ ...base, state: 'signedOut' }, true, now, 'en-GB')).toEqual({
      tone: 'problem',
      text: 'Sign in again',
      short: 'Sign in again',
    });
    expect(describeFreshness({ ...base, state: 'delayed' }, true, now, 'en-GB').text).toBe('Delayed · updated 2 sec ago');
  });

  it('says reconnecting while the port to the worker is down, whatever the last state was', () => {
    expect(describeFreshness(base, false, now, 'en-GB').text).toBe('Reconnecting…');
    expect(describeFreshness(base, false, now, 'en-GB').short).toBe('Reconnecting…');
    expect(describeFreshness(null, false, now, 'en-GB').text).toBe('Connecting…');
  });

  it('speaks Swedish', () => {
    language.value = 'sv';
    expect(describeFreshness({ ...base, state: 'offline', failingSince: at(10, 42) }, true, now, 'sv-SE').text).toBe('Offline sedan 10:42');
    expect(describeFreshness(base, true, now, 'sv-SE').text).toMatch(/^Live · uppdaterad för 2 s/);
    expect(describeFreshness(base, true, now, 'sv-SE').short).toBe('Live · 2s');
    expect(describeFreshness({ ...base, state: 'paused' }, true, now, 'sv-SE').short).toBe('Pausad');
  });
});
