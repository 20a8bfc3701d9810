import { z } from 'zod';
import { FeatureFlagsSchema } from './supervisor-switches';

/** Wait and sentiment thresholds of one queue; `*` in the map is the default for every queue. */
export const ThresholdSchema = z.object({
  /** Wait longer than this many seconds: warning. */
  waitWarnSeconds: z.number().int().min(0).max(86_400),
  /** Wait longer than this many seconds: alert. */
  waitAlertSeconds: z.number().int().min(0).max(86_400),
  /** Sentiment at or below this label value (7 very negative … 13 very positive) is flagged. */
  sentimentAlertAtOrBelow: z.number().int().min(7).max(13),
});
export type Threshold = z.infer<typeof ThresholdSchema>;

/**
 * The shortest gap between polls while a view is visible. The request budget (lib/feed/request-pace.ts) sets the
 * real pace: at the default the feed polls as often as the budget allows (docs/decisions/0007-polling-cost.md).
 */
export const POLL_INTERVAL_BOUNDS = { min: 1, max: 60, default: 1 } as const;

/**
 * Every setting the product has. Users set them in the options page (sync storage); the managed policy can set
 * (and so lock) each key, and can only restrict the actions. See lib/policy for the merge.
 */
export const SettingsSchema = z.object({
  /** Org base URLs (https://contoso.crm4.dynamics.com); empty = any *.dynamics.com org. */
  orgUrls: z.array(z.string().url()),
  pollIntervalSeconds: z.number().int().min(POLL_INTERVAL_BOUNDS.min).max(POLL_INTERVAL_BOUNDS.max),
  actions: FeatureFlagsSchema,
  overlay: z.boolean(),
  sidePanel: z.boolean(),
  thresholds: z.record(z.string(), ThresholdSchema),
  language: z.enum(['auto', 'en', 'sv']),
  diagnostics: z.boolean(),
  /** Shown to supervisors near monitor/join: organisations must tell agents and customers about monitoring. */
  monitoringNotice: z.string().max(2000),
  /** Actions that must carry a reason, written to the conversation as a note. */
  requireReason: z.object({ transfer: z.boolean(), forceClose: z.boolean() }),
  /** Reason codes offered for those actions; empty = free text. */
  reasonCodes: z.array(z.string().min(1).max(100)).max(50),
  /**
   * Security roles that make a user a supervisor besides "Omnichannel supervisor", by id or by name: an org's own
   * copy of the role (roles are copied per business unit, so a copy has other ids, and may have another name).
   */
  supervisorRoles: z.array(z.string().trim().min(1).max(200)).max(50),
});
export type Settings = z.infer<typeof SettingsSchema>;
export type SettingKey = keyof Settings;

export const DEFAULT_SETTINGS: Settings = {
  orgUrls: [],
  pollIntervalSeconds: POLL_INTERVAL_BOUNDS.default,
  actions: { monitor: true, assign: true, transfer: true, forceClose: true },
  overlay: true,
  sidePanel: true,
  thresholds: { '*': { waitWarnSeconds: 120, waitAlertSeconds: 300, sentimentAlertAtOrBelow: 8 } },
  language: 'auto',
  diagnostics: false,
  monitoringNotice: '',
  requireReason: { transfer: false, forceClose: false },
  reasonCodes: [],
  supervisorRoles: [],
};

/** Settings as the views get them: the values in force, which keys the organisation locked, and any policy problems. */
export const EffectiveSettingsSchema = z.object({
  values: SettingsSchema,
  managedKeys: z.array(z.string()),
  /** Invalid policy values that were ignored, in words, for the diagnostics area. */
  policyIssues: z.array(z.string()),
});
export type EffectiveSettings = z.infer<typeof EffectiveSettingsSchema>;
