import { memoByKeys } from './intl-cache';

const pluralRules = memoByKeys((locale: string) => new Intl.PluralRules(locale));

/**
 * Chrome message catalogs have no plurals: each counted message has a `_one` and an `_other` key, chosen with the
 * locale's plural rules (English and Swedish need only these two).
 */
export function pluralKey<B extends string>(base: B, count: number, locale: string): `${B}_one` | `${B}_other` {
  return pluralRules(locale).select(count) === 'one' ? `${base}_one` : `${base}_other`;
}
