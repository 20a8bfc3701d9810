import { SUPERVISOR_FEATURES } from '../model/supervisor-switches';
import { DEFAULT_SETTINGS, type EffectiveSettings, type Settings } from '../model/settings';
import type { ManagedPolicy } from './managed-policy';
import { SETTING_KEYS } from './setting-schemas';

/** What the user chose, key by key; a key the user never set falls back to the default. */
export type UserSettings = Partial<Settings>;

/**
 * The settings in force: defaults, then the user's values, then the organisation's, key by key.
 * The actions are the exception: policy can only take an action away, never give back one the user turned off.
 * managedKeys names what the user cannot change: a whole key ("language") or one entry ("actions.forceClose",
 * "thresholds.Billing").
 */
export function mergeSettings(user: UserSettings, policy: ManagedPolicy, policyIssues: string[] = []): EffectiveSettings {
  const values: Settings = structuredClone({ ...DEFAULT_SETTINGS, ...user });
  const managedKeys: string[] = [];

  for (const key of SETTING_KEYS) {
    if (policy[key] === undefined) continue;
    if (key === 'actions') {
      for (const feature of SUPERVISOR_FEATURES) {
        if (policy.actions?.[feature] !== false) continue;
        values.actions[feature] = false;
        managedKeys.push(`actions.${feature}`);
      }
    } else if (key === 'requireReason' || key === 'thresholds') {
      const entries = policy[key] ?? {};
      Object.assign(values[key], entries);
      managedKeys.push(...Object.keys(entries).map((entry) => `${key}.${entry}`));
    } else {
      (values as Record<string, unknown>)[key] = structuredClone(policy[key]);
      managedKeys.push(key);
    }
  }
  return { values, managedKeys, policyIssues };
}
