import { render } from 'preact';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { createShadowRootUi } from 'wxt/utils/content-script-ui/shadow-root';
import { WORKSPACE_MATCHES } from '../../lib/dom/workspace-matches';
import { Panel } from '../../components/Panel';

export default defineContentScript({
  matches: WORKSPACE_MATCHES,
  cssInjectionMode: 'ui',
  async main(ctx) {
    const ui = await createShadowRootUi(ctx, {
      name: 'floorwalker-panel',
      position: 'overlay',
      anchor: 'body',
      append: 'last',
      onMount(container) {
        render(<Panel view="overlay" />, container);
        return container;
      },
      onRemove(container) {
        if (container) render(null, container);
      },
    });
    // The workspace is a single-page app that may rebuild <body>'s children: re-attach when evicted.
    ui.autoMount();
  },
});
