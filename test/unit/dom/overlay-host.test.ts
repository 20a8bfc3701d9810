// The frames load about:blank; happy-dom would otherwise report each frame it does not load as an error.
// @vitest-environment-options {"settings": {"enableIframePageLoading": true}}
import { afterEach, describe, expect, it } from 'vitest';
import { repairBudget } from '../../../entrypoints/workspace.content/keep-mounted';
import { createOverlayHost } from '../../../lib/dom/overlay-host';
import { DEFAULT_OVERLAY_LAYOUT } from '../../../lib/view-model/overlay-layout';

const words = { frame: 'Floorwalker supervisor panel', open: 'Open Floorwalker', sidePanel: 'Open in side panel' };

/** The host as the loader builds it, with a way in for the test only (the page gets none: the root is closed). */
function setup() {
  const calls: string[] = [];
  const realAttach = HTMLElement.prototype.attachShadow;
  let shadow: ShadowRoot | undefined;
  HTMLElement.prototype.attachShadow = function (init) {
    shadow = realAttach.call(this, init);
    return shadow;
  };
  const ui = createOverlayHost({
    name: 'floorwalker-panel',
    css: '',
    words,
    onOpen: () => calls.push('open'),
    onSidePanel: () => calls.push('sidePanel'),
  });
  HTMLElement.prototype.attachShadow = realAttach;
  document.body.append(ui.host);
  const buttons = () => [...shadow!.querySelectorAll('button')];
  const launcher = () => shadow!.querySelector<HTMLElement>('.fw-launcher')!;
  return { ui, shadow: shadow!, calls, buttons, launcher };
}

describe('the loader’s overlay host', () => {
  afterEach(() => document.body.replaceChildren());

  it('keeps its frame and launcher in a closed shadow root', () => {
    const { ui } = setup();
    ui.load('about:blank#secret');
    expect(ui.host.shadowRoot).toBeNull();
    expect(document.querySelector('iframe')).toBeNull();
    expect(document.body.innerHTML).not.toContain('secret');
  });

  it('docks the frame to the stored side at a width the window leaves room for, launcher hidden', () => {
    const { ui, launcher } = setup();
    const frame = ui.load('about:blank#t');
    ui.apply({ side: 'left', width: 900, collapsed: false }, 1000);
    expect(frame.className).toBe('fw-frame fw-left');
    expect(frame.style.width).toBe('660px');
    expect(frame.title).toBe(words.frame);
    expect(frame.hidden).toBe(false);
    expect(launcher().hidden).toBe(true);
  });

  it('folds into a launcher of two named buttons that open the panel or the side panel', () => {
    const { ui, calls, buttons, launcher } = setup();
    const frame = ui.load('about:blank#t');
    ui.apply({ ...DEFAULT_OVERLAY_LAYOUT, collapsed: true }, 1400);
    expect(frame.hidden).toBe(true);
    expect(launcher().hidden).toBe(false);
    expect(launcher().className).toBe('fw-launcher fw-right');
    expect(buttons().map((button) => [button.type, button.textContent])).toEqual([
      ['button', words.open],
      ['button', words.sidePanel],
    ]);
    buttons().forEach((button) => button.click());
    expect(calls).toEqual(['open', 'sidePanel']);
  });

  it('moves focus with the fold: onto the launcher when the panel folds, into the frame when it opens', () => {
    const { ui, shadow, buttons } = setup();
    const frame = ui.load('about:blank#t');
    ui.apply(DEFAULT_OVERLAY_LAYOUT, 1400);
    frame.focus();
    ui.apply({ ...DEFAULT_OVERLAY_LAYOUT, collapsed: true }, 1400);
    expect(shadow.activeElement).toBe(buttons()[0]);
    ui.apply(DEFAULT_OVERLAY_LAYOUT, 1400);
    expect(shadow.activeElement).toBe(frame);
  });

  it('replaces the frame element for a new address, keeping its place and size', () => {
    const { ui, shadow } = setup();
    const first = ui.load('about:blank#one');
    ui.apply({ ...DEFAULT_OVERLAY_LAYOUT, width: 500 }, 1400);
    const second = ui.load('about:blank#two');
    expect(shadow.querySelectorAll('iframe')).toHaveLength(1);
    expect(first.isConnected).toBe(false);
    expect(ui.frame()).toBe(second);
    expect(second.style.width).toBe('500px');
    expect(second.className).toBe(first.className);
    ui.unload();
    expect(shadow.querySelector('iframe')).toBeNull();
    ui.apply({ side: 'left', width: 400, collapsed: true }, 1400);
    const third = ui.load('about:blank#three');
    expect([third.className, third.style.width, third.hidden]).toEqual(['fw-frame fw-left', '400px', true]);
  });
});

describe('repairBudget', () => {
  it('allows ten repairs a minute, then again as the minute moves on', () => {
    let now = 0;
    const allowed = repairBudget(10, () => now);
    expect(Array.from({ length: 12 }, () => allowed()).filter(Boolean)).toHaveLength(10);
    now = 60_000;
    expect(allowed()).toBe(true);
  });
});
