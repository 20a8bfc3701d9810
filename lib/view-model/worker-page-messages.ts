/**
 * What the extension's worker posts to this page itself (its large messages, lib/protocol/view-port.ts); undefined
 * where the page has no service worker container. Only the extension's own worker can post here.
 */
export function workerPageMessages(): { subscribe(listener: (raw: unknown) => void): () => void } | undefined {
  const container = typeof navigator === 'undefined' ? undefined : navigator.serviceWorker;
  if (!container) return undefined;
  return {
    subscribe(listener) {
      const on = (event: MessageEvent) => listener(event.data);
      container.addEventListener('message', on);
      // Messages to a page wait in its container until this (or an onmessage handler) starts them.
      container.startMessages();
      return () => container.removeEventListener('message', on);
    },
  };
}
