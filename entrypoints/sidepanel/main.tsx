import { effect } from '@preact/signals';
import { render } from 'preact';
import { browser } from 'wxt/browser';
import '../../components/panel/panel.css';
import './sidepanel.css';
import { Panel } from '../../components/Panel';
import { language } from '../../lib/i18n';
import { connectPanel } from '../../lib/view-model/connect-panel';
import { workerPageMessages } from '../../lib/view-model/worker-page-messages';
import { documentShown } from '../../lib/view-model/document-shown';

// The side panel lives as long as its page; closing it ends everything with the page.
const stop = new AbortController();
const shown = documentShown(stop.signal);
const visible = () => shown.peek();
const { source, controller } = connectPanel({
  view: 'sidepanel',
  visible,
  shown,
  stop: stop.signal,
  connect: (info) => browser.runtime.connect(info),
  bulk: workerPageMessages(),
  openDiagnostics: () => void browser.tabs.create({ url: browser.runtime.getURL('/options.html#diagnostics') }),
});

document.addEventListener('visibilitychange', () => source.send({ type: 'visibility', visible: visible() }));
window.addEventListener('pagehide', () => stop.abort(), { once: true });
effect(() => {
  document.documentElement.lang = language.value;
});

// Diagnostics live on the options page.
const openDiagnostics = () => void browser.runtime.openOptionsPage().catch(() => undefined);
render(<Panel controller={controller} view="sidepanel" onDiagnostics={openDiagnostics} />, document.getElementById('app')!);
