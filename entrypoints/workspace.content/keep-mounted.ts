import type { ContentScriptContext } from 'wxt/utils/content-script-context';

/** At most this many repairs per minute: a page that keeps undoing them must not get into a fight with us. */
const REPAIRS_PER_MINUTE = 10;

/** A budget of repairs: each call says whether one more is allowed now. */
export function repairBudget(perMinute = REPAIRS_PER_MINUTE, now: () => number = Date.now): () => boolean {
  let repairs: number[] = [];
  return () => {
    const at = now();
    repairs = repairs.filter((past) => at - past < 60_000);
    if (repairs.length >= perMinute) return false;
    repairs.push(at);
    return true;
  };
}

/**
 * The workspace is a single-page app: it navigates with pushState and may rebuild <body>'s children, evicting our
 * host. Put it back when that happens (and after each in-page navigation), within a budget. The frame inside
 * reloads when its host is put back; the loader notices that load and gives it a fresh token.
 */
export function keepMounted(ctx: ContentScriptContext, host: Element, mount: () => void): void {
  const allowed = repairBudget();
  const ensure = () => {
    if (ctx.isInvalid || host.isConnected || !allowed()) return;
    mount();
  };
  const observer = new MutationObserver(ensure);
  observer.observe(document.body, { childList: true });
  ctx.onInvalidated(() => observer.disconnect());
  ctx.addEventListener(window, 'wxt:locationchange', ensure);
}
