import { describe, expect, it } from 'vitest';
import { exportFileName, exportView, importView, viewLink } from '../../../lib/features/share-views/share';
import { DEFAULT_VIEW_SPEC } from '../../../lib/view-model/view-spec';

const view = { name: 'Billing — stuck', spec: { ...DEFAULT_VIEW_SPEC, search: 'Faktura åäö', quick: ['unassigned' as const] }, savedAt: 5 };

describe('shareable views', () => {
  it('a file and a link both import back to the same view', () => {
    expect(importView(exportView(view))).toEqual({ ok: true, view });
    const link = viewLink('chrome-extension://abc/sidepanel.html', view);
    expect(link.startsWith('chrome-extension://abc/sidepanel.html#fw-view=')).toBe(true);
    expect(importView(link)).toEqual({ ok: true, view: { ...view, savedAt: 0 } });
    expect(importView(link.split('fw-view=')[1]!)).toMatchObject({ ok: true });
    expect(exportFileName(view)).toBe('floorwalker-view-Billing-stuck.json');
  });

  it('refuses anything that is not a valid view, saying why', () => {
    expect(importView('')).toEqual({ ok: false, error: 'share_empty' });
    expect(importView('{"format":"floorwalker-view","version":1,"view":{"name":"x","spec":{},"savedAt":1}}')).toEqual({ ok: false, error: 'share_invalid' });
    expect(importView('not json at all!')).toEqual({ ok: false, error: 'share_unreadable' });
    expect(importView('{"format":"other"}')).toEqual({ ok: false, error: 'share_invalid' });
  });
});
