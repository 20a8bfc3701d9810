import type { SenderKind } from './runtime-message';

/** The parts of runtime.MessageSender we decide on. */
export interface SenderInfo {
  id?: string;
  url?: string;
  tab?: unknown;
  frameId?: number;
}

/**
 * Decide once per message or port who is talking: one of our own extension pages (side panel, options) or our
 * content script in a workspace tab. Anything else (another extension, a missing id) is refused: null.
 * Web pages cannot reach runtime messaging at all (no externally_connectable), and the content script never turns
 * page events into messages, so a page's own scripts have no way in.
 */
export function classifySender(sender: SenderInfo, ownId: string): SenderKind | null {
  if (sender.id !== ownId) return null;
  const ownOrigin = `chrome-extension://${ownId}/`;
  if (sender.url?.startsWith(ownOrigin)) return 'extensionPage';
  if (sender.tab && typeof sender.url === 'string' && /^https?:/.test(sender.url)) return 'contentScript';
  return null;
}
