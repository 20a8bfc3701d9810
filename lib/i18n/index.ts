import { signal, computed } from '@preact/signals';
import { LANGUAGES, mergedCatalog, type Language } from './catalogs';
import type { MessageKey } from './message-key';

export type { MessageKey };

const catalogs: Record<Language, ReturnType<typeof mergedCatalog>> = { en: mergedCatalog('en'), sv: mergedCatalog('sv') };

/** Pick the UI language: an explicit override (policy or user), else the browser's language, else English. */
function resolveLanguage(override: 'auto' | Language, browserLanguage: string): Language {
  if (override !== 'auto') return override;
  const base = browserLanguage.toLowerCase().split(/[-_]/)[0];
  return (LANGUAGES as readonly string[]).includes(base ?? '') ? (base as Language) : 'en';
}

function browserLanguage(): string {
  return typeof navigator === 'undefined' ? 'en' : navigator.language;
}

/** The language in force; views re-render when it changes. */
export const language = signal<Language>(resolveLanguage('auto', browserLanguage()));
/** The BCP 47 locale for Intl formatting: the browser's own locale when it matches the UI language. */
export const locale = computed(() => {
  const own = browserLanguage();
  return own.toLowerCase().startsWith(language.value) ? own : language.value === 'sv' ? 'sv-SE' : 'en-GB';
});

export function setLanguageOverride(override: 'auto' | Language): void {
  language.value = resolveLanguage(override, browserLanguage());
}

/** A key that arrives as data (a stored action record's reason), checked against the English catalog. */
export function asMessageKey(key: string): MessageKey | null {
  return Object.hasOwn(catalogs.en, key) ? (key as MessageKey) : null;
}

/**
 * A key that arrives as data or is made at run time (a stored reason, a diagnostics check's words): its words when
 * the catalog has it, the text as it is otherwise.
 */
export function tFromData(key: string, ...substitutions: Array<string | number>): string {
  const known = asMessageKey(key);
  return known ? t(known, ...substitutions) : key;
}

/**
 * Translate a message key; `$1`…`$9` are replaced by the arguments, as chrome.i18n does.
 * A missing key falls back to English, then to the key itself, so a gap shows up instead of blank UI.
 */
export function t(key: MessageKey, ...substitutions: Array<string | number>): string {
  const entry = catalogs[language.value][key] ?? catalogs.en[key];
  if (!entry) return key;
  // Most messages have no placeholder, and the grid asks for some in every cell of every row it shows.
  if (!entry.message.includes('$')) return entry.message;
  return entry.message.replace(/\$(\d)/g, (_, n: string) => String(substitutions[Number(n) - 1] ?? ''));
}
