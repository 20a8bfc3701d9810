import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import type { ShadowRootContentScriptUi } from 'wxt/utils/content-script-ui/shadow-root';

/** At most this many re-attachments per minute: a page that keeps removing us must not get into a fight. */
const REMOUNT_BUDGET = 10;

/**
 * The workspace is a single-page app: it navigates with pushState and may rebuild <body>'s children, evicting our
 * host. Re-attach it when that happens (and after each in-page navigation), within a budget. The panel's state lives
 * in the controller, outside the rendered tree, so a re-attach loses nothing.
 */
export function keepMounted(ctx: ContentScriptContext, ui: ShadowRootContentScriptUi<unknown>): void {
  let remounts: number[] = [];
  const ensure = () => {
    if (ctx.isInvalid || ui.shadowHost.isConnected) return;
    const now = Date.now();
    remounts = remounts.filter((at) => now - at < 60_000);
    if (remounts.length >= REMOUNT_BUDGET) return;
    remounts.push(now);
    ui.mount();
  };
  const observer = new MutationObserver(ensure);
  observer.observe(document.body, { childList: true });
  ctx.onInvalidated(() => observer.disconnect());
  ctx.addEventListener(window, 'wxt:locationchange', ensure);
}
