import { beforeEach, describe, expect, it } from 'vitest';
import { browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing';
import {
  avoidFocused,
  clampWidth,
  DEFAULT_OVERLAY_LAYOUT,
  openOverlayLayout,
  type OverlayLayout,
} from '../../../lib/view-model/overlay-layout';

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

  const settle = () => new Promise((resolve) => setTimeout(resolve, 0));
  const open = async () => {
    const seen: OverlayLayout[] = [];
    const stop = new AbortController();
    const store = await openOverlayLayout(browser.storage.local, (layout) => seen.push(layout), stop.signal);
    return { store, seen, stop };
  };

  it('remembers side, width and collapsed state on this device and ignores a corrupted value', async () => {
    const first = await open();
    expect(first.seen).toEqual([DEFAULT_OVERLAY_LAYOUT]);
    first.store.update({ side: 'left', width: 500 });
    await settle();
    const again = await open();
    expect(again.store.current()).toEqual({ side: 'left', width: 500, collapsed: false });
    await browser.storage.local.set({ 'floorwalker.overlay': { side: 'up' } });
    const third = await open();
    expect(third.store.current()).toEqual(DEFAULT_OVERLAY_LAYOUT);
  });

  it('follows the other half’s changes through storage, and never its own coming back', async () => {
    const loader = await open();
    const panel = await open();
    panel.store.update({ collapsed: true });
    await settle();
    expect(loader.store.current().collapsed).toBe(true);
    expect(loader.seen.at(-1)).toEqual({ ...DEFAULT_OVERLAY_LAYOUT, collapsed: true });
    // A fast drag: only the newest width is shown, however the writes come back.
    for (const width of [500, 520, 540, 560]) panel.store.update({ width });
    await settle();
    await settle();
    expect(panel.seen.map((layout) => layout.width)).toEqual([440, 440, 500, 520, 540, 560]);
    expect(loader.store.current().width).toBe(560);
    // Stopped: no longer follows.
    loader.stop.abort();
    panel.store.update({ side: 'left' });
    await settle();
    expect(loader.store.current().side).toBe('right');
  });
});
