import { effect } from '@preact/signals';
import { render } from 'preact';
import { browser } from 'wxt/browser';
import '../../components/panel/panel.css';
import './sidepanel.css';
import { Panel } from '../../components/Panel';
import { language } from '../../lib/i18n';
import { createPanelController } from '../../lib/view-model/panel-controller';
import { parseWorkerMessage } from '../../lib/view-model/parse-worker-message';
import { createPortFeedSource } from '../../lib/view-model/port-feed-source';

// The side panel lives as long as its page; closing it ends everything with the page.
const stop = new AbortController();
const visible = () => document.visibilityState === 'visible';
const source = createPortFeedSource({
  view: 'sidepanel',
  connect: (info) => browser.runtime.connect(info),
  parse: parseWorkerMessage,
  visible,
  signal: stop.signal,
  onInvalid: (reason) => controller.feed.invalid(reason),
});
const controller = createPanelController({ source, stop: stop.signal });

document.addEventListener('visibilitychange', () => source.send({ type: 'visibility', visible: visible() }));
window.addEventListener('pagehide', () => stop.abort(), { once: true });
effect(() => {
  document.documentElement.lang = language.value;
});

render(<Panel controller={controller} view="sidepanel" />, document.getElementById('app')!);
