import { effect, signal } from '@preact/signals';
import { render } from 'preact';
import { browser } from 'wxt/browser';
import '../../components/panel/panel.css';
import '../../components/overlay/overlay.css';
import { OverlayFrame } from '../../components/overlay/OverlayFrame';
import { language } from '../../lib/i18n';
import { DEFAULT_OVERLAY_LAYOUT, openOverlayLayout } from '../../lib/view-model/overlay-layout';
import { connectPanel } from '../../lib/view-model/connect-panel';
import { workerPageMessages } from '../../lib/view-model/worker-page-messages';
import { documentShown } from '../../lib/view-model/document-shown';

/*
 * The panel over the agent workspace, as an extension page in the loader's frame: the same Panel and the same
 * full validation of worker messages as the side panel. The loader passed the worker's one-time token in the
 * fragment; it is taken out of the address at once and goes to the worker with every hello.
 */
const token = location.hash.slice(1) || undefined;
history.replaceState(null, '', location.pathname);

const stop = new AbortController();
const layout = signal(DEFAULT_OVERLAY_LAYOUT);
const frameWidth = signal(window.innerWidth);
const shown = documentShown(stop.signal);
const visible = () => shown.peek() && !layout.peek().collapsed;

const { source, controller } = connectPanel({
  view: 'overlay',
  token,
  visible,
  shown,
  stop: stop.signal,
  connect: (info) => browser.runtime.connect(info),
  bulk: workerPageMessages(),
  openDiagnostics: () => void browser.tabs.create({ url: browser.runtime.getURL('/options.html#diagnostics') }),
});

// Folded into the launcher counts as hidden for the worker, like a hidden tab.
let lastVisible: boolean | null = null;
const sendVisibility = () => {
  if (visible() === lastVisible) return;
  lastVisible = visible();
  source.send({ type: 'visibility', visible: lastVisible });
};
document.addEventListener('visibilitychange', sendVisibility);
const store = openOverlayLayout(browser.storage.local, (next) => (layout.value = next), stop.signal);
effect(() => {
  void layout.value.collapsed;
  sendVisibility();
});
window.addEventListener('resize', () => (frameWidth.value = window.innerWidth));
window.addEventListener('pagehide', () => stop.abort(), { once: true });
effect(() => {
  document.documentElement.lang = language.value;
});

const openDiagnostics = () => void browser.runtime.openOptionsPage().catch(() => undefined);
const openSidePanel = () => void browser.runtime.sendMessage({ type: 'openSidePanel' }).catch(() => undefined);

render(
  <OverlayFrame
    controller={controller}
    layout={layout}
    frameWidth={frameWidth}
    onLayout={(change) => void store.then((held) => held.update(change))}
    onOpenSidePanel={openSidePanel}
    onDiagnostics={openDiagnostics}
  />,
  document.getElementById('app')!,
);
