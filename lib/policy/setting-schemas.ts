import { z } from 'zod';
import { SettingsSchema, ThresholdSchema, type SettingKey } from '../model/settings';

/** A threshold whose warning does not come after its alert; the shape alone cannot say that. */
const OrderedThresholdSchema = ThresholdSchema.refine((t) => t.waitWarnSeconds <= t.waitAlertSeconds, {
  message: 'waitWarnSeconds must not be greater than waitAlertSeconds',
  path: ['waitWarnSeconds'],
});

/** The schema of each setting as both users and policy may give it, with the checks that span fields. */
export const SETTING_SCHEMAS: { [K in SettingKey]: z.ZodType } = {
  ...SettingsSchema.shape,
  thresholds: z.record(z.string().min(1).max(200), OrderedThresholdSchema),
};

export const SETTING_KEYS = Object.keys(SettingsSchema.shape) as SettingKey[];

export function isSettingKey(key: string): key is SettingKey {
  return (SETTING_KEYS as string[]).includes(key);
}

/** Keys a policy sets entry by entry (a flag or a queue at a time) rather than as a whole. */
const ENTRYWISE_KEYS = ['actions', 'requireReason', 'thresholds'] as const;
export type EntrywiseKey = (typeof ENTRYWISE_KEYS)[number];

export function isEntrywiseKey(key: SettingKey): key is EntrywiseKey {
  return (ENTRYWISE_KEYS as readonly string[]).includes(key);
}

/** The schema of one entry of an entrywise key, or null when that entry name is not allowed. */
export function entrySchema(key: EntrywiseKey, entry: string): z.ZodType | null {
  if (key === 'thresholds') return entry.length > 0 && entry.length <= 200 ? OrderedThresholdSchema : null;
  const shape = SettingsSchema.shape[key].shape as Record<string, z.ZodType>;
  return Object.hasOwn(shape, entry) ? (shape[entry] ?? null) : null;
}

/** The first problem zod found, as "path: message", for diagnostics. */
export function describeZodError(error: z.ZodError): string {
  const issue = error.issues[0];
  if (!issue) return 'invalid';
  return issue.path.length ? `${issue.path.join('.')}: ${issue.message}` : issue.message;
}
