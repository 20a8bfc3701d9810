import { storage } from 'wxt/utils/storage';
import type { z } from 'zod';
import { AlertPrefsSchema, DEFAULT_ALERT_PREFS } from '../features/alerts/prefs';
import { AlertsMemorySchema, EMPTY_ALERTS_MEMORY } from '../features/alerts/worker';
import { EMPTY_SHARED_LOG, SharedLogMemorySchema } from '../features/shared-log/worker';
import { EMPTY_SOFT_LOCKS, SoftLocksMemorySchema } from '../features/soft-locks/worker';
import { DEFAULT_STUCK_MINUTES, StuckMinutesSchema } from '../features/sweeper/prefs';
import { defineStoredItem, type StorageKey } from './stored-item';

/*
 * Every value Floorwalker keeps in browser storage, declared once: area and key, schema, fallback, and version with
 * migrations when a shape changes. Keys are the ones earlier releases wrote, so stored data survives an upgrade.
 * sync follows the user to other browsers (small items, 8 KB each); local stays on this device; session outlives a
 * stopped worker but not the browser, and only the worker reads it.
 */

/** What the supervisor wants watched: which alerts, where they show, how far ahead, when a conversation is stuck. */
export const WatchPrefsSchema = AlertPrefsSchema.extend({ stuckMinutes: StuckMinutesSchema });
export type WatchPrefs = z.infer<typeof WatchPrefsSchema>;
export const watchPrefsItem = /* @__PURE__ */ defineStoredItem('sync:floorwalker.beyondPrefs', {
  schema: WatchPrefsSchema,
  fallback: { ...DEFAULT_ALERT_PREFS, stuckMinutes: DEFAULT_STUCK_MINUTES },
});

/** The alerts in force, which were notified, and the sentiment seen: so a restarted worker does not notify again. */
export const alertsMemoryItem = /* @__PURE__ */ defineStoredItem('session:alerts', {
  schema: AlertsMemorySchema,
  fallback: EMPTY_ALERTS_MEMORY,
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

/** Keys earlier releases wrote that nothing reads any more (the features' state once went to views through storage). */
export const RETIRED_KEYS: readonly StorageKey[] = ['local:floorwalker.beyond', 'session:beyond'];

/** Remove the retired keys; the worker does it at start, so they take no space and mislead no one. */
export function removeRetired(): Promise<void> {
  return storage.removeItems([...RETIRED_KEYS]);
}
