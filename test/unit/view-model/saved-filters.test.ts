import { signal } from '@preact/signals';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing';
import { savedFiltersItem } from '../../../lib/storage/items';
import { createSavedFilters, MAX_SAVED_FILTERS, type FilterOwner } from '../../../lib/view-model/saved-filters';
import { DEFAULT_LIST_SPEC } from '../../../lib/view-model/list-spec';

const ORG = 'https://contoso.crm4.dynamics.com';
const SOFIA: FilterOwner = { org: ORG, userId: 'u-sofia' };
// The key earlier releases stored them under.
const KEY = `floorwalker.views.${ORG}.u-sofia`;
const settled = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('SavedFilters', () => {
  let stop: AbortController;
  beforeEach(() => {
    fakeBrowser.reset();
    stop = new AbortController();
  });
  afterEach(() => stop.abort());

  const open = (owner = signal(SOFIA), clock?: () => number) => createSavedFilters(savedFiltersItem, owner, stop.signal, clock);

  it('saves to sync storage and restores them in a new session', async () => {
    const first = open(signal(SOFIA), () => 1);
    const spec = { ...DEFAULT_LIST_SPEC, groupBy: 'queue' as const, filters: { ...DEFAULT_LIST_SPEC.filters, status: ['open' as const] } };
    await first.save('  Open by queue ', spec);
    expect((await browser.storage.sync.get(KEY))[KEY]).toEqual([{ name: 'Open by queue', spec, savedAt: 1 }]);
    const second = open();
    await settled();
    expect(second.filters.value).toEqual([{ name: 'Open by queue', spec, savedAt: 1 }]);
  });

  it('replaces saved filters of the same name, deletes by name, and keeps them per user', async () => {
    const owner = signal(SOFIA);
    const filters = open(owner);
    await filters.save('Mine', DEFAULT_LIST_SPEC);
    await filters.save('Mine', { ...DEFAULT_LIST_SPEC, search: 'x' });
    expect(filters.filters.value.map((saved) => saved.spec.search)).toEqual(['x']);
    // Another user signs in to the same browser profile.
    owner.value = { org: ORG, userId: 'u-other' };
    await settled();
    expect(filters.filters.value).toEqual([]);
    owner.value = SOFIA;
    await settled();
    await filters.remove('Mine');
    expect(filters.filters.value).toEqual([]);
  });

  it('follows saved filters changed in another view or browser', async () => {
    const filters = open();
    await settled();
    await browser.storage.sync.set({ [KEY]: [{ name: 'From elsewhere', spec: DEFAULT_LIST_SPEC, savedAt: 2 }] });
    expect(filters.filters.value.map((saved) => saved.name)).toEqual(['From elsewhere']);
  });

  it('skips stored entries that fail validation, counts them, and keeps the good ones', async () => {
    await browser.storage.sync.set({
      [KEY]: [
        { name: 'Good', spec: DEFAULT_LIST_SPEC, savedAt: 1 },
        { name: 'Bad sort', spec: { ...DEFAULT_LIST_SPEC, sort: { column: 'rm -rf', direction: 'up' } }, savedAt: 1 },
        'garbage',
      ],
    });
    const filters = open();
    await settled();
    expect(filters.filters.value.map((saved) => saved.name)).toEqual(['Good']);
    expect(filters.skipped.value).toBe(2);
  });

  it('keeps at most the newest, within the sync storage item limit', async () => {
    const filters = open();
    for (let index = 0; index < MAX_SAVED_FILTERS + 3; index += 1) await filters.save(`Filters ${index}`, DEFAULT_LIST_SPEC);
    expect(filters.filters.value).toHaveLength(MAX_SAVED_FILTERS);
    expect(filters.filters.value[0]!.name).toBe(`Filters ${MAX_SAVED_FILTERS + 2}`);
    expect(JSON.stringify(filters.filters.value).length).toBeLessThan(8192);
  });
});
