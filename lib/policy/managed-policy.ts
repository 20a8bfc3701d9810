import { z } from 'zod';
import type { FeatureFlags } from '../model/supervisor-switches';
import type { SettingKey, Settings, Threshold } from '../model/settings';
import { t } from '../i18n';
import { SETTING_SCHEMAS, describeZodError, entrySchema, isEntrywiseKey, isSettingKey, type EntrywiseKey } from './setting-schemas';

/**
 * The valid part of the organisation's policy. Flag groups and thresholds are partial: the admin may set one flag
 * or one queue and leave the rest to the user.
 */
export type ManagedPolicy = { [K in Exclude<SettingKey, EntrywiseKey>]?: Settings[K] } & {
  actions?: Partial<FeatureFlags>;
  requireReason?: Partial<Settings['requireReason']>;
  thresholds?: Record<string, Threshold>;
};

export interface ParsedPolicy {
  policy: ManagedPolicy;
  /** What was ignored and why, in words, for the diagnostics area. */
  issues: string[];
}

const ObjectSchema = z.record(z.string(), z.unknown());

/**
 * Validate storage.managed value by value: an invalid value is dropped with a diagnostic, and everything valid
 * still applies. Chrome checks the policy against managed_schema.json too, but not every browser does, and the
 * schema cannot express every rule (a warning after its alert), so this is the check we rely on.
 */
export function parseManagedPolicy(raw: unknown): ParsedPolicy {
  if (raw === undefined || raw === null) return { policy: {}, issues: [] };
  const top = ObjectSchema.safeParse(raw);
  if (!top.success) return { policy: {}, issues: [t('options_policy_invalid', 'policy', describeZodError(top.error))] };

  const policy: Record<string, unknown> = {};
  const issues: string[] = [];
  for (const [key, value] of Object.entries(top.data)) {
    if (!isSettingKey(key)) {
      issues.push(t('options_policy_unknown', key));
    } else if (isEntrywiseKey(key)) {
      const entries = parseEntries(key, value, issues);
      if (entries) policy[key] = entries;
    } else {
      const parsed = SETTING_SCHEMAS[key].safeParse(value);
      if (parsed.success) policy[key] = parsed.data;
      else issues.push(t('options_policy_invalid', key, describeZodError(parsed.error)));
    }
  }
  return { policy, issues };
}

function parseEntries(key: EntrywiseKey, value: unknown, issues: string[]): Record<string, unknown> | null {
  const group = ObjectSchema.safeParse(value);
  if (!group.success) {
    issues.push(t('options_policy_invalid', key, describeZodError(group.error)));
    return null;
  }
  const entries: Record<string, unknown> = {};
  for (const [entry, entryValue] of Object.entries(group.data)) {
    const path = `${key}.${entry}`;
    const schema = entrySchema(key, entry);
    if (!schema) {
      issues.push(t('options_policy_unknown', path));
      continue;
    }
    const parsed = schema.safeParse(entryValue);
    if (parsed.success) entries[entry] = parsed.data;
    else issues.push(t('options_policy_invalid', path, describeZodError(parsed.error)));
  }
  return entries;
}
