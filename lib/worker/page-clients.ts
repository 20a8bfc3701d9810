/** An extension page as the worker's Clients API sees it. */
export interface PageClient {
  url: string;
  postMessage(message: unknown): void;
}

/**
 * The page a view connected from, among the extension's open pages, for its large messages (view-port.ts): found by
 * its address, and only when no other open page has the same one (two side panels, say), so a message never goes to
 * a page that did not ask. Null: the port carries everything.
 */
export async function pageOf(url: string | undefined, pages: () => Promise<readonly PageClient[]>): Promise<PageClient | null> {
  if (!url) return null;
  const same = (await pages().catch(() => [])).filter((page) => page.url === url);
  return same.length === 1 ? same[0]! : null;
}
