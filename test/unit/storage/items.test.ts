import { beforeEach, describe, expect, it, vi } from 'vitest';
import { browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing';
import {
  actionLogItem,
  alertsMemoryItem,
  sentimentMemoryItem,
  feedSnapshotItem,
  policyCacheItem,
  removeRetired,
  savedFiltersItem,
  sharedLogMemoryItem,
  softLocksMemoryItem,
  userSettingsItem,
  watchPrefsItem,
} from '../../../lib/storage/items';
import { DEFAULT_LIST_SPEC } from '../../../lib/view-model/list-spec';

/*
 * Each item reads what earlier releases stored under the same key, falls back on nothing or on an invalid value,
 * and reports the invalid one. (The feed snapshot's own shape is covered by the feed controller's tests.)
 */
beforeEach(() => {
  fakeBrowser.reset();
  vi.spyOn(console, 'warn').mockImplementation(() => undefined);
  return () => vi.restoreAllMocks();
});
const reported = () => vi.mocked(console.warn).mock.calls.map((call) => String(call[0]));

describe('user settings (sync: settings)', () => {
  it('reads the stored values and drops only the ones that no longer validate', async () => {
    await browser.storage.sync.set({ settings: { language: 'sv', pollIntervalSeconds: 999, retired: true } });
    expect(await userSettingsItem.get()).toEqual({ language: 'sv' });
  });

  it('falls back to no user values on something that is not an object, and reports it', async () => {
    expect(await userSettingsItem.get()).toEqual({});
    await browser.storage.sync.set({ settings: ['sv'] });
    expect(await userSettingsItem.get()).toEqual({});
    expect(reported()).toEqual([expect.stringContaining('sync:settings')]);
  });
});

describe('policy cache (local: policyCache)', () => {
  it('keeps the managed value as read; nothing cached is null', async () => {
    expect(await policyCacheItem.get()).toBeNull();
    await browser.storage.local.set({ policyCache: { actions: { transfer: false }, unknownKey: 1 } });
    expect(await policyCacheItem.get()).toEqual({ actions: { transfer: false }, unknownKey: 1 });
    await browser.storage.local.set({ policyCache: 'broken' });
    expect(await policyCacheItem.get()).toBeNull();
  });
});

describe('saved filters (sync: floorwalker.views.<org>.<user>)', () => {
  it('one item per user and org, under the keys earlier releases used', () => {
    expect(savedFiltersItem({ org: 'https://contoso.crm4.dynamics.com', userId: 'u-1' }).key).toBe(
      'sync:floorwalker.views.https://contoso.crm4.dynamics.com.u-1',
    );
    expect(savedFiltersItem({ org: null, userId: null }).key).toBe('sync:floorwalker.views.any.me');
  });

  it('reads a broken entry as null, and a list that is not a list as empty', async () => {
    const item = savedFiltersItem({ org: null, userId: null });
    await browser.storage.sync.set({ 'floorwalker.views.any.me': [{ name: 'Good', spec: DEFAULT_LIST_SPEC, savedAt: 1 }, { name: '' }] });
    expect(await item.get()).toEqual([{ name: 'Good', spec: DEFAULT_LIST_SPEC, savedAt: 1 }, null]);
    await browser.storage.sync.set({ 'floorwalker.views.any.me': { name: 'Good' } });
    expect(await item.get()).toEqual([]);
  });
});

describe('watch prefs (sync: floorwalker.beyondPrefs)', () => {
  const stored = {
    alerts: { idleMismatch: false, breachSoon: true, sentimentDrop: true },
    surfaces: { panel: true, badge: false, notification: true },
    breachWithinMinutes: 5,
    stuckMinutes: { default: 45, byChannel: { '192360000': 10 } },
  };

  it('reads what the earlier release stored', async () => {
    await browser.storage.sync.set({ 'floorwalker.beyondPrefs': stored });
    expect(await watchPrefsItem.get()).toEqual(stored);
  });

  it('falls back to every alert on, shown everywhere, on an out-of-range value', async () => {
    await browser.storage.sync.set({ 'floorwalker.beyondPrefs': { ...stored, breachWithinMinutes: 0 } });
    expect(await watchPrefsItem.get()).toEqual(watchPrefsItem.fallback);
    expect(watchPrefsItem.fallback.surfaces).toEqual({ panel: true, badge: true, notification: true });
    expect(reported()).toEqual([expect.stringContaining('breachWithinMinutes')]);
  });
});

describe('the worker’s session items', () => {
  it('feed snapshot and action log: something unusable reads as nothing, so a full load follows', async () => {
    expect(await feedSnapshotItem.get()).toBeNull();
    await browser.storage.session.set({ feed: { version: 2 }, actions: { version: 1, records: 'nope' } });
    expect(await feedSnapshotItem.get()).toBeNull();
    expect(await actionLogItem.get()).toBeNull();
    await browser.storage.session.set({ actions: { version: 1, records: [], sent: [] } });
    expect(await actionLogItem.get()).toEqual({ version: 1, records: [], sent: [] });
  });

  it('the features’ memories round-trip, and fall back to empty', async () => {
    expect(await alertsMemoryItem.get()).toEqual({ alerts: [], notified: [] });
    expect(await sentimentMemoryItem.get()).toEqual({ last: {}, fallen: [] });
    // Saved before the sentiment had an item of its own: the alerts still read.
    await alertsMemoryItem.set({ alerts: [], notified: ['idleMismatch:q1'], sentiment: { last: { c1: 10 }, fallen: [] } } as never);
    expect(await alertsMemoryItem.get()).toEqual({ alerts: [], notified: ['idleMismatch:q1'] });
    const locks = { org: 'https://o.test', locks: [], held: { 'req-1': 'note-1' } };
    await softLocksMemoryItem.set(locks);
    expect(await browser.storage.session.get('softLocks')).toEqual({ softLocks: locks });
    expect(await softLocksMemoryItem.get()).toEqual(locks);
    await browser.storage.session.set({ sharedLog: { org: null, notes: [{ id: 1 }], since: 0 } });
    expect(await sharedLogMemoryItem.get()).toEqual({ org: null, notes: [], since: 0 });
  });
});

describe('retired keys', () => {
  it('removes what earlier releases published through storage, and nothing else', async () => {
    await browser.storage.local.set({ 'floorwalker.beyond': { version: 1 }, policyCache: {} });
    await browser.storage.session.set({ beyond: { notified: [] }, feed: { version: 1 } });
    await removeRetired();
    expect(await browser.storage.local.get(null)).toEqual({ policyCache: {} });
    expect(Object.keys(await browser.storage.session.get(null))).toEqual(['feed']);
  });
});
