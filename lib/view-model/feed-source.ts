import type { ViewToWorker, WorkerToView } from '../protocol/view-port';

/**
 * Where a view's feed comes from. The real one is a runtime port to the worker (port-feed-source.ts); tests hand
 * the models a fake. Listeners return an unsubscribe function.
 */
export interface FeedSource {
  connect(): void;
  send(message: ViewToWorker): void;
  onMessage(listener: (message: WorkerToView) => void): () => void;
  /** Called when the connection drops (the worker stopped); the source reconnects by itself. */
  onDisconnect(listener: () => void): () => void;
  close(): void;
}
