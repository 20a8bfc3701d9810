import { signal } from '@preact/signals';
import { act, cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { OverlayFrame } from '../../../components/overlay/OverlayFrame';
import { setLanguageOverride } from '../../../lib/i18n';
import { DEFAULT_OVERLAY_LAYOUT, type OverlayLayout } from '../../../lib/view-model/overlay-layout';
import { createPanelController } from '../../../lib/view-model/panel-controller';
import { FakeFeedSource, makeState } from '../view-model/fixtures';

describe('OverlayFrame', () => {
  let stop: AbortController;
  beforeEach(() => {
    fakeBrowser.reset();
    setLanguageOverride('en');
    stop = new AbortController();
  });
  afterEach(() => {
    stop.abort();
    cleanup();
  });

  /** The frame as the overlay page renders it; layout changes go where the page would store them. */
  function setup(width = 440) {
    const source = new FakeFeedSource();
    const controller = createPanelController({ source, stop: stop.signal });
    const layout = signal<OverlayLayout>({ ...DEFAULT_OVERLAY_LAYOUT, width });
    const frameWidth = signal(width);
    const changes: Array<Partial<OverlayLayout>> = [];
    let sidePanelRequests = 0;
    const onLayout = (change: Partial<OverlayLayout>) => {
      changes.push(change);
      layout.value = { ...layout.value, ...change };
      if (change.width) frameWidth.value = change.width;
    };
    render(
      <OverlayFrame
        controller={controller}
        layout={layout}
        frameWidth={frameWidth}
        onLayout={onLayout}
        onOpenSidePanel={() => (sidePanelRequests += 1)}
      />,
    );
    act(() => source.push({ type: 'snapshot', state: makeState() }));
    return { layout, changes, frameWidth, sidePanelRequests: () => sidePanelRequests };
  }

  it('docks to a side, moves to the other, and asks to fold into the launcher', () => {
    const { layout, changes } = setup();
    const aside = screen.getByRole('complementary', { name: 'Floorwalker supervisor panel' });
    expect(aside.className).toContain('fw-dock-right');
    expect(screen.getByRole('grid')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Dock left' }));
    expect(layout.value.side).toBe('left');
    expect(aside.className).toContain('fw-dock-left');
    expect(screen.getByRole('button', { name: 'Dock right' })).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Collapse' }));
    expect(changes).toEqual([{ side: 'left' }, { collapsed: true }]);
  });

  it('resizes from the keyboard on its separator, from the width it has, within bounds', () => {
    const { layout, frameWidth } = setup(600);
    const handle = screen.getByRole('separator', { name: 'Panel width' });
    expect(handle.getAttribute('aria-valuenow')).toBe('600');
    // The loader fitted a stored 800 into a narrow window: growing starts from what is shown.
    act(() => {
      layout.value = { ...layout.value, width: 800 };
    });
    fireEvent.keyDown(handle, { key: 'ArrowLeft' });
    expect(layout.value.width).toBe(624);
    expect(handle.getAttribute('aria-valuenow')).toBe('624');
    for (let step = 0; step < 50; step += 1) fireEvent.keyDown(handle, { key: 'ArrowRight' });
    expect(layout.value.width).toBe(360);
    for (let step = 0; step < 50; step += 1) fireEvent.keyDown(handle, { key: 'ArrowLeft' });
    expect(layout.value.width).toBe(900);
    expect(frameWidth.value).toBe(900);
  });

  it('asks for the browser side panel from the header', () => {
    const { sidePanelRequests } = setup();
    fireEvent.click(screen.getByRole('button', { name: 'Open in side panel' }));
    expect(sidePanelRequests()).toBe(1);
  });
});
