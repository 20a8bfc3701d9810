import { beforeEach, describe, expect, it } from 'vitest';
import { browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing';
import { avoidFocused, clampWidth, createOverlayLayout, DEFAULT_OVERLAY_LAYOUT } from '../../../lib/view-model/overlay-layout';

describe('overlay layout', () => {
  beforeEach(() => fakeBrowser.reset());

  it('keeps the width between 360 px and two thirds of the viewport', () => {
    expect(clampWidth(100, 1600)).toBe(360);
    expect(clampWidth(2000, 1200)).toBe(792);
    expect(clampWidth(500, 400)).toBe(360);
  });

  it('moves away from the focused workspace control, or folds up when both sides would cover it', () => {
    const layout = { ...DEFAULT_OVERLAY_LAYOUT, side: 'right' as const, width: 400 };
    expect(avoidFocused({ left: 100, right: 300 }, layout, 1600)).toBe('stay');
    expect(avoidFocused({ left: 1300, right: 1500 }, layout, 1600)).toBe('flip');
    expect(avoidFocused({ left: 1150, right: 1300 }, layout, 1600)).toBe('flip');
    // A full-width field shows beside the panel: no reason to move.
    expect(avoidFocused({ left: 0, right: 1600 }, layout, 1600)).toBe('stay');
    // A field in the middle of a narrow window is hidden by the panel on either side.
    expect(avoidFocused({ left: 350, right: 450 }, layout, 800)).toBe('collapse');
    expect(avoidFocused({ left: 350, right: 450 }, { ...layout, collapsed: true }, 800)).toBe('stay');
  });

  it('remembers side, width and collapsed state on this device and ignores a corrupted value', async () => {
    const model = createOverlayLayout(browser.storage.local);
    model.update({ side: 'left', width: 500 });
    await new Promise((resolve) => setTimeout(resolve, 0));
    const again = createOverlayLayout(browser.storage.local);
    await again.load();
    expect(again.layout.value).toEqual({ side: 'left', width: 500, collapsed: false });
    await browser.storage.local.set({ 'floorwalker.overlay': { side: 'up' } });
    const third = createOverlayLayout(browser.storage.local);
    await third.load();
    expect(third.layout.value).toEqual(DEFAULT_OVERLAY_LAYOUT);
  });
});
