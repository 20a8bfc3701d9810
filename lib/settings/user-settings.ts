import { DEFAULT_SETTINGS, type SettingKey, type Settings } from '../model/settings';
import type { UserSettings } from '../policy/merge';
import { SETTING_KEYS, SETTING_SCHEMAS, describeZodError, isEntrywiseKey, isSettingKey } from '../policy/setting-schemas';

export type SettingCheck<K extends SettingKey> = { ok: true; value: Settings[K] } | { ok: false; message: string };

export function checkSetting<K extends SettingKey>(key: K, value: unknown): SettingCheck<K> {
  const parsed = SETTING_SCHEMAS[key].safeParse(value);
  return parsed.success ? { ok: true, value: parsed.data as Settings[K] } : { ok: false, message: describeZodError(parsed.error) };
}

/**
 * Read the stored user settings key by key. A value that no longer validates (an older version wrote it, or it
 * was edited by hand) is dropped, so the default applies instead of the whole item being lost.
 */
export function parseUserSettings(raw: unknown): UserSettings {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return {};
  const settings: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(raw)) {
    if (!isSettingKey(key)) continue;
    const checked = checkSetting(key, value);
    if (checked.ok) settings[key] = checked.value;
  }
  return settings;
}

/**
 * The user's stored values with their changes applied; only validated values get in, and an invalid change is
 * refused (thrown) rather than dropped silently. What the organisation manages is not the user's to save: those keys
 * are left out and managed entries (one action, one queue) keep the user's own earlier value, so lifting the policy
 * gives the user back their choice rather than the policy's.
 */
export function applyUserChanges(stored: UserSettings, changes: UserSettings, managedKeys: readonly string[] = []): UserSettings {
  const next = parseUserSettings({ ...stored, ...withoutManaged(changes, stored, managedKeys) });
  const rejected = Object.keys(changes).filter((key) => !(key in next));
  if (rejected.length) throw new Error(`Invalid settings not saved: ${rejected.join(', ')}`);
  return next;
}

export function withoutManaged(changes: UserSettings, stored: UserSettings, managedKeys: readonly string[]): UserSettings {
  const result: Record<string, unknown> = {};
  for (const key of SETTING_KEYS) {
    const value = changes[key];
    if (value === undefined || managedKeys.includes(key)) continue;
    if (!isEntrywiseKey(key)) {
      result[key] = value;
      continue;
    }
    const fallback: object = key === 'thresholds' ? {} : DEFAULT_SETTINGS[key];
    const own: Record<string, unknown> = { ...fallback, ...(stored[key] as object | undefined) };
    const entries: Record<string, unknown> = { ...(value as object) };
    for (const entry of new Set([...Object.keys(entries), ...Object.keys(own)])) {
      if (!managedKeys.includes(`${key}.${entry}`)) continue;
      if (entry in own) entries[entry] = own[entry];
      else delete entries[entry];
    }
    result[key] = entries;
  }
  return result;
}
