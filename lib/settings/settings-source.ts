import { effect } from '@preact/signals';
import { browser } from 'wxt/browser';
import type { EffectiveSettings } from '../model/settings';
import { t } from '../i18n';
import { parseManagedPolicy } from '../policy/managed-policy';
import { mergeSettings, type UserSettings } from '../policy/merge';
import { policyCacheItem, userSettingsItem } from '../storage/items';
import { storedSignal } from '../storage/stored-signal';
import { applyUserChanges } from './user-settings';

/** What the worker and the options page read settings from. */
export interface SettingsSource {
  /** The settings in force now; never waits. */
  current(): EffectiveSettings;
  /** Called with every change; returns the unsubscribe. */
  subscribe(listener: (settings: EffectiveSettings) => void): () => void;
  /** Resolves once the cached policy and the user's values are loaded; never waits for storage.managed. */
  ready: Promise<void>;
  /** Store the user's changes over their stored values; what the policy manages is left out. Rejects invalid values. */
  saveUserSettings(changes: UserSettings): Promise<void>;
}

/** storage.managed: the organisation's policy, read whole. */
export interface ManagedStorage {
  get(keys: null): Promise<Record<string, unknown>>;
}

export interface SettingsSourceOptions {
  /** browser.storage.managed in the extension; tests hand in one that hangs or fails. */
  managed?: ManagedStorage;
  /**
   * How long after start to look at storage.managed again when it first answered empty: Chrome loads policy
   * about 3 s after the browser starts and may answer {} until then.
   */
  settleMs?: number;
  log?: (line: string) => void;
}

/**
 * Settings from three places: defaults, the user's choices (storage.sync) and the organisation's policy
 * (storage.managed, cached in storage.local), merged key by key with the policy winning.
 *
 * What a failed or empty read of storage.managed means (docs/deploy.md, "When the policy cannot be read"):
 * - a read that fails keeps the last good policy (the cache), with a diagnostic in policyIssues. Policy takes
 *   rights away, so forgetting it on a transient error would hand them back; keeping it is the safe side.
 * - an empty answer at start-up, when a policy is cached, is taken as "not loaded yet": the cached policy stays
 *   until a second read after `settleMs` or a storage.onChanged event for the managed area, which are final.
 */
export function createSettingsSource(options: SettingsSourceOptions = {}): SettingsSource & { dispose(): void } {
  const managedArea: ManagedStorage | undefined = options.managed ?? browser.storage.managed;
  const settleMs = options.settleMs ?? 10_000;
  const log = options.log ?? ((line: string) => console.warn(line));
  const stop = new AbortController();
  const user = storedSignal(userSettingsItem, stop.signal);

  let managed: unknown = undefined;
  let managedFromLiveRead = false;
  let readFailure: string | null = null;
  let settleTimer: ReturnType<typeof setTimeout> | undefined;
  let readSequence = 0;
  let effective = compute();
  const listeners = new Set<(settings: EffectiveSettings) => void>();

  function compute(): EffectiveSettings {
    const { policy, issues } = parseManagedPolicy(managed);
    return mergeSettings(user.value.peek(), policy, readFailure ? [...issues, readFailure] : issues);
  }

  function update(): void {
    const next = compute();
    if (JSON.stringify(next) === JSON.stringify(effective)) return;
    effective = next;
    for (const listener of listeners) listener(effective);
  }

  async function readManaged(final: boolean): Promise<void> {
    const sequence = ++readSequence;
    clearTimeout(settleTimer);
    try {
      const raw = (await managedArea?.get(null)) ?? {};
      if (sequence !== readSequence) return; // a newer read owns the result
      readFailure = null;
      const empty = Object.keys(raw).length === 0;
      if (!final && empty) settleTimer = setTimeout(() => void readManaged(true), settleMs);
      if (!final && empty && managed !== undefined && !managedFromLiveRead) {
        update(); // keep the cached policy until the read after settling
        return;
      }
      managedFromLiveRead = true;
      if (JSON.stringify(raw) !== JSON.stringify(managed ?? {})) {
        managed = raw;
        await policyCacheItem.set(raw).catch((error: unknown) => log(`Floorwalker: policy cache not written: ${String(error)}`));
      }
      update();
    } catch (error) {
      if (sequence !== readSequence) return;
      readFailure = t('options_policy_read_failed', error instanceof Error ? error.message : String(error));
      log(`Floorwalker: ${readFailure}`);
      update();
    }
  }

  // Re-read the whole managed area rather than apply the delta: the read is the truth and also clears a failure.
  const onChanged = (_changes: unknown, area: string) => {
    if (area === 'managed') void readManaged(true);
  };
  browser.storage.onChanged.addListener(onChanged);
  // The user's values: loaded, and changed in the options page or on another device.
  const stopUserWatch = effect(() => {
    void user.value.value;
    update();
  });

  const loadCache = async () => {
    const cache = await policyCacheItem.get();
    if (!managedFromLiveRead && cache !== null) managed = cache;
  };
  const ready = Promise.all([user.loaded, loadCache()]).then(update);
  // Started after the local reads were issued, not awaited: storage.managed can take seconds at browser start.
  void ready.then(() => readManaged(false));

  return {
    current: () => effective,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    ready,
    saveUserSettings: (changes) => user.update((stored) => applyUserChanges(stored, changes, effective.managedKeys)),
    dispose() {
      browser.storage.onChanged.removeListener(onChanged);
      stopUserWatch();
      stop.abort();
      clearTimeout(settleTimer);
      listeners.clear();
    },
  };
}
