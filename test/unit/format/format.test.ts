import { describe, expect, it } from 'vitest';
import { formatClockTime } from '../../../lib/format/clock';
import { formatDuration, formatSpan } from '../../../lib/format/duration';
import { pluralKey } from '../../../lib/format/plural';
import { formatAgo } from '../../../lib/format/relative';

describe('formatDuration', () => {
  it('reads as a clock: m:ss under an hour, h:mm:ss above', () => {
    expect(formatDuration(0)).toBe('0:00');
    expect(formatDuration(42.9)).toBe('0:42');
    expect(formatDuration(725)).toBe('12:05');
    expect(formatDuration(3725)).toBe('1:02:05');
  });
  it('shows clock skew and garbage as zero, not as a negative time', () => {
    expect(formatDuration(-5)).toBe('0:00');
    expect(formatDuration(Number.NaN)).toBe('0:00');
  });
});

describe('formatSpan and formatAgo', () => {
  it('use the largest whole unit in the UI locale', () => {
    expect(formatSpan(125, 'en-GB')).toMatch(/^2 min/);
    expect(formatSpan(7200, 'sv-SE')).toMatch(/^2 tim/);
  });
  it('say how long ago in English and Swedish', () => {
    const now = Date.parse('2026-11-25T10:00:00Z');
    expect(formatAgo(now - 2000, now, 'en-GB')).toBe('2 sec ago');
    expect(formatAgo(now - 2000, now, 'sv-SE')).toMatch(/för 2 s/);
    expect(formatAgo(now - 5 * 60_000, now, 'en-GB')).toBe('5 min ago');
    expect(formatAgo(now + 3000, now, 'en-GB')).toBe('0 sec ago');
  });
});

describe('formatClockTime', () => {
  it('gives the time of day, with the date only when it is not today', () => {
    const now = new Date(2026, 10, 25, 12, 0).getTime();
    expect(formatClockTime(new Date(2026, 10, 25, 10, 42).getTime(), now, 'sv-SE')).toBe('10:42');
    expect(formatClockTime(new Date(2026, 10, 24, 10, 42).getTime(), now, 'en-GB')).toMatch(/24 Nov.*10:42/);
  });
});

describe('pluralKey', () => {
  it('chooses the _one or _other message by the locale’s rules', () => {
    expect(pluralKey('panel_x', 1, 'en')).toBe('panel_x_one');
    expect(pluralKey('panel_x', 3, 'sv')).toBe('panel_x_other');
    expect(pluralKey('panel_x', 0, 'en')).toBe('panel_x_other');
  });
});
