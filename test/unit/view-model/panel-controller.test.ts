import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { createPanelController } from '../../../lib/view-model/panel-controller';
import { FakeFeedSource, makeConversation, makeState, NOW } from './fixtures';

describe('PanelController', () => {
  let stop: AbortController;
  beforeEach(() => {
    fakeBrowser.reset();
    vi.useFakeTimers();
    stop = new AbortController();
  });
  afterEach(() => {
    stop.abort();
    vi.useRealTimers();
  });

  it('connects, applies what the worker sends, and derives the visible list', () => {
    const source = new FakeFeedSource();
    const controller = createPanelController({ source, stop: stop.signal });
    expect(source.connected).toBe(true);
    source.push({
      type: 'snapshot',
      state: makeState({ conversations: [makeConversation({ id: 'a' }), makeConversation({ id: 'b', status: 'active', agentId: 'x' })] }),
    });
    controller.view.toggleQuick('unassigned');
    expect(controller.list.rowIds.value).toEqual(['a']);
  });

  it('sends one refresh at a time, until the feed reports a newer poll', () => {
    const source = new FakeFeedSource();
    const controller = createPanelController({ source, stop: stop.signal });
    source.push({ type: 'snapshot', state: makeState() });
    controller.refresh();
    controller.refresh();
    expect(source.sent.filter((message) => message.type === 'refresh')).toHaveLength(1);
    expect(controller.refreshing.value).toBe(true);
    source.push({
      type: 'patch',
      patch: { freshness: { state: 'live', lastSuccessAt: NOW + 5000, failingSince: null, retryAt: null, intervalMs: 3000 } },
    });
    expect(controller.refreshing.value).toBe(false);
    controller.refresh();
    expect(source.sent.filter((message) => message.type === 'refresh')).toHaveLength(2);
  });

  it('re-enables refresh after a timeout when no answer comes', () => {
    const source = new FakeFeedSource();
    const controller = createPanelController({ source, stop: stop.signal, refreshTimeoutMs: 1000 });
    controller.refresh();
    vi.advanceTimersByTime(1000);
    expect(controller.refreshing.value).toBe(false);
  });

  it('sends pause, resume and actions with a fresh request id', () => {
    const source = new FakeFeedSource();
    let n = 0;
    const controller = createPanelController({ source, stop: stop.signal, newRequestId: () => `r${++n}` });
    controller.setPaused(true);
    controller.setPaused(false);
    controller.sendIntent({ kind: 'monitor', conversationId: 'a', etag: 'W/"1"' });
    expect(source.sent.slice(1)).toEqual([
      { type: 'pause' },
      { type: 'resume' },
      { type: 'action', requestId: 'r1', intent: { kind: 'monitor', conversationId: 'a', etag: 'W/"1"' } },
    ]);
  });

  it('hands feature updates to the features, not to the feed', () => {
    const source = new FakeFeedSource();
    const controller = createPanelController({ source, stop: stop.signal });
    source.push({ type: 'snapshot', state: makeState() });
    const lock = { id: 'n1', conversationId: 'a', kind: 'transfer' as const, userId: 'u-sam', userName: 'Sam Okafor', until: NOW + 60_000 };
    source.push({ type: 'feature', update: { feature: 'softLocks', locks: [lock] } });
    source.push({ type: 'feature', update: { feature: 'sharedLog', notes: [] } });
    expect(controller.features.locks.value).toEqual([lock]);
    expect(controller.features.notes.value).toEqual([]);
    expect(controller.picture.problem.value).toBeNull();
  });

  it('answers the worker’s whenDrawn once what came before it is drawn, not before', () => {
    const source = new FakeFeedSource();
    const draws: (() => void)[] = [];
    const controller = createPanelController({ source, stop: stop.signal, afterDrawn: (then) => draws.push(then) });
    source.push({ type: 'snapshot', state: makeState() });
    source.push({ type: 'whenDrawn', id: 'd1' });
    expect(controller.picture.ready.value).toBe(true);
    expect(source.sent.filter((message) => message.type === 'drawn')).toEqual([]);
    draws.forEach((then) => then());
    expect(source.sent.filter((message) => message.type === 'drawn')).toEqual([{ type: 'drawn', id: 'd1' }]);
    expect(controller.picture.problem.value).toBeNull();
  });

  it('closes the source when the view stops', () => {
    const source = new FakeFeedSource();
    createPanelController({ source, stop: stop.signal });
    stop.abort();
    expect(source.closed).toBe(true);
  });
});
