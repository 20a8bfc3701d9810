import { describe, expect, it, vi } from 'vitest';
import { createViewHub, type ViewPort } from '../../../lib/worker/view-hub';
import type { FeedState } from '../../../lib/model/feed-state';
import type { FeatureUpdate } from '../../../lib/protocol/view-port';

const OWN = 'difkencgdbknfphjeldipiphnmgbjnne';
const STATE = { conversations: [] } as unknown as FeedState;
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

function hub() {
  const deps = {
    ownId: OWN,
    ready: Promise.resolve(),
    snapshot: vi.fn(() => STATE),
    features: vi.fn((): FeatureUpdate[] => [{ feature: 'alerts', alerts: [] }, { feature: 'softLocks', locks: [LOCK] }]),
    setDemand: vi.fn(),
    pause: vi.fn(),
    resume: vi.fn(),
    refresh: vi.fn(),
    action: vi.fn(),
    log: () => undefined,
  };
  return { deps, hub: createViewHub(deps) };
}

describe('view hub', () => {
  it('sends each view a snapshot on hello, then the same patches to all', async () => {
    const { hub: h, deps } = hub();
    const views = Array.from({ length: 10 }, page);
    for (const view of views) h.connect(view);
    for (const view of views) await view.send({ type: 'hello', view: 'sidepanel', visible: false });
    await views[3]!.send({ type: 'visibility', visible: true });
    expect(deps.setDemand).toHaveBeenLastCalledWith({ views: 10, visible: true });
    h.broadcast({ paused: true });
    for (const view of views) expect(view.posted.filter((m) => (m as { type: string }).type !== 'feature')).toEqual([{ type: 'snapshot', state: STATE }, { type: 'patch', patch: { paused: true } }]);
    views[0]!.close();
    views[3]!.close();
    expect(deps.setDemand).toHaveBeenLastCalledWith({ views: 8, visible: false });
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

  it('routes controls and actions from trusted views', async () => {
    const { hub: h, deps } = hub();
    const overlay = fakePort({ id: OWN, url: 'https://contoso.crm4.dynamics.com/main.aspx', tab: { id: 1 } });
    h.connect(overlay);
    await overlay.send({ type: 'pause' });
    await overlay.send({ type: 'resume' });
    await overlay.send({ type: 'refresh' });
    const intent = { kind: 'monitor', conversationId: 'c1', etag: 'W/"1"' };
    await overlay.send({ type: 'action', requestId: 'r1', intent });
    expect(deps.pause).toHaveBeenCalledOnce();
    expect(deps.resume).toHaveBeenCalledOnce();
    expect(deps.refresh).toHaveBeenCalledOnce();
    expect(deps.action).toHaveBeenCalledWith(intent, 'r1', 'contentScript');
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
