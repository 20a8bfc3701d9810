import { describe, expect, it, vi } from 'vitest';
import { BULK_FROM_ROWS, createViewHub, type ViewPort } from '../../../lib/worker/view-hub';
import type { Conversation } from '../../../lib/model/conversation';
import type { FeedPatch, FeedState } from '../../../lib/model/feed-state';
import type { FeatureUpdate } from '../../../lib/protocol/view-port';

const OWN = 'difkencgdbknfphjeldipiphnmgbjnne';
const STATE = { conversations: [], agents: [] } as unknown as FeedState;
const LOCK = { id: 'n1', conversationId: 'c1', kind: 'transfer' as const, userId: 'u-sam', userName: 'Sam Okafor', until: 2_000 };

function fakePort(sender: ViewPort['sender'], name = 'floorwalker-view') {
  const listeners: ((message: unknown) => void)[] = [];
  const gone: (() => void)[] = [];
  const port = {
    name,
    sender,
    posted: [] as unknown[],
    disconnected: false,
    postMessage(message: unknown) {
      if (port.disconnected) throw new Error('Attempting to use a disconnected port object');
      port.posted.push(message);
    },
    onMessage: { addListener: (listener: (message: unknown) => void) => listeners.push(listener) },
    onDisconnect: { addListener: (listener: () => void) => gone.push(listener) },
    disconnect() {
      port.disconnected = true;
    },
    send: async (message: unknown) => {
      for (const listener of listeners) listener(message);
      await new Promise((resolve) => setTimeout(resolve, 0));
    },
    close() {
      port.disconnected = true;
      for (const listener of gone) listener();
    },
  };
  return port;
}

const page = () => fakePort({ id: OWN, url: `chrome-extension://${OWN}/sidepanel.html` });
const TOKEN = 'T'.repeat(43);
/** The overlay page in a frame of workspace tab 7, one document of it. */
const overlayFrame = (documentId = 'DOC1') =>
  fakePort({ id: OWN, url: `chrome-extension://${OWN}/overlay.html`, tab: { id: 7, windowId: 1 }, frameId: 3, documentId });

function hub() {
  const deps = {
    // Stands in for overlay-admission (tested on its own): tab 7's token, bound to document DOC1.
    admitOverlay: vi.fn(
      async (sender: ViewPort['sender'], token: string | undefined) =>
        sender?.tab?.id === 7 && token === TOKEN && sender.documentId === 'DOC1',
    ),
    ownId: OWN,
    ready: Promise.resolve(),
    snapshot: vi.fn(() => STATE),
    features: vi.fn((): FeatureUpdate[] => [
      { feature: 'alerts', alerts: [] },
      { feature: 'softLocks', locks: [LOCK] },
    ]),
    setDemand: vi.fn(),
    pause: vi.fn(),
    resume: vi.fn(),
    refresh: vi.fn(),
    action: vi.fn(),
    openWorkspace: vi.fn(),
    log: () => undefined,
  };
  return { deps, hub: createViewHub(deps) };
}

describe('view hub', () => {
  it('sends each view a snapshot on hello, then the same patches to all those on screen', async () => {
    const { hub: h, deps } = hub();
    const views = Array.from({ length: 10 }, page);
    for (const view of views) h.connect(view);
    for (const view of views) await view.send({ type: 'hello', view: 'sidepanel', visible: false });
    expect(deps.setDemand).toHaveBeenLastCalledWith({ views: 10, visible: false });
    for (const view of views) await view.send({ type: 'visibility', visible: true });
    expect(deps.setDemand).toHaveBeenLastCalledWith({ views: 10, visible: true });
    h.broadcast({ paused: true });
    for (const view of views)
      expect(view.posted.filter((m) => (m as { type: string }).type !== 'feature')).toEqual([
        { type: 'snapshot', state: STATE },
        { type: 'patch', patch: { paused: true } },
      ]);
    for (const view of views.slice(1)) await view.send({ type: 'visibility', visible: false });
    views[0]!.close();
    expect(deps.setDemand).toHaveBeenLastCalledWith({ views: 9, visible: false });
  });

  it('holds the changes for a view off screen and sends them merged, once, when it shows again', async () => {
    const { hub: h } = hub();
    const [front, behind] = [page(), page()];
    h.connect(front);
    h.connect(behind);
    await front.send({ type: 'hello', view: 'sidepanel', visible: true });
    await behind.send({ type: 'hello', view: 'sidepanel', visible: false });
    const row = (id: string, subject: string) => ({ id, subject }) as unknown as Conversation;
    const patches: FeedPatch[] = [
      { conversations: { upsert: [row('c1', 'first'), row('c2', 'second')], remove: [] }, paused: true },
      { conversations: { upsert: [row('c1', 'first, changed')], remove: ['c2'] } },
      { paused: false },
    ];
    for (const patch of patches) h.broadcast(patch);
    const patchesTo = (view: ReturnType<typeof page>) => view.posted.filter((m) => (m as { type: string }).type === 'patch');

    expect(patchesTo(front)).toEqual(patches.map((patch) => ({ type: 'patch', patch })));
    expect(patchesTo(behind)).toEqual([]);
    await behind.send({ type: 'visibility', visible: true });
    expect(patchesTo(behind)).toEqual([
      { type: 'patch', patch: { conversations: { upsert: [row('c1', 'first, changed')], remove: ['c2'] }, paused: false } },
    ]);
    // Shown again with nothing new since: nothing more is sent.
    await behind.send({ type: 'visibility', visible: false });
    await behind.send({ type: 'visibility', visible: true });
    expect(patchesTo(behind)).toHaveLength(1);
  });

  it('drops what it held for a view that says hello again: the snapshot has it all', async () => {
    const { hub: h } = hub();
    const view = page();
    h.connect(view);
    await view.send({ type: 'hello', view: 'sidepanel', visible: false });
    h.broadcast({ paused: true });
    await view.send({ type: 'hello', view: 'sidepanel', visible: false });
    await view.send({ type: 'visibility', visible: true });
    expect(view.posted.filter((m) => (m as { type: string }).type !== 'feature')).toEqual([
      { type: 'snapshot', state: STATE },
      { type: 'snapshot', state: STATE },
    ]);
  });

  it('sends a view that takes them its large messages apart, with a reference in the port’s order; the rest by the port', async () => {
    const envelopes: unknown[] = [];
    let n = 0;
    const h = createViewHub({ ...hub().deps, bulkTo: async () => (envelope) => envelopes.push(envelope), newId: () => `id${++n}` });
    const big = {
      ...STATE,
      conversations: Array.from({ length: BULK_FROM_ROWS }, (_, i) => ({ id: `c${i}` })),
      agents: [],
    } as unknown as FeedState;
    const takes = page();
    const portOnly = page();
    h.connect(takes);
    h.connect(portOnly);
    await takes.send({ type: 'hello', view: 'sidepanel', visible: true, bulk: true });
    await portOnly.send({ type: 'hello', view: 'sidepanel', visible: true });
    h.broadcast({ paused: true });
    h.broadcast({ conversations: { upsert: big.conversations, remove: [] } });
    const kinds = (posted: unknown[]) => posted.map((m) => (m as { type: string }).type).filter((type) => type !== 'feature');
    // The snapshot of the small STATE goes by the port; the patch of 1,000 rows apart.
    expect(kinds(takes.posted)).toEqual(['snapshot', 'patch', 'bulk']);
    expect(takes.posted.at(-1)).toEqual({ type: 'bulk', id: 'id1' });
    expect(envelopes).toEqual([
      { type: 'bulk', id: 'id1', message: { type: 'patch', patch: { conversations: { upsert: big.conversations, remove: [] } } } },
    ]);
    expect(kinds(portOnly.posted)).toEqual(['snapshot', 'patch', 'patch']);
  });

  it('says when every view on screen has drawn what it was sent: not waiting for views off screen, gone, or past the limit', async () => {
    let n = 0;
    const h = createViewHub({ ...hub().deps, newId: () => `d${++n}` });
    const [front, side, behind] = [page(), page(), page()];
    for (const view of [front, side, behind]) h.connect(view);
    await front.send({ type: 'hello', view: 'sidepanel', visible: true });
    await side.send({ type: 'hello', view: 'sidepanel', visible: true });
    await behind.send({ type: 'hello', view: 'sidepanel', visible: false });
    const asked = (view: ReturnType<typeof page>) => view.posted.filter((m) => (m as { type: string }).type === 'whenDrawn');
    let drawn = false;
    void h.drawn(60_000).then(() => (drawn = true));
    expect(asked(front)).toEqual([{ type: 'whenDrawn', id: 'd1' }]);
    expect(asked(side)).toEqual([{ type: 'whenDrawn', id: 'd1' }]);
    expect(asked(behind)).toEqual([]);
    await front.send({ type: 'drawn', id: 'd1' });
    await side.send({ type: 'drawn', id: 'other' });
    expect(drawn).toBe(false);
    await side.send({ type: 'drawn', id: 'd1' });
    expect(drawn).toBe(true);

    // A view that goes away has nothing left to draw; one that never answers holds nothing up past the limit.
    let gone = false;
    void h.drawn(60_000).then(() => (gone = true));
    await front.send({ type: 'drawn', id: 'd2' });
    expect(gone).toBe(false);
    side.close();
    await Promise.resolve();
    expect(gone).toBe(true);
    const startedAt = Date.now();
    await h.drawn(50);
    expect(Date.now() - startedAt).toBeGreaterThanOrEqual(45);
    await expect(createViewHub(hub().deps).drawn(60_000)).resolves.toBeUndefined();
  });

  it('sends the features’ state after the snapshot, then their updates to subscribed views only', async () => {
    const { hub: h } = hub();
    const subscribed = page();
    const connecting = page();
    h.connect(subscribed);
    h.connect(connecting);
    await subscribed.send({ type: 'hello', view: 'sidepanel', visible: true });
    h.broadcastFeature({ feature: 'softLocks', locks: [] });
    expect(subscribed.posted).toEqual([
      { type: 'snapshot', state: STATE },
      { type: 'feature', update: { feature: 'alerts', alerts: [] } },
      { type: 'feature', update: { feature: 'softLocks', locks: [LOCK] } },
      { type: 'feature', update: { feature: 'softLocks', locks: [] } },
    ]);
    expect(connecting.posted).toEqual([]);
  });

  it('answers an invalid message with rejected and never acts on it', async () => {
    const { hub: h, deps } = hub();
    const view = page();
    h.connect(view);
    await view.send({ type: 'action', requestId: 'r1', intent: { kind: 'forceClose', conversationId: '', etag: 'W/"1"' } });
    await view.send('refresh');
    expect(view.posted).toEqual([
      { type: 'rejected', reason: expect.stringMatching(/^Invalid message: intent\.conversationId/) },
      { type: 'rejected', reason: expect.stringMatching(/^Invalid message/) },
    ]);
    expect(deps.action).not.toHaveBeenCalled();
    expect(deps.refresh).not.toHaveBeenCalled();
  });

  it('routes controls and actions from trusted views: an extension page, an overlay frame with its token', async () => {
    const { hub: h, deps } = hub();
    const overlay = overlayFrame();
    h.connect(overlay);
    await overlay.send({ type: 'hello', view: 'overlay', visible: true, token: TOKEN });
    expect(deps.admitOverlay).toHaveBeenCalledWith(expect.objectContaining({ documentId: 'DOC1' }), TOKEN);
    expect(overlay.posted[0]).toEqual({ type: 'snapshot', state: STATE });
    await overlay.send({ type: 'pause' });
    await overlay.send({ type: 'resume' });
    await overlay.send({ type: 'refresh' });
    const intent = { kind: 'monitor', conversationId: 'c1', etag: 'W/"1"' };
    await overlay.send({ type: 'action', requestId: 'r1', intent });
    await overlay.send({ type: 'openWorkspace' });
    expect(deps.openWorkspace).toHaveBeenCalledOnce();
    expect(deps.pause).toHaveBeenCalledOnce();
    expect(deps.resume).toHaveBeenCalledOnce();
    expect(deps.refresh).toHaveBeenCalledOnce();
    expect(deps.action).toHaveBeenCalledWith(intent, 'r1', 'overlayFrame');
    const side = page();
    h.connect(side);
    await side.send({ type: 'action', requestId: 'r2', intent });
    expect(deps.action).toHaveBeenLastCalledWith(intent, 'r2', 'extensionPage');
  });

  it('refuses an overlay frame without its tab’s token: no snapshot, no action, the port closed', async () => {
    const { hub: h, deps } = hub();
    const intent = { kind: 'forceClose', conversationId: 'c1', etag: 'W/"1"' };
    // A page's own copy of the overlay: another document, with no token, a guessed one, or the real one.
    for (const [forged, token] of [
      [overlayFrame('DOC2'), undefined],
      [overlayFrame('DOC2'), 'G'.repeat(43)],
      [overlayFrame('DOC2'), TOKEN],
    ] as const) {
      h.connect(forged);
      await forged.send({ type: 'action', requestId: 'early', intent });
      await forged.send({ type: 'hello', view: 'overlay', visible: true, ...(token ? { token } : {}) });
      await forged.send({ type: 'action', requestId: 'late', intent }).catch(() => undefined);
      await forged.send({ type: 'openWorkspace' }).catch(() => undefined);
      expect(forged.posted).toEqual([
        { type: 'rejected', reason: 'Overlay frame not admitted' },
        { type: 'rejected', reason: 'Overlay frame not admitted' },
      ]);
      expect(forged.disconnected).toBe(true);
    }
    expect(deps.action).not.toHaveBeenCalled();
    expect(deps.openWorkspace).not.toHaveBeenCalled();
    expect(deps.snapshot).not.toHaveBeenCalled();
    expect(h.size()).toBe(0);
    // Never counted as a view the feed should run for.
    expect(deps.setDemand.mock.calls.every(([demand]) => demand.views === 0)).toBe(true);
  });

  it('checks the overlay’s token before anything sent after its hello, in order', async () => {
    const { hub: h, deps } = hub();
    let admit!: (ok: boolean) => void;
    deps.admitOverlay.mockImplementationOnce(() => new Promise((resolve) => (admit = resolve)));
    const overlay = overlayFrame();
    h.connect(overlay);
    const intent = { kind: 'monitor', conversationId: 'c1', etag: 'W/"1"' };
    void overlay.send({ type: 'hello', view: 'overlay', visible: true, token: TOKEN });
    void overlay.send({ type: 'action', requestId: 'r1', intent });
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(deps.action).not.toHaveBeenCalled();
    admit(true);
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(deps.action).toHaveBeenCalledWith(intent, 'r1', 'overlayFrame');
  });

  it('refuses view ports from content scripts and from the overlay page outside a frame', () => {
    const { hub: h } = hub();
    const loader = fakePort({ id: OWN, url: 'https://contoso.crm4.dynamics.com/main.aspx', tab: { id: 1 }, frameId: 0 });
    const topLevel = fakePort({ id: OWN, url: `chrome-extension://${OWN}/overlay.html`, tab: { id: 1 }, frameId: 0, documentId: 'D' });
    for (const port of [loader, topLevel]) {
      h.connect(port);
      expect(port.disconnected).toBe(true);
    }
    expect(h.size()).toBe(0);
  });

  it('refuses ports from other extensions and ignores ports with other names', () => {
    const { hub: h } = hub();
    const stranger = fakePort({ id: 'someotherextensionid', url: 'chrome-extension://someotherextensionid/x.html' });
    h.connect(stranger);
    expect(stranger.disconnected).toBe(true);
    h.connect(fakePort({ id: OWN, url: `chrome-extension://${OWN}/x.html` }, 'something-else'));
    expect(h.size()).toBe(0);
  });
});
