import { act, cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing';
import { OverlayFrame } from '../../../components/overlay/OverlayFrame';
import { setLanguageOverride } from '../../../lib/i18n';
import { createOverlayLayout } from '../../../lib/view-model/overlay-layout';
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

  function setup() {
    const source = new FakeFeedSource();
    const controller = createPanelController({ source, stop: stop.signal });
    const layout = createOverlayLayout(browser.storage.local);
    let sidePanelRequests = 0;
    render(<OverlayFrame controller={controller} layout={layout} onOpenSidePanel={() => (sidePanelRequests += 1)} />);
    act(() => source.push({ type: 'snapshot', state: makeState() }));
    return { layout, sidePanelRequests: () => sidePanelRequests };
  }

  it('docks to a side, moves to the other, and folds into a launcher that opens it again', () => {
    const { layout } = setup();
    const aside = screen.getByRole('complementary', { name: 'Floorwalker supervisor panel' });
    expect(aside.className).toContain('fw-dock-right');
    fireEvent.click(screen.getByRole('button', { name: 'Dock left' }));
    expect(layout.layout.value.side).toBe('left');
    fireEvent.click(screen.getByRole('button', { name: 'Collapse' }));
    expect(screen.queryByRole('complementary')).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Open Floorwalker' }));
    expect(screen.getByRole('grid')).toBeTruthy();
  });

  it('resizes from the keyboard on its separator, within bounds', () => {
    const { layout } = setup();
    const handle = screen.getByRole('separator', { name: 'Panel width' });
    const before = layout.layout.value.width;
    fireEvent.keyDown(handle, { key: 'ArrowLeft' });
    expect(layout.layout.value.width).toBe(before + 24);
    for (let step = 0; step < 50; step += 1) fireEvent.keyDown(handle, { key: 'ArrowRight' });
    expect(layout.layout.value.width).toBe(360);
  });

  it('asks for the browser side panel from the header and from the launcher', () => {
    const { sidePanelRequests } = setup();
    fireEvent.click(screen.getByRole('button', { name: 'Open in side panel' }));
    fireEvent.click(screen.getByRole('button', { name: 'Collapse' }));
    fireEvent.click(screen.getByRole('button', { name: 'Open in side panel' }));
    expect(sidePanelRequests()).toBe(2);
  });
});
