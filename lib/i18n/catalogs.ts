/**
 * The message catalogs, one JSON file per area and language, in Chrome's messages.json format.
 * The build merges them into public _locales/<lang>/messages.json (see wxt.config.ts), and views read them here
 * directly so the organisation's language override can switch language at run time (chrome.i18n cannot).
 */
export type Catalog = Record<string, { message: string; description?: string }>;

const files = import.meta.glob<Catalog>('./catalog/*/*.json', { eager: true, import: 'default' });

export const LANGUAGES = ['en', 'sv'] as const;
export type Language = (typeof LANGUAGES)[number];

export function mergedCatalog(language: Language): Catalog {
  const merged: Catalog = {};
  for (const [path, catalog] of Object.entries(files)) {
    if (path.startsWith(`./catalog/${language}/`)) Object.assign(merged, catalog);
  }
  return merged;
}
