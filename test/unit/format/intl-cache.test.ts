import { describe, expect, it } from 'vitest';
import { memoByKeys } from '../../../lib/format/intl-cache';
import { formatAgo } from '../../../lib/format/relative';
import { formatSpan } from '../../../lib/format/duration';

describe('formatters built once per locale and options', () => {
  it('hands back the same instance for the same keys, and a new one for other keys', () => {
    let built = 0;
    const format = memoByKeys((locale: string, unit: string) => {
      built++;
      return new Intl.NumberFormat(locale, { style: 'unit', unit });
    });
    expect(format('en', 'second')).toBe(format('en', 'second'));
    expect(format('sv', 'second')).not.toBe(format('en', 'second'));
    expect(built).toBe(2);
    // Keys are kept apart: "a" + "bc" is not "ab" + "c".
    const pair = memoByKeys((first: string, second: string) => ({ first, second }));
    expect(pair('a', 'bc')).not.toBe(pair('ab', 'c'));
  });

  it('keeps each locale its own words while both are in use', () => {
    expect(formatAgo(0, 3_000, 'en')).toBe('3 sec. ago');
    expect(formatAgo(0, 3_000, 'sv')).toBe('för 3 s sen');
    expect(formatAgo(0, 3_000, 'en')).toBe('3 sec. ago');
    expect(formatSpan(7_200, 'sv')).toBe('2 tim');
    expect(formatSpan(7_200, 'en')).toBe('2 hr');
  });
});
