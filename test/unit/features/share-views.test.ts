import { describe, expect, it } from 'vitest';
import { exportFileName, exportSavedFilter, importSavedFilter, savedFilterLink } from '../../../lib/features/share-views/share';
import { DEFAULT_LIST_SPEC } from '../../../lib/view-model/list-spec';

const saved = {
  name: 'Billing — stuck',
  spec: { ...DEFAULT_LIST_SPEC, search: 'Faktura åäö', quick: ['unassigned' as const] },
  savedAt: 5,
};

describe('sharing saved filters', () => {
  it('a file and a link both import back to the same saved filters', () => {
    expect(importSavedFilter(exportSavedFilter(saved))).toEqual({ ok: true, saved });
    const link = savedFilterLink('chrome-extension://abc/sidepanel.html', saved);
    expect(link.startsWith('chrome-extension://abc/sidepanel.html#fw-view=')).toBe(true);
    expect(importSavedFilter(link)).toEqual({ ok: true, saved: { ...saved, savedAt: 0 } });
    expect(importSavedFilter(link.split('fw-view=')[1]!)).toMatchObject({ ok: true });
    expect(exportFileName(saved)).toBe('floorwalker-view-Billing-stuck.json');
  });

  it('still imports a file shared by an earlier release', () => {
    const file = JSON.stringify({ format: 'floorwalker-view', version: 1, view: { name: 'Old', spec: DEFAULT_LIST_SPEC, savedAt: 3 } });
    expect(importSavedFilter(file)).toEqual({ ok: true, saved: { name: 'Old', spec: DEFAULT_LIST_SPEC, savedAt: 3 } });
  });

  it('refuses anything that is not valid saved filters, saying why', () => {
    expect(importSavedFilter('')).toEqual({ ok: false, error: 'share_empty' });
    expect(importSavedFilter('{"format":"floorwalker-view","version":1,"view":{"name":"x","spec":{},"savedAt":1}}')).toEqual({
      ok: false,
      error: 'share_invalid',
    });
    expect(importSavedFilter('not json at all!')).toEqual({ ok: false, error: 'share_unreadable' });
    expect(importSavedFilter('{"format":"other"}')).toEqual({ ok: false, error: 'share_invalid' });
  });
});
