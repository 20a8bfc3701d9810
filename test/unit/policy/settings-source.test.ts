import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { DEFAULT_SETTINGS } from '../../../lib/model/settings';
import { createSettingsSource } from '../../../lib/settings/settings-source';

// The keys earlier releases stored them under: sync `settings`, local `policyCache`.
const USER_SETTINGS_KEY = 'settings';
const POLICY_CACHE_KEY = 'policyCache';
const quiet = { log: () => undefined, settleMs: 40 };

beforeEach(() => fakeBrowser.reset());

describe('createSettingsSource', () => {
  it('answers at once with the defaults, then with the user values once ready', async () => {
    await fakeBrowser.storage.sync.set({ [USER_SETTINGS_KEY]: { language: 'sv', pollIntervalSeconds: 999 } });
    const source = createSettingsSource(quiet);
    expect(source.current().values).toEqual(DEFAULT_SETTINGS);
    await source.ready;
    // The invalid stored value is dropped on its own; the valid one applies.
    expect(source.current().values.language).toBe('sv');
    expect(source.current().values.pollIntervalSeconds).toBe(DEFAULT_SETTINGS.pollIntervalSeconds);
    source.dispose();
  });

  it('applies the managed policy, caches it, and follows changes while running', async () => {
    await fakeBrowser.storage.managed.set({ actions: { forceClose: false }, monitoringNotice: 'Monitored.' });
    const source = createSettingsSource(quiet);
    const seen = vi.fn();
    source.subscribe(seen);
    await vi.waitFor(() => expect(source.current().values.monitoringNotice).toBe('Monitored.'));
    expect(source.current().managedKeys).toEqual(['actions.forceClose', 'monitoringNotice']);
    await vi.waitFor(async () =>
      expect((await fakeBrowser.storage.local.get(POLICY_CACHE_KEY))[POLICY_CACHE_KEY]).toEqual({
        actions: { forceClose: false },
        monitoringNotice: 'Monitored.',
      }),
    );

    await fakeBrowser.storage.managed.set({ monitoringNotice: 'Changed.' });
    await vi.waitFor(() => expect(source.current().values.monitoringNotice).toBe('Changed.'));
    expect(seen).toHaveBeenLastCalledWith(source.current());
    source.dispose();
  });

  it('applies a user change from another device live, unless the policy owns that key', async () => {
    await fakeBrowser.storage.managed.set({ overlay: false });
    const source = createSettingsSource(quiet);
    await vi.waitFor(() => expect(source.current().managedKeys).toEqual(['overlay']));
    // Another device writes the user's settings to sync storage.
    await fakeBrowser.storage.sync.set({ [USER_SETTINGS_KEY]: { overlay: true, diagnostics: true } });
    await vi.waitFor(() => expect(source.current().values.diagnostics).toBe(true));
    expect(source.current().values.overlay).toBe(false);
    source.dispose();
  });

  it('keeps the cached policy while storage.managed answers empty at start-up, until the read after settling', async () => {
    await fakeBrowser.storage.local.set({ [POLICY_CACHE_KEY]: { actions: { transfer: false } } });
    const source = createSettingsSource(quiet);
    await source.ready;
    expect(source.current().values.actions.transfer).toBe(false);
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(source.current().values.actions.transfer).toBe(false);
    // The policy really is gone: the settled read is final.
    await vi.waitFor(() => expect(source.current().values.actions.transfer).toBe(true));
    expect(source.current().managedKeys).toEqual([]);
    source.dispose();
  });

  it('never blocks start-up on a managed read that hangs', async () => {
    await fakeBrowser.storage.local.set({ [POLICY_CACHE_KEY]: { language: 'en' } });
    const source = createSettingsSource({ ...quiet, managed: { get: () => new Promise<Record<string, unknown>>(() => undefined) } });
    await source.ready;
    expect(source.current().values.language).toBe('en');
    expect(source.current().managedKeys).toEqual(['language']);
    source.dispose();
  });

  it('keeps the last good policy when the read fails, and says so', async () => {
    await fakeBrowser.storage.local.set({ [POLICY_CACHE_KEY]: { diagnostics: true } });
    const source = createSettingsSource({ ...quiet, managed: { get: () => Promise.reject(new Error('Managed storage unavailable')) } });
    await vi.waitFor(() => expect(source.current().policyIssues).toHaveLength(1));
    expect(source.current().policyIssues[0]).toContain('Managed storage unavailable');
    expect(source.current().values.diagnostics).toBe(true);
    expect(source.current().managedKeys).toEqual(['diagnostics']);
    source.dispose();
  });

  it('shows an invalid policy value as an issue and keeps running with the rest', async () => {
    await fakeBrowser.storage.managed.set({ pollIntervalSeconds: 0, sidePanel: false });
    const source = createSettingsSource(quiet);
    await vi.waitFor(() => expect(source.current().values.sidePanel).toBe(false));
    expect(source.current().values.pollIntervalSeconds).toBe(DEFAULT_SETTINGS.pollIntervalSeconds);
    expect(source.current().policyIssues).toEqual([expect.stringContaining('pollIntervalSeconds')]);
    source.dispose();
  });
});

describe('saving the user settings', () => {
  it('merges over what is stored and refuses invalid values without writing', async () => {
    const source = createSettingsSource(quiet);
    await source.ready;
    await source.saveUserSettings({ language: 'sv' });
    await source.saveUserSettings({ diagnostics: true });
    await expect(source.saveUserSettings({ pollIntervalSeconds: 0 })).rejects.toThrow(/pollIntervalSeconds/);
    expect((await fakeBrowser.storage.sync.get(USER_SETTINGS_KEY))[USER_SETTINGS_KEY]).toEqual({ language: 'sv', diagnostics: true });
    expect(source.current().values.language).toBe('sv');
    source.dispose();
  });

  it('leaves out what the policy manages, keeping the user’s own earlier value', async () => {
    await fakeBrowser.storage.sync.set({ [USER_SETTINGS_KEY]: { overlay: true } });
    await fakeBrowser.storage.managed.set({ overlay: false });
    const source = createSettingsSource(quiet);
    await vi.waitFor(() => expect(source.current().managedKeys).toEqual(['overlay']));
    await source.saveUserSettings({ overlay: false, diagnostics: true });
    expect((await fakeBrowser.storage.sync.get(USER_SETTINGS_KEY))[USER_SETTINGS_KEY]).toEqual({ overlay: true, diagnostics: true });
    source.dispose();
  });
});
