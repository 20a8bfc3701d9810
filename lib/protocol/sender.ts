import type { SenderKind } from './runtime-message';

/** The overlay's page: the one extension page web pages may load (in a frame), so the one that needs a token. */
export const OVERLAY_PAGE = '/overlay.html';

/** The parts of runtime.MessageSender we decide on. */
export interface SenderInfo {
  id?: string;
  url?: string;
  tab?: { id?: number; windowId?: number };
  frameId?: number;
  /** Unique per document (Chrome 106+): a reloaded or forged copy of a page gets a new one. */
  documentId?: string;
}

/**
 * Decide once per message or port who is talking:
 * - `extensionPage`: one of our own pages no web page can load (side panel, options; not web-accessible).
 * - `overlayFrame`: our overlay page in a frame of a web tab. It is web-accessible, so a page could load its own
 *   copy: the worker trusts it only after it presents the token the tab's loader got (lib/worker/overlay-admission).
 *   The overlay page anywhere else (top level, outside a tab) is refused.
 * - `contentScript`: our loader in a workspace tab (sender.url is the page's own http(s) URL).
 * Anything else (another extension, a missing id) is refused: null. Web pages cannot reach runtime messaging at all
 * (no externally_connectable), and the loader never turns page events into messages.
 */
export function classifySender(sender: SenderInfo, ownId: string): SenderKind | null {
  if (sender.id !== ownId) return null;
  const ownOrigin = `chrome-extension://${ownId}`;
  if (sender.url?.startsWith(`${ownOrigin}/`)) {
    const path = new URL(sender.url).pathname;
    if (path !== OVERLAY_PAGE) return 'extensionPage';
    const embedded = sender.tab !== undefined && typeof sender.frameId === 'number' && sender.frameId > 0;
    return embedded ? 'overlayFrame' : null;
  }
  if (sender.tab && typeof sender.url === 'string' && /^https?:/.test(sender.url)) return 'contentScript';
  return null;
}
