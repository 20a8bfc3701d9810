import { effect } from '@preact/signals';
import { render } from 'preact';
import { browser } from 'wxt/browser';
import { createShadowRootUi } from 'wxt/utils/content-script-ui/shadow-root';
import { defineContentScript } from 'wxt/utils/define-content-script';
import actionsCss from '../../components/actions/actions.css?inline';
import overlayCss from '../../components/overlay/overlay.css?inline';
import panelCss from '../../components/panel/panel.css?inline';
import { OverlayFrame } from '../../components/overlay/OverlayFrame';
import { ignoreUntrustedInput } from '../../lib/dom/ignore-untrusted';
import { WORKSPACE_MATCHES } from '../../lib/dom/workspace-matches';
import { guardWorkerMessage } from '../../lib/view-model/guard-worker-message';
import { avoidFocused, createOverlayLayout } from '../../lib/view-model/overlay-layout';
import { createPanelController } from '../../lib/view-model/panel-controller';
import { createPortFeedSource } from '../../lib/view-model/port-feed-source';
import { keepMounted } from './keep-mounted';

/**
 * The panel over the agent workspace. Everything here is tied to ctx.signal, so an extension update leaves no
 * timers, observers or ports behind. The page's own events are used for layout only (where focus is); nothing the
 * page sends (postMessage, custom events) is listened to.
 */
export default defineContentScript({
  matches: WORKSPACE_MATCHES,
  // The styles go into the shadow root as text: no fetch, so no stylesheet has to be web-accessible to pages.
  cssInjectionMode: 'manual',
  async main(ctx) {
    const layout = createOverlayLayout(browser.storage.local);
    await layout.load().catch(() => undefined);
    const visible = () => document.visibilityState === 'visible' && !layout.layout.peek().collapsed;

    const source = createPortFeedSource({
      view: 'overlay',
      connect: (info) => browser.runtime.connect(info),
      // Envelope check only: full zod would triple this script's size (see guard-worker-message.ts).
      parse: guardWorkerMessage,
      visible,
      signal: ctx.signal,
      onInvalid: (reason) => controller.feed.invalid(reason),
    });
    const controller = createPanelController({ source, stop: ctx.signal });

    let lastVisible: boolean | null = null;
    const sendVisibility = () => {
      if (visible() === lastVisible) return;
      lastVisible = visible();
      source.send({ type: 'visibility', visible: lastVisible });
    };
    ctx.addEventListener(document, 'visibilitychange', sendVisibility);
    const stopVisibilityWatch = effect(() => {
      void layout.layout.value.collapsed;
      sendVisibility();
    });
    ctx.onInvalidated(stopVisibilityWatch);

    const openSidePanel = () => void browser.runtime.sendMessage({ type: 'openSidePanel' }).catch(() => undefined);

    const ui = await createShadowRootUi(ctx, {
      name: 'floorwalker-panel',
      css: [panelCss, actionsCss, overlayCss].join('\n'),
      position: 'inline',
      anchor: 'body',
      append: 'last',
      // Keys typed in the panel stay in the panel: the workspace's own shortcuts must not fire on j, k or /.
      isolateEvents: true,
      onMount(container) {
        render(<OverlayFrame controller={controller} layout={layout} onOpenSidePanel={openSidePanel} />, container);
        return container;
      },
      onRemove(container) {
        if (container) render(null, container);
      },
    });
    // The page's own scripts can reach into the open shadow root: only a person's input drives the panel.
    ignoreUntrustedInput(ui.shadow, ctx.signal);
    ui.mount();
    keepMounted(ctx, ui);

    // Never cover the control the workspace user is working in: move aside, or fold into the launcher.
    ctx.addEventListener(
      document,
      'focusin',
      (event) => {
        const target = event.target;
        if (!(target instanceof Element) || target === ui.shadowHost) return;
        const rect = target.getBoundingClientRect();
        const decision = avoidFocused({ left: rect.left, right: rect.right }, layout.layout.peek(), window.innerWidth);
        if (decision === 'flip') layout.update({ side: layout.layout.peek().side === 'right' ? 'left' : 'right' });
        else if (decision === 'collapse') layout.update({ collapsed: true });
      },
      { capture: true },
    );
  },
});
