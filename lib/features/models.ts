import { signal, type ReadonlySignal } from '@preact/signals';
import { browser } from 'wxt/browser';
import type { NoteEntry } from '../model/note';
import type { FeatureUpdate } from '../protocol/view-port';
import { watchPrefsItem, type WatchPrefs } from '../storage/items';
import { storedSignal, type StoredSignal } from '../storage/stored-signal';
import type { Alert } from './alerts/alert';
import { applyAlertsChange } from './alerts/alerts-change';
import { createBulkSelection, type BulkSelection } from './bulk-actions/selection';
import type { LockEntry } from './soft-locks/locks';
import { applyTrendsChange, EMPTY_TRENDS, type Trends } from './trends/trends';

/** What the features hold in one view. The panel controller creates it; it lives until the controller stops. */
export interface FeatureModels {
  /** The supervisor's alert and sweeper choices (storage.sync: shared with the worker and the user's other browsers). */
  prefs: StoredSignal<WatchPrefs>;
  /** The worker's alerts, as it publishes them over the view port. */
  alerts: ReadonlySignal<readonly Alert[]>;
  /** Other supervisors' actions under way. */
  locks: ReadonlySignal<readonly LockEntry[]>;
  /** The shared action log: notes on conversations, newest first. */
  notes: ReadonlySignal<readonly NoteEntry[]>;
  /** The last hour per queue and per agent, as the worker sampled it. */
  trends: ReadonlySignal<Trends>;
  /** The rows picked for a bulk action. */
  selection: BulkSelection;
  /** The side panel page's address: links to shared saved filters point there. */
  pageUrl: string;
  /** A feature update from the worker. */
  apply(update: FeatureUpdate): void;
}

export function createFeatureModels(stop: AbortSignal): FeatureModels {
  const alerts = signal<readonly Alert[]>([]);
  const locks = signal<readonly LockEntry[]>([]);
  const notes = signal<readonly NoteEntry[]>([]);
  const trends = signal<Trends>(EMPTY_TRENDS);
  return {
    prefs: storedSignal(watchPrefsItem, stop),
    alerts,
    locks,
    notes,
    trends,
    selection: createBulkSelection(),
    pageUrl: browser.runtime.getURL('/sidepanel.html'),
    apply(update) {
      switch (update.feature) {
        case 'alerts':
          alerts.value = update.alerts;
          return;
        case 'alertsChange':
          alerts.value = applyAlertsChange(alerts.peek(), update.change);
          return;
        case 'softLocks':
          locks.value = update.locks;
          return;
        case 'sharedLog':
          notes.value = update.notes;
          return;
        case 'trends':
          trends.value = update.trends;
          return;
        case 'trendsChange':
          trends.value = applyTrendsChange(trends.peek(), update.change);
          return;
      }
    },
  };
}
