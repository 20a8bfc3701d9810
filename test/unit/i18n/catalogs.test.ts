import { readFileSync, readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { asMessageKey, t } from '../../../lib/i18n';

const CATALOG = resolve(import.meta.dirname, '../../../lib/i18n/catalog');
const LANGUAGES = readdirSync(CATALOG).sort();
const areas = (language: string) =>
  readdirSync(resolve(CATALOG, language))
    .filter((name) => name.endsWith('.json'))
    .map((name) => name.slice(0, -'.json'.length))
    .sort();
const catalog = (language: string, area: string): Record<string, { message: string }> =>
  JSON.parse(readFileSync(resolve(CATALOG, language, `${area}.json`), 'utf8'));
const placeholders = (text: string) => [...text.matchAll(/\$\d/g)].map((m) => m[0]).sort();
/** Chrome's own keys in the manifest (name, description, toolbar title) keep their fixed names. */
const MANIFEST_KEYS = new Set(['extName', 'extDescription', 'actionTitle']);

describe('message catalogs', () => {
  it('exist for English and Swedish at least, with the same areas in every language', () => {
    expect(LANGUAGES).toEqual(expect.arrayContaining(['en', 'sv']));
    for (const language of LANGUAGES) expect(areas(language), language).toEqual(areas('en'));
  });

  describe.each(areas('en'))('%s', (area) => {
    const en = catalog('en', area);

    it('names every key after its area', () => {
      expect(Object.keys(en).length).toBeGreaterThan(0);
      for (const key of Object.keys(en)) if (!MANIFEST_KEYS.has(key)) expect(key).toMatch(new RegExp(`^${area}_[A-Za-z0-9_]+$`));
    });

    it.each(LANGUAGES.filter((language) => language !== 'en'))('has the same keys in %s, with the same $1..$9 placeholders', (language) => {
      const other = catalog(language, area);
      expect(Object.keys(other).sort()).toEqual(Object.keys(en).sort());
      for (const [key, { message }] of Object.entries(en)) {
        expect(other[key]!.message.trim(), `${language} ${key}`).not.toBe('');
        expect(placeholders(other[key]!.message), `${language} ${key}`).toEqual(placeholders(message));
      }
    });
  });

  it('are all part of the compile-time key type (lib/i18n/message-key.ts imports every English area)', () => {
    const source = readFileSync(resolve(import.meta.dirname, '../../../lib/i18n/message-key.ts'), 'utf8');
    for (const area of areas('en')) expect(source, area).toContain(`from './catalog/en/${area}.json'`);
  });

  it('let data name a key only when the English catalog has it', () => {
    expect(asMessageKey('panel_title')).toBe('panel_title');
    expect(asMessageKey('panel_no_such_key')).toBeNull();
    expect(asMessageKey('toString')).toBeNull();
    // @ts-expect-error -- an unknown key does not type-check; typecheck fails if MessageKey ever widens to string
    expect(t('panel_no_such_key')).toBe('panel_no_such_key');
  });
});
