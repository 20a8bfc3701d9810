import { storage } from 'wxt/utils/storage';
import { z } from 'zod';
import { ActionLogSnapshotSchema } from '../actions/record-store';
import { StoredContractsSchema, StoredTrackingSchema } from '../discovery/org-profile';
import { PersistedSchema } from '../feed/persisted';
import { AlertPrefsSchema, DEFAULT_ALERT_PREFS } from '../features/alerts/prefs';
import { AlertsMemorySchema, EMPTY_ALERTS_MEMORY } from '../features/alerts/worker';
import { EMPTY_MEMORY, storedSentiment, StoredSentimentSchema } from '../features/alerts/detect';
import { EMPTY_SHARED_LOG, SharedLogMemorySchema } from '../features/shared-log/worker';
import { EMPTY_SOFT_LOCKS, SoftLocksMemorySchema } from '../features/soft-locks/worker';
import { DEFAULT_STUCK_MINUTES, StuckMinutesSchema } from '../features/sweeper/prefs';
import { EMPTY_TRENDS, TrendsSchema } from '../features/trends/trends';
import { parseUserSettings } from '../settings/user-settings';
import { AdmissionsSchema } from '../worker/overlay-admission';
import { WorkspaceMemorySchema } from '../worker/transport-router';
import { StoredFiltersSchema, type FilterOwner } from '../view-model/saved-filters';
import { defineStoredItem, type StorageKey } from './stored-item';

/*
 * Every value Floorwalker keeps in browser storage, declared once: area and key, schema, fallback, and version with
 * migrations when a shape changes. Keys are the ones earlier releases wrote, so stored data survives an upgrade.
 * sync follows the user to other browsers (small items, 8 KB each); local stays on this device; session outlives a
 * stopped worker but not the browser, and only the worker reads it.
 */

/**
 * The user's own settings (the options page), key by key: a value that no longer validates is dropped, so its
 * default applies instead of every setting being lost.
 */
export const userSettingsItem = /* @__PURE__ */ defineStoredItem('sync:settings', {
  schema: z.record(z.string(), z.unknown()).transform(parseUserSettings),
  fallback: {},
});

/**
 * The last storage.managed value read successfully: policy takes rights away, so it holds while a read fails or
 * comes back empty at browser start. Kept as read; lib/policy validates it value by value.
 */
export const policyCacheItem = /* @__PURE__ */ defineStoredItem('local:policyCache', {
  schema: z.record(z.string(), z.unknown()).nullable(),
  fallback: null,
});

/** One user's saved filters in one org (the key is per user: two people may share a browser profile). */
export const savedFiltersItem = ({ org, userId }: FilterOwner) =>
  defineStoredItem(`sync:floorwalker.views.${org ?? 'any'}.${userId ?? 'me'}`, { schema: StoredFiltersSchema, fallback: [] });

/** What the supervisor wants watched: which alerts, where they show, how far ahead, when a conversation is stuck. */
const WatchPrefsSchema = AlertPrefsSchema.extend({ stuckMinutes: StuckMinutesSchema });
export type WatchPrefs = z.infer<typeof WatchPrefsSchema>;
export const watchPrefsItem = /* @__PURE__ */ defineStoredItem('sync:floorwalker.beyondPrefs', {
  schema: WatchPrefsSchema,
  fallback: { ...DEFAULT_ALERT_PREFS, stuckMinutes: DEFAULT_STUCK_MINUTES },
});

/** Which parts of the panel the supervisor folded away (the queue strip): the same in every view and browser. */
const PanelFoldsSchema = z.object({ queueStrip: z.boolean() });
export type PanelFolds = z.infer<typeof PanelFoldsSchema>;
export const panelFoldsItem = /* @__PURE__ */ defineStoredItem('sync:floorwalker.panelFolds', {
  schema: PanelFoldsSchema,
  fallback: { queueStrip: false },
});

/**
 * The worker's live picture, watermarks and role check: a restarted worker resumes within one interval. Packed: at
 * 10,000 ongoing it is about 12 MB as JSON, over storage.session's 10 MB quota for every item together (2.5 MB
 * packed). Larger than 7.5 MB packed, it is not kept and a restarted worker reads the org whole.
 */
export const feedSnapshotItem = /* @__PURE__ */ defineStoredItem('session:feed', {
  schema: PersistedSchema.nullable(),
  fallback: null,
  packedLimitChars: 7_500_000,
});

/** The action log, and which actions may have reached the platform (their outcome is read back, never assumed). */
export const actionLogItem = /* @__PURE__ */ defineStoredItem('session:actions', {
  schema: ActionLogSnapshotSchema.nullable(),
  fallback: null,
});

/** The alerts in force and which were notified: so a restarted worker does not notify again. */
export const alertsMemoryItem = /* @__PURE__ */ defineStoredItem('session:alerts', {
  schema: AlertsMemorySchema,
  fallback: EMPTY_ALERTS_MEMORY,
  packedLimitChars: 1_000_000,
});

/**
 * The sentiment the alerts last saw, so a restarted worker still sees a fall. Packed: a label for each ongoing
 * conversation its threshold does not flag, ~45 bytes each as JSON (random ids pack to about half).
 */
export const sentimentMemoryItem = /* @__PURE__ */ defineStoredItem('session:sentiment', {
  schema: StoredSentimentSchema,
  fallback: storedSentiment(EMPTY_MEMORY),
  packedLimitChars: 1_500_000,
});

/** Other supervisors' locks as last read, and the lock notes this worker wrote and must delete. */
export const softLocksMemoryItem = /* @__PURE__ */ defineStoredItem('session:softLocks', {
  schema: SoftLocksMemorySchema,
  fallback: EMPTY_SOFT_LOCKS,
});

/** The shared log's notes, so a restarted worker neither shows an empty log nor reads the whole window again. */
export const sharedLogMemoryItem = /* @__PURE__ */ defineStoredItem('session:sharedLog', {
  schema: SharedLogMemorySchema,
  fallback: EMPTY_SHARED_LOG,
});

/**
 * The last hour of queue samples and presence changes: a restarted worker's sparklines go on where they were.
 * Packed: 170 KB as JSON with 1,000 agents.
 */
export const trendsMemoryItem = /* @__PURE__ */ defineStoredItem('session:trends', {
  schema: TrendsSchema,
  fallback: EMPTY_TRENDS,
  packedLimitChars: 1_000_000,
});

/** Which overlay frame may speak for which workspace tab, so a restarted worker still knows the frame it admitted. */
export const overlayAdmissionsItem = /* @__PURE__ */ defineStoredItem('session:overlayAdmissions', {
  schema: AdmissionsSchema,
  fallback: {},
});

/**
 * Per org: where its agent workspace is (the app as last seen in a tab, for "Open the agent workspace"), and whether
 * it refused a write from the worker, so its writes go through the workspace tab from then on (survives restarts).
 */
export const workspaceMemoryItem = /* @__PURE__ */ defineStoredItem('local:floorwalker.workspaces', {
  schema: WorkspaceMemorySchema,
  fallback: {},
});

/**
 * Each org's own description of its supervisor actions and the contract built from it, with the org version it was
 * read at (lib/discovery): found out once per version, not at every sign-in. An entry that does not validate drops
 * the whole record, and the orgs are asked again.
 */
export const orgContractsItem = /* @__PURE__ */ defineStoredItem('local:floorwalker.orgContracts', {
  schema: StoredContractsSchema,
  fallback: {},
});

/** Per org: whether the feed follows conversations by change tracking, decided once per version (lib/discovery). */
export const trackingDecisionsItem = /* @__PURE__ */ defineStoredItem('local:floorwalker.trackingDecisions', {
  schema: StoredTrackingSchema,
  fallback: {},
});

/*
 * Not here: the overlay's side, width and collapsed state (local:floorwalker.overlay) is declared with its schema in
 * lib/view-model/overlay-layout.ts, because the workspace loader reads it and must stay a few kilobytes.
 */

/** Keys earlier releases wrote that nothing reads any more (the features' state once went to views through storage). */
const RETIRED_KEYS: readonly StorageKey[] = ['local:floorwalker.beyond', 'session:beyond'];

/** Remove the retired keys; the worker does it at start, so they take no space and mislead no one. */
export function removeRetired(): Promise<void> {
  return storage.removeItems([...RETIRED_KEYS]);
}
