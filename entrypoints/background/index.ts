import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { createRuntimeRouter } from '../../lib/worker/runtime-router';

export default defineBackground(() => {
  // The toolbar button opens the side panel.
  void browser.sidePanel?.setPanelBehavior({ openPanelOnActionClick: true }).catch(() => undefined);

  const route = createRuntimeRouter(browser.runtime.id, async (request, sender, kind) => {
    switch (request.type) {
      case 'ping':
        return { ok: true, sender: kind, version: browser.runtime.getManifest().version };
      case 'openSidePanel': {
        const windowId = (sender.tab as { windowId?: number } | undefined)?.windowId;
        if (windowId === undefined) return { ok: false, error: 'No window to open the side panel in' };
        await browser.sidePanel.open({ windowId });
        return { ok: true, sender: kind, version: browser.runtime.getManifest().version };
      }
      case 'settingsChanged':
        return { ok: true, sender: kind, version: browser.runtime.getManifest().version };
    }
  });
  browser.runtime.onMessage.addListener((message, sender) => route(message, sender));
});
