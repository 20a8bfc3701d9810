import { clampWidth, type OverlayLayout } from '../view-model/overlay-layout';

export interface OverlayHostOptions {
  /** The host element's tag: a custom name no page uses. */
  name: string;
  css: string;
  /** The launcher's and the frame's words (the loader has no catalogue of its own: chrome.i18n). */
  words: { frame: string; open: string; sidePanel: string };
  onOpen: () => void;
  onSidePanel: () => void;
}

export interface OverlayHost {
  host: HTMLElement;
  /** Docked and sized from the layout, or folded into the launcher. */
  apply(layout: OverlayLayout, viewportWidth: number): void;
  /** A new frame at this address, placed as the last layout says (the old one, if any, is discarded). */
  load(url: string): HTMLIFrameElement;
  /** Takes the frame out (its document ends); `load` puts a new one in. */
  unload(): void;
  /** The frame now in the host, if any. */
  frame(): HTMLIFrameElement | null;
}

/**
 * The loader's DOM: a host element with a closed shadow root holding the overlay's frame and the launcher. Closed,
 * so the page's scripts get no handle on the frame (its address carries the one-time token) or the launcher; the
 * frame is another origin, so they cannot read or script the panel in it either. Plain DOM: it ships in the
 * content script, which must stay small.
 */
export function createOverlayHost(options: OverlayHostOptions): OverlayHost {
  const host = document.createElement(options.name);
  const shadow = host.attachShadow({ mode: 'closed' });
  const style = document.createElement('style');
  style.textContent = options.css;

  const launcher = document.createElement('div');
  launcher.className = 'fw-launcher';
  launcher.hidden = true;
  const button = (label: string, onClick: () => void, primary = false) => {
    const element = document.createElement('button');
    element.type = 'button';
    element.textContent = label;
    if (primary) element.className = 'fw-primary';
    element.addEventListener('click', onClick);
    return element;
  };
  const open = button(options.words.open, options.onOpen, true);
  launcher.append(open, button(options.words.sidePanel, options.onSidePanel));
  shadow.append(style, launcher);

  let frame: HTMLIFrameElement | null = null;
  let collapsed: boolean | null = null;
  let placement = { side: 'fw-right', width: '' };
  const place = (element: HTMLIFrameElement) => {
    element.className = `fw-frame ${placement.side}`;
    element.style.width = placement.width;
    element.hidden = collapsed === true;
  };

  return {
    host,
    apply(layout, viewportWidth) {
      placement = { side: layout.side === 'right' ? 'fw-right' : 'fw-left', width: `${clampWidth(layout.width, viewportWidth)}px` };
      launcher.className = `fw-launcher ${placement.side}`;
      // Focus follows the fold: into the frame when the launcher opened it, onto the launcher when the panel folded.
      const refocus = collapsed !== null && layout.collapsed !== collapsed && shadow.activeElement !== null;
      collapsed = layout.collapsed;
      launcher.hidden = !collapsed;
      if (frame) place(frame);
      if (!refocus) return;
      if (collapsed) open.focus();
      else frame?.focus();
    },
    load(url) {
      const next = document.createElement('iframe');
      next.title = options.words.frame;
      // The panel copies share links; nothing else is granted to the frame.
      next.allow = 'clipboard-write';
      place(next);
      next.src = url;
      if (frame) frame.replaceWith(next);
      else shadow.append(next);
      frame = next;
      return next;
    },
    unload() {
      frame?.remove();
      frame = null;
    },
    frame: () => frame,
  };
}
