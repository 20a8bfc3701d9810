/**
 * Chrome message catalogs have no plurals: each counted message has a `_one` and an `_other` key, chosen with the
 * locale's plural rules (English and Swedish need only these two).
 */
export function pluralKey(base: string, count: number, locale: string): string {
  return `${base}_${new Intl.PluralRules(locale).select(count) === 'one' ? 'one' : 'other'}`;
}
