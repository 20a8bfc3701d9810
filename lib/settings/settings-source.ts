import { browser } from 'wxt/browser';
import type { EffectiveSettings } from '../model/settings';
import { t } from '../i18n';
import { parseManagedPolicy } from '../policy/managed-policy';
import { mergeSettings, type UserSettings } from '../policy/merge';
import { USER_SETTINGS_KEY, parseUserSettings } from './user-settings';

/** What the worker and the options page read settings from. */
export interface SettingsSource {
  /** The settings in force now; never waits. */
  current(): EffectiveSettings;
  /** Called with every change; returns the unsubscribe. */
  subscribe(listener: (settings: EffectiveSettings) => void): () => void;
  /** Resolves once the cached policy and the user's values are loaded; never waits for storage.managed. */
  ready: Promise<void>;
}

/** storage.local item holding the last storage.managed value that was read successfully. */
export const POLICY_CACHE_KEY = 'policyCache';

interface Area {
  get(keys?: string | null): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
}
export interface SettingsStorage {
  managed?: Pick<Area, 'get'>;
  local: Area;
  sync: Area;
  onChanged: {
    addListener(listener: (changes: Record<string, { newValue?: unknown }>, area: string) => void): void;
    removeListener(listener: (changes: Record<string, { newValue?: unknown }>, area: string) => void): void;
  };
}

export interface SettingsSourceOptions {
  storage?: SettingsStorage;
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
  const storage = options.storage ?? (browser.storage as unknown as SettingsStorage);
  const settleMs = options.settleMs ?? 10_000;
  const log = options.log ?? ((line: string) => console.warn(line));

  let user: UserSettings = {};
  let managed: unknown = undefined;
  let managedFromLiveRead = false;
  let readFailure: string | null = null;
  let settleTimer: ReturnType<typeof setTimeout> | undefined;
  let readSequence = 0;
  let effective = compute();
  const listeners = new Set<(settings: EffectiveSettings) => void>();

  function compute(): EffectiveSettings {
    const { policy, issues } = parseManagedPolicy(managed);
    return mergeSettings(user, policy, readFailure ? [...issues, readFailure] : issues);
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
      const raw = (await storage.managed?.get(null)) ?? {};
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
        await storage.local.set({ [POLICY_CACHE_KEY]: raw }).catch((error: unknown) => log(`Floorwalker: policy cache not written: ${String(error)}`));
      }
      update();
    } catch (error) {
      if (sequence !== readSequence) return;
      readFailure = t('options_policy_read_failed', error instanceof Error ? error.message : String(error));
      log(`Floorwalker: ${readFailure}`);
      update();
    }
  }

  const onChanged = (changes: Record<string, { newValue?: unknown }>, area: string) => {
    // Re-read the whole area rather than apply the delta: the read is the truth and also clears a failure.
    if (area === 'managed') void readManaged(true);
    else if (area === 'sync' && USER_SETTINGS_KEY in changes) {
      user = parseUserSettings(changes[USER_SETTINGS_KEY]?.newValue);
      update();
    }
  };
  storage.onChanged.addListener(onChanged);

  const loadLocal = async () => {
    const [cache, sync] = await Promise.all([
      storage.local.get(POLICY_CACHE_KEY).catch(() => ({}) as Record<string, unknown>),
      storage.sync.get(USER_SETTINGS_KEY).catch(() => ({}) as Record<string, unknown>),
    ]);
    user = parseUserSettings(sync[USER_SETTINGS_KEY]);
    if (!managedFromLiveRead && cache[POLICY_CACHE_KEY] !== undefined) managed = cache[POLICY_CACHE_KEY];
    update();
  };
  const ready = loadLocal();
  // Started after the local reads were issued, not awaited: storage.managed can take seconds at browser start.
  void ready.then(() => readManaged(false));

  return {
    current: () => effective,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    ready,
    dispose() {
      storage.onChanged.removeListener(onChanged);
      clearTimeout(settleTimer);
      listeners.clear();
    },
  };
}
