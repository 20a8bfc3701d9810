import { describe, expect, it } from 'vitest';
import schema from '../../../public/managed_schema.json';
import { DEFAULT_SETTINGS } from '../../../lib/model/settings';
import { parseManagedPolicy } from '../../../lib/policy/managed-policy';
import { SETTING_KEYS } from '../../../lib/policy/setting-schemas';

/** The JSON-schema keywords Chromium accepts in a managed storage schema; anything else fails the extension's load. */
const CHROMIUM_KEYWORDS = new Set([
  'type',
  'properties',
  'items',
  '$ref',
  'id',
  'description',
  'title',
  'minimum',
  'maximum',
  'enum',
  'pattern',
  'additionalProperties',
  'patternProperties',
  'required',
]);

function keywords(node: Record<string, unknown>, found: Set<string>): Set<string> {
  for (const [keyword, value] of Object.entries(node)) {
    found.add(keyword);
    const children =
      keyword === 'properties' || keyword === 'patternProperties'
        ? Object.values(value as Record<string, unknown>)
        : keyword === 'items' || keyword === 'additionalProperties'
          ? [value]
          : [];
    for (const child of children) if (typeof child === 'object' && child) keywords(child as Record<string, unknown>, found);
  }
  return found;
}

describe('public/managed_schema.json', () => {
  it('uses only keywords Chromium supports', () => {
    expect([...keywords(schema, new Set())].filter((keyword) => !CHROMIUM_KEYWORDS.has(keyword))).toEqual([]);
  });

  it('describes every setting, and nothing else', () => {
    expect(Object.keys(schema.properties).sort()).toEqual([...SETTING_KEYS].sort());
  });

  it('accepts the defaults as a policy without a single issue', () => {
    expect(parseManagedPolicy(DEFAULT_SETTINGS).issues).toEqual([]);
  });

  it('has the same bounds as the validation', () => {
    expect(schema.properties.pollIntervalSeconds).toMatchObject({ minimum: 1, maximum: 60 });
    expect(parseManagedPolicy({ pollIntervalSeconds: 2 }).issues).toEqual([]);
    expect(parseManagedPolicy({ pollIntervalSeconds: 61 }).issues).toHaveLength(1);
    expect(schema.properties.language.enum).toEqual(['auto', 'en', 'sv']);
  });
});
