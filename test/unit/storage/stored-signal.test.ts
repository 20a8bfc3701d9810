import { beforeEach, describe, expect, it, vi } from 'vitest';
import { browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing';
import { z } from 'zod';
import { defineStoredItem } from '../../../lib/storage/stored-item';
import { storedSignal } from '../../../lib/storage/stored-signal';

const Prefs = z.object({ theme: z.enum(['light', 'dark']), size: z.number() });
const item = () => defineStoredItem('sync:prefs', { schema: Prefs, fallback: { theme: 'light' as const, size: 1 } }, () => undefined);

describe('stored signal', () => {
  beforeEach(() => fakeBrowser.reset());

  it('holds the fallback until the stored value is loaded', async () => {
    await browser.storage.sync.set({ prefs: { theme: 'dark', size: 2 } });
    const prefs = storedSignal(item());
    expect(prefs.value.value).toEqual({ theme: 'light', size: 1 });
    await prefs.loaded;
    expect(prefs.value.value).toEqual({ theme: 'dark', size: 2 });
  });

  it('follows a change another context makes, and an invalid one falls back', async () => {
    const prefs = storedSignal(item());
    await prefs.loaded;
    await browser.storage.sync.set({ prefs: { theme: 'dark', size: 3 } });
    expect(prefs.value.value).toEqual({ theme: 'dark', size: 3 });
    await browser.storage.sync.set({ prefs: { theme: 'purple', size: 3 } });
    expect(prefs.value.value).toEqual({ theme: 'light', size: 1 });
  });

  it('updates from the newest stored value: shown at once, then stored', async () => {
    const stored = item();
    const prefs = storedSignal(stored);
    await prefs.loaded;
    // Another context wrote just now and its change event has not arrived: the signal still shows the old value.
    vi.spyOn(stored, 'get').mockResolvedValueOnce({ theme: 'dark', size: 5 });
    await prefs.update((current) => ({ ...current, size: current.size + 1 }));
    expect(prefs.value.value).toEqual({ theme: 'dark', size: 6 });
    expect(await browser.storage.sync.get('prefs')).toEqual({ prefs: { theme: 'dark', size: 6 } });
  });

  it('runs updates one after another, so none is lost', async () => {
    const prefs = storedSignal(item());
    await Promise.all([1, 2, 3].map(() => prefs.update((current) => ({ ...current, size: current.size + 1 }))));
    expect(prefs.value.value.size).toBe(4);
    expect(((await browser.storage.sync.get('prefs')).prefs as { size: number }).size).toBe(4);
  });

  it('stops following storage when its owner stops', async () => {
    const stop = new AbortController();
    const prefs = storedSignal(item(), stop.signal);
    await prefs.loaded;
    stop.abort();
    await browser.storage.sync.set({ prefs: { theme: 'dark', size: 8 } });
    expect(prefs.value.value).toEqual({ theme: 'light', size: 1 });
  });

  it('keeps a change seen while the first read was under way', async () => {
    const slow = item();
    let release: () => void = () => undefined;
    // The first read started before the change below and answers with what was stored then.
    vi.spyOn(slow, 'get').mockImplementationOnce(() => new Promise((resolve) => (release = () => resolve({ theme: 'light', size: 1 }))));
    const prefs = storedSignal(slow);
    await browser.storage.sync.set({ prefs: { theme: 'dark', size: 2 } });
    release();
    await prefs.loaded;
    expect(prefs.value.value).toEqual({ theme: 'dark', size: 2 });
  });
});
