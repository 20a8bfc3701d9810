import { SUPERVISOR_FEATURES, type Feature, type FeatureFlags } from '../model/actions';
import type { EffectiveSettings } from '../model/settings';

/** Whether the organisation set this key or entry ("overlay", "actions.transfer", "thresholds.Billing"). */
export function isManaged(settings: EffectiveSettings, path: string): boolean {
  return settings.managedKeys.includes(path);
}

/** Whether the organisation's policy forbids this action (as opposed to the user switching it off). */
export function isActionBlockedByPolicy(settings: EffectiveSettings, feature: Feature): boolean {
  return isManaged(settings, `actions.${feature}`);
}

/** What the managed policy allows, for Access.policyAllows: everything except what it explicitly forbids. */
export function policyAllowedActions(settings: EffectiveSettings): FeatureFlags {
  const allowed = { monitor: true, assign: true, transfer: true, forceClose: true };
  for (const feature of SUPERVISOR_FEATURES) allowed[feature] = !isActionBlockedByPolicy(settings, feature);
  return allowed;
}
