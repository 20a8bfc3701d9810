import { beforeEach, describe, expect, it, vi } from 'vitest';
import { browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing';
import { z } from 'zod';
import { defineStoredItem } from '../../../lib/storage/stored-item';

const Counter = z.object({ count: z.number().int().min(0) });
const spec = { schema: Counter, fallback: { count: 0 } };

describe('stored item', () => {
  beforeEach(() => fakeBrowser.reset());

  it('reads what was stored, and the fallback when nothing is', async () => {
    const item = defineStoredItem('local:counter', spec);
    expect(await item.get()).toEqual({ count: 0 });
    await item.set({ count: 4 });
    expect(await browser.storage.local.get('counter')).toEqual({ counter: { count: 4 } });
    expect(await defineStoredItem('local:counter', spec).get()).toEqual({ count: 4 });
  });

  it('falls back on an invalid stored value, reports it, and leaves it in place', async () => {
    await browser.storage.sync.set({ counter: { count: -1 } });
    const report = vi.fn();
    const item = defineStoredItem('sync:counter', spec, report);
    expect(await item.get()).toEqual({ count: 0 });
    expect(report).toHaveBeenCalledWith('sync:counter', expect.stringContaining('count'));
    // Nothing is lost: a newer release may have written it.
    expect(await browser.storage.sync.get('counter')).toEqual({ counter: { count: -1 } });
  });

  it('falls back when storage cannot be read, without throwing', async () => {
    const report = vi.fn();
    vi.spyOn(fakeBrowser.storage.session, 'get').mockRejectedValueOnce(new Error('Access to storage is not allowed from this context'));
    const item = defineStoredItem('session:counter', spec, report);
    expect(await item.get()).toEqual({ count: 0 });
    expect(report).toHaveBeenCalledWith('session:counter', expect.stringContaining('not allowed'));
    vi.restoreAllMocks();
  });

  it('queues writes: while one is under way only the newest is written next', async () => {
    const item = defineStoredItem('session:counter', spec);
    const written: unknown[] = [];
    const set = fakeBrowser.storage.session.set.bind(fakeBrowser.storage.session);
    vi.spyOn(fakeBrowser.storage.session, 'set').mockImplementation(async (items) => {
      await new Promise((resolve) => setTimeout(resolve, 1));
      written.push(items.counter);
      await set(items);
    });
    await Promise.all([item.set({ count: 1 }), item.set({ count: 2 }), item.set({ count: 3 })]);
    expect(written).toEqual([{ count: 1 }, { count: 3 }]); // 2 was superseded while 1 was being written
    expect(await item.get()).toEqual({ count: 3 });
    vi.restoreAllMocks();
  });

  it('tells watchers of changes made elsewhere, validated like a read', async () => {
    const report = vi.fn();
    const item = defineStoredItem('sync:counter', spec, report);
    const seen: unknown[] = [];
    const unwatch = item.watch((value) => seen.push(value));
    await browser.storage.sync.set({ counter: { count: 2 } });
    await browser.storage.sync.set({ counter: 'garbage' });
    await browser.storage.sync.remove('counter');
    unwatch();
    await browser.storage.sync.set({ counter: { count: 9 } });
    expect(seen).toEqual([{ count: 2 }, { count: 0 }, { count: 0 }]);
    expect(report).toHaveBeenCalledTimes(1);
  });

  it('migrates a value stored by an earlier version once, and records the version beside it', async () => {
    // Version 1 stored a bare number; version 2 keeps it in an object.
    await browser.storage.local.set({ counter: 7 });
    const migrate = vi.fn((stored: unknown) => ({ count: Number(stored) }));
    const item = defineStoredItem('local:counter', { ...spec, version: 2, migrations: { 2: migrate } });
    expect(await item.get()).toEqual({ count: 7 });
    expect(await browser.storage.local.get(['counter', 'counter$'])).toEqual({ counter: { count: 7 }, counter$: { v: 2 } });
    expect(await defineStoredItem('local:counter', { ...spec, version: 2, migrations: { 2: migrate } }).get()).toEqual({ count: 7 });
    expect(migrate).toHaveBeenCalledTimes(1);
  });

  it('writes no version beside an item that has no migrations, as earlier releases stored it', async () => {
    const item = defineStoredItem('sync:counter', spec);
    await item.set({ count: 1 });
    expect(await browser.storage.sync.get(null)).toEqual({ counter: { count: 1 } });
  });

  describe('packed (large values)', () => {
    const Rows = z.object({ rows: z.array(z.object({ id: z.string(), subject: z.string() })) });
    const big = { rows: Array.from({ length: 5_000 }, (_, i) => ({ id: `row-${i}`, subject: `Billing question ${i % 7}` })) };
    const packedSpec = { schema: Rows.nullable(), fallback: null, packedLimitChars: 100_000 };

    it('stores one short text instead of the value, and reads the value back', async () => {
      const item = defineStoredItem('session:picture', packedSpec);
      await item.set(big);
      const { picture } = await browser.storage.session.get('picture');
      expect(typeof picture).toBe('string');
      expect((picture as string).length).toBeLessThan(JSON.stringify(big).length / 5);
      expect(await defineStoredItem('session:picture', packedSpec).get()).toEqual(big);
    });

    it('refuses a value over its limit with the sizes, and keeps what was stored', async () => {
      const item = defineStoredItem('session:picture', { ...packedSpec, packedLimitChars: 1_000 });
      await browser.storage.session.set({ picture: { rows: [] } });
      await expect(item.set(big)).rejects.toThrow(/MB packed, over the 0\.0 MB kept for it/);
      // The plain value an earlier release stored is still read.
      expect(await item.get()).toEqual({ rows: [] });
    });

    it('reads text that is not a packed value as nothing, and says why', async () => {
      const report = vi.fn();
      await browser.storage.session.set({ picture: 'not packed' });
      expect(await defineStoredItem('session:picture', packedSpec, report).get()).toBeNull();
      expect(report).toHaveBeenCalledWith('session:picture', expect.stringContaining('unreadable'));
    });
  });
});
