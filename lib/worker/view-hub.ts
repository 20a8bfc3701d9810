import type { ActionIntent } from '../model/actions';
import type { FeedPatch, FeedState } from '../model/feed-state';
import { mergePatches } from './held-patches';
import { classifySender, type SenderInfo } from '../protocol/sender';
import type { SenderKind } from '../protocol/runtime-message';
import {
  VIEW_PORT_NAME,
  ViewToWorkerSchema,
  type BulkEnvelope,
  type BulkRef,
  type FeatureUpdate,
  type WorkerToView,
} from '../protocol/view-port';

/** From this many rows a snapshot or patch goes to a view that takes them as a large message (view-port.ts). */
export const BULK_FROM_ROWS = 1_000;

/** The parts of runtime.Port the hub uses; tests hand in a fake (WXT's fake browser has no ports). */
export interface ViewPort {
  name: string;
  sender?: SenderInfo;
  postMessage(message: unknown): void;
  onMessage: { addListener(listener: (message: unknown) => void): void };
  onDisconnect: { addListener(listener: () => void): void };
  disconnect(): void;
}

export interface ViewHubDeps {
  ownId: string;
  /** Resolves once the feed has restored its last snapshot, so the first snapshot a view gets is not empty. */
  ready: Promise<void>;
  snapshot(): FeedState;
  /** Each feature's published state, sent right after the snapshot so a new view starts complete. */
  features(): FeatureUpdate[];
  setDemand(demand: { views: number; visible: boolean }): void;
  pause(): void;
  resume(): void;
  refresh(): void;
  action(intent: ActionIntent, requestId: string, sender: SenderKind): void;
  /** Open the org's agent workspace (a new tab on the URL the worker knows). */
  openWorkspace(): void;
  /** Whether an overlay frame's hello carries the token issued for its tab (lib/worker/overlay-admission.ts). */
  admitOverlay(sender: SenderInfo, token: string | undefined): Promise<boolean>;
  /** The way to post a large message to the page of the view that connected as `sender`; null when there is none. */
  bulkTo?(sender: SenderInfo): Promise<((envelope: BulkEnvelope) => void) | null>;
  /** A new id for a large message. */
  newId?: () => string;
  log?: (line: string) => void;
}

interface View {
  sender: SenderKind;
  /** Extension pages are trusted as they connect; an overlay frame once its hello's token is accepted. */
  admitted: boolean;
  subscribed: boolean;
  visible: boolean;
  /**
   * The changes since it said it was off screen, merged, sent when it shows again: a hidden view (a workspace tab
   * behind another, a folded overlay) shares its renderer with the views on screen, and taking in every patch there
   * cost them frames (each patch cloned, checked and held in that renderer's heap).
   */
  held: FeedPatch | null;
  /** Where its large messages go, when it takes them apart from the port. */
  bulk: ((envelope: BulkEnvelope) => void) | null;
}

const rowsIn = (message: WorkerToView): number => {
  if (message.type === 'snapshot') return message.state.conversations.length + message.state.agents.length;
  if (message.type === 'patch') return (message.patch.conversations?.upsert.length ?? 0) + (message.patch.agents?.upsert.length ?? 0);
  return 0;
};

/**
 * Fan-out to every open view over long-lived ports: each gets a snapshot and the features' state on hello, then the
 * same patches (held for a view off screen, merged, until it shows) and feature updates. The feed runs once however
 * many views there are. Only our own extension pages may connect, and an overlay frame counts only after its hello
 * carries its tab's token; every message is validated and an invalid one is answered with `rejected`, never acted on.
 */
export function createViewHub(deps: ViewHubDeps) {
  const log = deps.log ?? ((line: string) => console.warn(line));
  const views = new Map<ViewPort, View>();
  /** Each `whenDrawn` asked, by id: what to do as a view answers (or goes away). */
  const awaitingDrawn = new Map<string, (port: ViewPort) => void>();

  const newId = deps.newId ?? (() => crypto.randomUUID());
  const post = (port: ViewPort, message: WorkerToView | BulkRef) => {
    try {
      port.postMessage(message);
    } catch {
      drop(port); // the view went away between our check and the post
    }
  };
  /** A message to a view: a large one apart, with its reference in the port's order. */
  const send = (port: ViewPort, view: View, message: WorkerToView) => {
    if (!view.bulk || rowsIn(message) < BULK_FROM_ROWS) return post(port, message);
    const id = newId();
    try {
      view.bulk({ type: 'bulk', id, message });
    } catch {
      view.bulk = null; // its page is gone: the port says so too, or carries the rest
      return post(port, message);
    }
    post(port, { type: 'bulk', id });
  };

  const updateDemand = () => {
    const subscribed = [...views.values()].filter((view) => view.subscribed);
    deps.setDemand({ views: subscribed.length, visible: subscribed.some((view) => view.visible) });
  };

  const drop = (port: ViewPort) => {
    if (!views.delete(port)) return;
    updateDemand();
    for (const answered of [...awaitingDrawn.values()]) answered(port); // a view gone has nothing left to draw
  };

  async function receive(port: ViewPort, view: View, message: unknown): Promise<void> {
    const parsed = ViewToWorkerSchema.safeParse(message);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const reason = `Invalid message: ${issue ? `${issue.path.join('.') || 'message'}: ${issue.message}` : 'unreadable'}`;
      log(`Floorwalker: ${reason}`);
      post(port, { type: 'rejected', reason });
      return;
    }
    const request = parsed.data;
    if (request.type === 'hello' && !view.admitted) {
      view.admitted = await deps.admitOverlay(port.sender ?? {}, request.token);
      if (!view.admitted) {
        log(`Floorwalker: overlay frame without a valid token refused (tab ${port.sender?.tab?.id ?? 'none'})`);
        post(port, { type: 'rejected', reason: 'Overlay frame not admitted' });
        port.disconnect();
        drop(port);
        return;
      }
    }
    // Until it is admitted, an overlay frame is heard for its hello only.
    if (!view.admitted) {
      post(port, { type: 'rejected', reason: 'Overlay frame not admitted' });
      return;
    }
    switch (request.type) {
      case 'hello':
        view.visible = request.visible;
        view.bulk = request.bulk && deps.bulkTo ? await deps.bulkTo(port.sender ?? {}) : null;
        await deps.ready;
        if (!views.has(port)) return;
        view.held = null;
        send(port, view, { type: 'snapshot', state: deps.snapshot() });
        for (const update of deps.features()) post(port, { type: 'feature', update });
        view.subscribed = true;
        updateDemand();
        return;
      case 'visibility':
        view.visible = request.visible;
        if (view.visible && view.held) {
          const patch = view.held;
          view.held = null;
          send(port, view, { type: 'patch', patch });
        }
        updateDemand();
        return;
      case 'heartbeat':
        return; // receiving it is the point: it keeps the worker alive while a view is open
      case 'pause':
        return deps.pause();
      case 'resume':
        return deps.resume();
      case 'refresh':
        return deps.refresh();
      case 'action':
        return deps.action(request.intent, request.requestId, view.sender);
      case 'openWorkspace':
        return deps.openWorkspace();
      case 'drawn':
        return awaitingDrawn.get(request.id)?.(port);
    }
  }

  return {
    connect(port: ViewPort): void {
      if (port.name !== VIEW_PORT_NAME) return;
      const sender = classifySender(port.sender ?? {}, deps.ownId);
      // Views are extension pages; a content script (the loader) has no business on this port.
      if (!sender || sender === 'contentScript') {
        log(`Floorwalker: view port from an unknown sender refused (${port.sender?.url ?? 'no url'})`);
        port.disconnect();
        return;
      }
      const view: View = { sender, admitted: sender === 'extensionPage', subscribed: false, visible: false, held: null, bulk: null };
      views.set(port, view);
      port.onDisconnect.addListener(() => drop(port));
      // One message at a time, in order: nothing overtakes an overlay's hello while its token is checked.
      let turn = Promise.resolve();
      port.onMessage.addListener((message) => {
        turn = turn
          .then(() => receive(port, view, message))
          .catch((error: unknown) => log(`Floorwalker: view message failed: ${String(error)}`));
      });
    },
    broadcast(patch: FeedPatch): void {
      for (const [port, view] of views) {
        if (!view.subscribed) continue;
        if (view.visible) send(port, view, { type: 'patch', patch });
        else view.held = view.held ? mergePatches(view.held, patch) : patch;
      }
    },
    broadcastFeature(update: FeatureUpdate): void {
      for (const [port, view] of views) if (view.subscribed) post(port, { type: 'feature', update });
    },
    /**
     * Resolves once every view on screen has drawn what it was sent so far, or after `limitMs` (a view that never
     * answers holds nothing up for longer). Views off screen are not waited for: they are sent nothing meanwhile.
     */
    drawn(limitMs: number): Promise<void> {
      const waitingFor = new Set([...views].filter(([, view]) => view.subscribed && view.visible).map(([port]) => port));
      if (waitingFor.size === 0) return Promise.resolve();
      const id = newId();
      return new Promise((resolve) => {
        const done = () => {
          clearTimeout(limit);
          awaitingDrawn.delete(id);
          resolve();
        };
        const limit = setTimeout(done, limitMs);
        awaitingDrawn.set(id, (port) => {
          waitingFor.delete(port);
          if (waitingFor.size === 0) done();
        });
        for (const port of waitingFor) post(port, { type: 'whenDrawn', id });
      });
    },
    size(): number {
      return views.size;
    },
  };
}
