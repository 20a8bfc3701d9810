import { browser } from 'wxt/browser';
import { defineContentScript } from 'wxt/utils/define-content-script';
import hostCss from '../../lib/dom/overlay-host.css?inline';
import { createOverlayHost } from '../../lib/dom/overlay-host';
import { WORKSPACE_MATCHES } from '../../lib/dom/workspace-matches';
import { OverlayTokenReplySchema } from '../../lib/protocol/overlay-token';
import type { RuntimeRequest } from '../../lib/protocol/runtime-message';
import { OVERLAY_PAGE } from '../../lib/protocol/sender';
import { avoidFocused, clampWidth, openOverlayLayout } from '../../lib/view-model/overlay-layout';
import { keepMounted, repairBudget } from './keep-mounted';

const send = (request: RuntimeRequest): Promise<unknown> => browser.runtime.sendMessage(request);

/** The worker's one-time token for this tab's overlay frame, or null if it gave none. */
async function overlayToken(): Promise<string | null> {
  const reply = OverlayTokenReplySchema.safeParse(await send({ type: 'overlayToken' }).catch(() => null));
  return reply.success ? reply.data.token : null;
}

/**
 * The loader of the panel over the agent workspace. The panel itself is an extension page (overlay.html) in a frame
 * inside a closed shadow root: this script only places that frame from the stored layout, keeps it in the page and
 * out of the way of what the user is working on, and hands it the one-time token the worker checks. Nothing the
 * page sends (postMessage, custom events) is listened to; the page's own events are used for layout only (where
 * focus is). Everything is tied to ctx, so an extension update leaves no listeners, observers or elements behind.
 */
export default defineContentScript({
  matches: WORKSPACE_MATCHES,
  async main(ctx) {
    // No token means no overlay here: turned off in the settings (or by the organisation), or no worker to ask.
    const first = await overlayToken();
    if (!first || ctx.isInvalid) return;

    // The catalogue becomes _locales at build time, so WXT's generated types know only the @@ messages.
    const word = (key: 'panel_overlay_label' | 'panel_overlay_open' | 'panel_overlay_sidePanel') =>
      (browser.i18n.getMessage as (name: string) => string)(key);
    const ui = createOverlayHost({
      name: 'floorwalker-panel',
      css: hostCss,
      words: { frame: word('panel_overlay_label'), open: word('panel_overlay_open'), sidePanel: word('panel_overlay_sidePanel') },
      onOpen: () => layout.update({ collapsed: false }),
      onSidePanel: () => void send({ type: 'openSidePanel' }).catch(() => undefined),
    });
    const layout = await openOverlayLayout(browser.storage.local, (next) => ui.apply(next, window.innerWidth), ctx.signal);
    ctx.addEventListener(window, 'resize', () => ui.apply(layout.current(), window.innerWidth));

    // Each frame document gets its own token. A second load of the same frame element (the page moved our host, or
    // navigated the frame) is a new document the worker would refuse: replace the frame with a freshly admitted one.
    // Only the newest request's frame goes in: an older token may already have been retired by a newer one.
    const reloadAllowed = repairBudget();
    let latest = 0;
    const loadFrame = async (issued?: string) => {
      const request = ++latest;
      ui.unload();
      const token = issued ?? (await overlayToken());
      if (!token || ctx.isInvalid || request !== latest) return;
      const frame = ui.load(`${browser.runtime.getURL(OVERLAY_PAGE)}#${token}`);
      let loads = 0;
      ctx.addEventListener(frame, 'load', () => {
        loads += 1;
        if (loads > 1 && ui.frame() === frame && reloadAllowed()) void loadFrame();
      });
    };

    document.body.append(ui.host);
    await loadFrame(first);
    // Put back after an eviction with a new frame at once (the old one would only reload into a refused document).
    keepMounted(ctx, ui.host, () => {
      document.body.append(ui.host);
      void loadFrame();
    });
    ctx.onInvalidated(() => ui.host.remove());

    // Never cover the control the workspace user is working in: move aside, or fold into the launcher.
    ctx.addEventListener(
      document,
      'focusin',
      (event) => {
        const target = event.target;
        if (!(target instanceof Element) || target === ui.host) return;
        const rect = target.getBoundingClientRect();
        const shown = { ...layout.current(), width: clampWidth(layout.current().width, window.innerWidth) };
        const decision = avoidFocused({ left: rect.left, right: rect.right }, shown, window.innerWidth);
        if (decision === 'flip') layout.update({ side: layout.current().side === 'right' ? 'left' : 'right' });
        else if (decision === 'collapse') layout.update({ collapsed: true });
      },
      { capture: true },
    );
  },
});
