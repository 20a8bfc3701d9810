import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const AREAS = ['alerts', 'bulk', 'context', 'locks', 'log', 'share', 'sweeper'];
const catalog = (lang: string, area: string): Record<string, { message: string }> =>
  JSON.parse(readFileSync(resolve(import.meta.dirname, `../../../lib/i18n/catalog/${lang}/${area}.json`), 'utf8'));
const placeholders = (text: string) => [...text.matchAll(/\$\d/g)].map((m) => m[0]).sort();

describe('feature catalogs', () => {
  it.each(AREAS)('%s: the same keys in English and Swedish, all in its area, with the same placeholders', (area) => {
    const en = catalog('en', area);
    const sv = catalog('sv', area);
    expect(Object.keys(en).length).toBeGreaterThan(0);
    expect(Object.keys(sv).sort()).toEqual(Object.keys(en).sort());
    for (const [key, { message }] of Object.entries(en)) {
      expect(key).toMatch(new RegExp(`^${area}_[A-Za-z0-9_]+$`));
      expect(placeholders(sv[key]!.message), key).toEqual(placeholders(message));
    }
  });
});
