import type { FeatureFlags } from '../model/actions';
import type { EffectiveSettings, SettingKey, Settings } from '../model/settings';
import type { UserSettings } from '../policy/merge';
import { SETTING_KEYS } from '../policy/setting-schemas';
import { checkSetting } from './user-settings';

export interface ThresholdRow {
  queue: string;
  waitWarnSeconds: string;
  waitAlertSeconds: string;
  sentimentAlertAtOrBelow: string;
}

/** The options form's working copy: text where the user types, parsed and validated only on save. */
export interface SettingsDraft {
  orgUrls: string;
  pollIntervalSeconds: string;
  actions: FeatureFlags;
  overlay: boolean;
  sidePanel: boolean;
  thresholds: ThresholdRow[];
  language: Settings['language'];
  diagnostics: boolean;
  monitoringNotice: string;
  requireReason: Settings['requireReason'];
  reasonCodes: string;
  supervisorRoles: string;
}

export function toDraft(values: Settings): SettingsDraft {
  return {
    ...structuredClone(values),
    orgUrls: values.orgUrls.join('\n'),
    pollIntervalSeconds: String(values.pollIntervalSeconds),
    reasonCodes: values.reasonCodes.join('\n'),
    supervisorRoles: values.supervisorRoles.join('\n'),
    thresholds: Object.entries(values.thresholds).map(([queue, threshold]) => ({
      queue,
      waitWarnSeconds: String(threshold.waitWarnSeconds),
      waitAlertSeconds: String(threshold.waitAlertSeconds),
      sentimentAlertAtOrBelow: String(threshold.sentimentAlertAtOrBelow),
    })),
  };
}

const lines = (text: string) =>
  text
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);
/** An empty field is not zero. */
const number = (text: string) => (text.trim() === '' ? Number.NaN : Number(text));

function thresholdsFromRows(rows: ThresholdRow[]): unknown {
  const record: Record<string, unknown> = {};
  for (const row of rows) {
    const queue = row.queue.trim();
    if (queue in record) return null; // the same queue twice: invalid, not silently the last one
    record[queue] = {
      waitWarnSeconds: number(row.waitWarnSeconds),
      waitAlertSeconds: number(row.waitAlertSeconds),
      sentimentAlertAtOrBelow: number(row.sentimentAlertAtOrBelow),
    };
  }
  return record;
}

function fromDraft(draft: SettingsDraft): Record<SettingKey, unknown> {
  return {
    ...draft,
    orgUrls: lines(draft.orgUrls),
    pollIntervalSeconds: number(draft.pollIntervalSeconds),
    reasonCodes: lines(draft.reasonCodes),
    supervisorRoles: lines(draft.supervisorRoles),
    thresholds: thresholdsFromRows(draft.thresholds),
  };
}

export interface DraftResult {
  /** Valid values the user changed; keys the organisation manages as a whole are never included. */
  changes: UserSettings;
  invalid: SettingKey[];
}

export function checkDraft(draft: SettingsDraft, settings: EffectiveSettings): DraftResult {
  const candidate = fromDraft(draft);
  const changes: Record<string, unknown> = {};
  const invalid: SettingKey[] = [];
  for (const key of SETTING_KEYS) {
    if (settings.managedKeys.includes(key)) continue;
    const checked = checkSetting(key, candidate[key]);
    if (!checked.ok) invalid.push(key);
    else if (JSON.stringify(checked.value) !== JSON.stringify(settings.values[key])) changes[key] = checked.value;
  }
  return { changes, invalid };
}

/**
 * Settings changed while the form is open (policy pushed, another device saved): fields the user has not
 * touched and fields the organisation now manages take the new value; the user's unsaved edits stay.
 */
export function rebaseDraft(draft: SettingsDraft, previous: Settings, next: EffectiveSettings): SettingsDraft {
  const before = toDraft(previous);
  const after = toDraft(next.values);
  const rebased: Record<string, unknown> = { ...draft };
  for (const key of SETTING_KEYS) {
    const untouched = JSON.stringify(draft[key]) === JSON.stringify(before[key]);
    const managed = next.managedKeys.some((path) => path === key || path.startsWith(`${key}.`));
    if (untouched || managed) rebased[key] = after[key];
  }
  return rebased as unknown as SettingsDraft;
}
