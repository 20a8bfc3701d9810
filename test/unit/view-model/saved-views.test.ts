import { beforeEach, describe, expect, it } from 'vitest';
import { browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing';
import { createSavedViews, MAX_SAVED_VIEWS, savedViewsKey } from '../../../lib/view-model/saved-views';
import { DEFAULT_VIEW_SPEC } from '../../../lib/view-model/view-spec';

const KEY = savedViewsKey('https://contoso.crm4.dynamics.com', 'u-sofia');

describe('SavedViews', () => {
  beforeEach(() => fakeBrowser.reset());

  it('saves a view to sync storage and restores it in a new session', async () => {
    const first = createSavedViews(browser.storage.sync, () => KEY, () => 1);
    const spec = { ...DEFAULT_VIEW_SPEC, groupBy: 'queue' as const, filters: { ...DEFAULT_VIEW_SPEC.filters, status: ['open' as const] } };
    await first.save('  Open by queue ', spec);
    const second = createSavedViews(browser.storage.sync, () => KEY);
    await second.load();
    expect(second.views.value).toEqual([{ name: 'Open by queue', spec, savedAt: 1 }]);
  });

  it('replaces a view of the same name, deletes by name, and keeps views per user', async () => {
    const views = createSavedViews(browser.storage.sync, () => KEY);
    await views.save('Mine', DEFAULT_VIEW_SPEC);
    await views.save('Mine', { ...DEFAULT_VIEW_SPEC, search: 'x' });
    expect(views.views.value.map((view) => view.spec.search)).toEqual(['x']);
    const other = createSavedViews(browser.storage.sync, () => savedViewsKey('https://contoso.crm4.dynamics.com', 'u-other'));
    await other.load();
    expect(other.views.value).toEqual([]);
    await views.remove('Mine');
    expect(views.views.value).toEqual([]);
  });

  it('skips stored entries that fail validation and keeps the good ones', async () => {
    await browser.storage.sync.set({
      [KEY]: [
        { name: 'Good', spec: DEFAULT_VIEW_SPEC, savedAt: 1 },
        { name: 'Bad sort', spec: { ...DEFAULT_VIEW_SPEC, sort: { column: 'rm -rf', direction: 'up' } }, savedAt: 1 },
        'garbage',
      ],
    });
    const views = createSavedViews(browser.storage.sync, () => KEY);
    await views.load();
    expect(views.views.value.map((view) => view.name)).toEqual(['Good']);
    expect(views.skipped.value).toBe(2);
  });

  it('keeps at most the newest views, within the sync storage item limit', async () => {
    const views = createSavedViews(browser.storage.sync, () => KEY);
    for (let index = 0; index < MAX_SAVED_VIEWS + 3; index += 1) await views.save(`View ${index}`, DEFAULT_VIEW_SPEC);
    expect(views.views.value).toHaveLength(MAX_SAVED_VIEWS);
    expect(views.views.value[0]!.name).toBe(`View ${MAX_SAVED_VIEWS + 2}`);
    expect(JSON.stringify(views.views.value).length).toBeLessThan(8192);
  });
});
