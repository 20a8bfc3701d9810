import {
  BulkEnvelopeSchema,
  BulkRefSchema,
  VIEW_PORT_NAME,
  type ViewKind,
  type ViewToWorker,
  type WorkerToView,
} from '../protocol/view-port';
import type { FeedSource } from './feed-source';
import { createInOrder } from './in-order';

/** The parts of runtime.Port the source uses (webextension-polyfill's Port satisfies it). */
export interface PortLike {
  postMessage(message: unknown): void;
  disconnect(): void;
  onMessage: { addListener(listener: (message: unknown) => void): void };
  onDisconnect: { addListener(listener: () => void): void };
}

export interface PortFeedSourceOptions {
  view: ViewKind;
  /** The overlay frame's one-time token, sent with every hello (the worker binds it to this frame's document). */
  token?: string;
  /** browser.runtime.connect, passed in so this module stays testable and free of globals. */
  connect: (info: { name: string }) => PortLike;
  /** Validates what the worker sends; null means "drop it" (the reason goes to onInvalid). */
  parse: (raw: unknown) => { ok: true; message: WorkerToView } | { ok: false; reason: string };
  visible: () => boolean;
  signal: AbortSignal;
  onInvalid?: (reason: string) => void;
  heartbeatMs?: number;
  /** Reconnect delays after the worker goes away: doubles from min to max. */
  backoff?: { minMs: number; maxMs: number };
  /**
   * Where the worker's large messages come (navigator.serviceWorker's messages, lib/protocol/view-port.ts): absent,
   * the view asks for everything over the port.
   */
  bulk?: { subscribe(listener: (raw: unknown) => void): () => void };
  /** A large message not come this long after its reference: the view reconnects and asks for the port only. */
  bulkWaitMs?: number;
}

/**
 * A view's live connection to the worker. MV3 stops the worker when idle or on update, which closes the port:
 * reconnect with backoff and say hello again, and the worker answers with a fresh snapshot. A heartbeat every 20 s
 * keeps the worker alive while the view is open (it is stopped after 30 s without events).
 */
export function createPortFeedSource(options: PortFeedSourceOptions): FeedSource {
  const heartbeatMs = options.heartbeatMs ?? 20_000;
  const backoff = options.backoff ?? { minMs: 500, maxMs: 30_000 };
  const messageListeners = new Set<(message: WorkerToView) => void>();
  const disconnectListeners = new Set<() => void>();
  let port: PortLike | null = null;
  let delay = backoff.minMs;
  let reconnectTimer: ReturnType<typeof setTimeout> | undefined;
  let heartbeat: ReturnType<typeof setInterval> | undefined;
  const bulkWaitMs = options.bulkWaitMs ?? 15_000;
  /** Large messages by the other way, until one fails to come: then the port carries everything. */
  let bulkWorks = options.bulk !== undefined;
  let stallTimer: ReturnType<typeof setTimeout> | undefined;
  /** The reference the stall timer runs for: armed once per reference, not again with every message behind it. */
  let stallFor: string | null = null;

  const deliver = (raw: unknown) => {
    const parsed = options.parse(raw);
    if (!parsed.ok) {
      options.onInvalid?.(parsed.reason);
      return;
    }
    delay = backoff.minMs;
    for (const listener of messageListeners) listener(parsed.message);
  };
  const order = createInOrder(deliver);
  const stopBulk = options.bulk?.subscribe((raw) => {
    const envelope = BulkEnvelopeSchema.safeParse(raw);
    if (!envelope.success) return options.onInvalid?.('bulk: not a large message from the worker');
    order.fromBulk(envelope.data.id, envelope.data.message);
    watchStall();
  });
  /** While a reference waits, a timer: past bulkWaitMs the large message is taken as lost. */
  const watchStall = () => {
    const waiting = order.waiting();
    if (waiting === stallFor) return;
    clearTimeout(stallTimer);
    stallFor = waiting;
    if (!waiting) return;
    stallTimer = setTimeout(() => {
      stallFor = null;
      if (order.waiting() !== waiting) return watchStall();
      bulkWorks = false;
      port?.disconnect();
      lost();
    }, bulkWaitMs);
  };

  const open = () => {
    if (options.signal.aborted || port) return;
    let current: PortLike;
    try {
      current = options.connect({ name: VIEW_PORT_NAME });
    } catch {
      // The extension was updated or removed under this page: nothing to reconnect to until reload.
      scheduleReconnect();
      return;
    }
    port = current;
    current.onMessage.addListener((raw) => {
      if (port !== current) return;
      const ref = BulkRefSchema.safeParse(raw);
      order.fromPort(ref.success ? { bulk: ref.data.id } : { message: raw });
      watchStall();
    });
    current.onDisconnect.addListener(() => {
      if (port === current) lost();
    });
    post({
      type: 'hello',
      view: options.view,
      visible: options.visible(),
      ...(bulkWorks ? { bulk: true } : {}),
      ...(options.token ? { token: options.token } : {}),
    });
  };

  /** The port is gone (or given up): what it held is dropped, the next hello brings a fresh snapshot. */
  const lost = () => {
    port = null;
    order.reset();
    clearTimeout(stallTimer);
    stallFor = null;
    for (const listener of disconnectListeners) listener();
    scheduleReconnect();
  };

  const scheduleReconnect = () => {
    if (options.signal.aborted || reconnectTimer) return;
    reconnectTimer = setTimeout(() => {
      reconnectTimer = undefined;
      open();
    }, delay);
    delay = Math.min(delay * 2, backoff.maxMs);
  };

  const post = (message: ViewToWorker) => {
    try {
      port?.postMessage(message);
    } catch {
      // A port closed between the check and the post: onDisconnect follows and reconnects.
    }
  };

  const close = () => {
    clearTimeout(reconnectTimer);
    clearTimeout(stallTimer);
    clearInterval(heartbeat);
    stopBulk?.();
    const current = port;
    port = null;
    current?.disconnect();
  };
  options.signal.addEventListener('abort', close, { once: true });

  return {
    connect() {
      open();
      clearInterval(heartbeat);
      heartbeat = setInterval(() => post({ type: 'heartbeat' }), heartbeatMs);
    },
    send: post,
    onMessage(listener) {
      messageListeners.add(listener);
      return () => messageListeners.delete(listener);
    },
    onDisconnect(listener) {
      disconnectListeners.add(listener);
      return () => disconnectListeners.delete(listener);
    },
    close,
  };
}
