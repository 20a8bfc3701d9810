import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { parseWorkerMessage } from '../../../lib/view-model/parse-worker-message';
import { createPortFeedSource, type PortLike } from '../../../lib/view-model/port-feed-source';
import { makeAgent, makeConversation, makeState } from './fixtures';

class FakePort implements PortLike {
  posted: unknown[] = [];
  disconnected = false;
  private messageListeners: Array<(message: unknown) => void> = [];
  private disconnectListeners: Array<() => void> = [];
  constructor(public name: string) {}
  postMessage(message: unknown) {
    this.posted.push(message);
  }
  disconnect() {
    this.disconnected = true;
  }
  onMessage = { addListener: (listener: (message: unknown) => void) => void this.messageListeners.push(listener) };
  onDisconnect = { addListener: (listener: () => void) => void this.disconnectListeners.push(listener) };
  deliver(message: unknown) {
    this.messageListeners.forEach((listener) => listener(message));
  }
  /** The worker went away (stopped, updated). */
  die() {
    this.disconnectListeners.forEach((listener) => listener());
  }
}

describe('createPortFeedSource', () => {
  let ports: FakePort[];
  let stop: AbortController;
  const open = (parse = parseWorkerMessage, onInvalid?: (reason: string) => void, token?: string) =>
    createPortFeedSource({
      view: 'overlay',
      token,
      connect: ({ name }) => {
        const port = new FakePort(name);
        ports.push(port);
        return port;
      },
      parse,
      visible: () => true,
      signal: stop.signal,
      onInvalid,
      backoff: { minMs: 100, maxMs: 400 },
    });

  beforeEach(() => {
    vi.useFakeTimers();
    ports = [];
    stop = new AbortController();
  });
  afterEach(() => vi.useRealTimers());

  it('says hello on the view port and keeps the worker alive with a heartbeat every 20 s', () => {
    const source = open();
    source.connect();
    expect(ports[0]!.name).toBe('floorwalker-view');
    expect(ports[0]!.posted).toEqual([{ type: 'hello', view: 'overlay', visible: true }]);
    vi.advanceTimersByTime(40_000);
    expect(ports[0]!.posted.filter((message) => (message as { type: string }).type === 'heartbeat')).toHaveLength(2);
  });

  it('sends the overlay frame’s token with every hello, also after a reconnect', () => {
    const token = 'A'.repeat(43);
    const source = open(parseWorkerMessage, undefined, token);
    source.connect();
    ports[0]!.die();
    vi.advanceTimersByTime(100);
    for (const port of ports) expect(port.posted[0]).toEqual({ type: 'hello', view: 'overlay', visible: true, token });
    expect(ports).toHaveLength(2);
  });

  it('applies the worker’s large messages in the port’s order, and asks for the port only when one never comes', () => {
    const bulkListeners: ((raw: unknown) => void)[] = [];
    const source = createPortFeedSource({
      view: 'sidepanel',
      connect: ({ name }) => {
        const port = new FakePort(name);
        ports.push(port);
        return port;
      },
      bulk: { subscribe: (listener) => (bulkListeners.push(listener), () => undefined) },
      parse: parseWorkerMessage,
      visible: () => true,
      signal: stop.signal,
      backoff: { minMs: 100, maxMs: 400 },
    });
    const received: string[] = [];
    source.onMessage((message) => received.push(message.type === 'patch' ? `patch ${String(message.patch.paused)}` : message.type));
    source.connect();
    expect(ports[0]!.posted[0]).toEqual({ type: 'hello', view: 'sidepanel', visible: true, bulk: true });
    ports[0]!.deliver({ type: 'bulk', id: 's1' });
    ports[0]!.deliver({ type: 'patch', patch: { paused: true } });
    expect(received).toEqual([]);
    for (const listener of bulkListeners) listener({ type: 'bulk', id: 's1', message: { type: 'snapshot', state: makeState() } });
    expect(received).toEqual(['snapshot', 'patch true']);
    // A reference whose message never comes: after 15 s the view reconnects and takes everything by the port.
    ports[0]!.deliver({ type: 'bulk', id: 's2' });
    // Patches keep coming behind it, one every 5 s: they do not put the wait off.
    for (let i = 0; i < 3; i++) {
      ports[0]!.deliver({ type: 'patch', patch: { paused: false } });
      vi.advanceTimersByTime(5_000);
    }
    vi.advanceTimersByTime(100);
    expect(ports).toHaveLength(2);
    expect(ports[1]!.posted[0]).toEqual({ type: 'hello', view: 'sidepanel', visible: true });
    expect(received).toEqual(['snapshot', 'patch true']);
  });

  it('delivers valid messages and reports invalid ones instead of passing them on', () => {
    const invalid: string[] = [];
    const source = open(parseWorkerMessage, (reason) => invalid.push(reason));
    const received: string[] = [];
    source.onMessage((message) => received.push(message.type));
    source.connect();
    ports[0]!.deliver({ type: 'snapshot', state: makeState() });
    ports[0]!.deliver({ type: 'snapshot', state: { conversations: 'no' } });
    ports[0]!.deliver({ type: 'bogus' });
    ports[0]!.deliver({ type: 'feature', update: { feature: 'softLocks', locks: [] } });
    ports[0]!.deliver({ type: 'feature', update: { feature: 'softLocks', locks: [{ conversationId: 'c1', kind: 'rm -rf' }] } });
    expect(received).toEqual(['snapshot', 'feature']);
    expect(invalid).toHaveLength(3);
  });

  it('reconnects with growing delays after the worker stops, and says hello again', () => {
    const source = open();
    let drops = 0;
    source.onDisconnect(() => (drops += 1));
    source.connect();
    ports[0]!.die();
    expect(drops).toBe(1);
    vi.advanceTimersByTime(99);
    expect(ports).toHaveLength(1);
    vi.advanceTimersByTime(1);
    expect(ports).toHaveLength(2);
    expect(ports[1]!.posted[0]).toMatchObject({ type: 'hello' });
    ports[1]!.die();
    vi.advanceTimersByTime(199);
    expect(ports).toHaveLength(2);
    vi.advanceTimersByTime(1);
    expect(ports).toHaveLength(3);
  });

  it('stops everything when the view goes away', () => {
    const source = open();
    source.connect();
    stop.abort();
    expect(ports[0]!.disconnected).toBe(true);
    vi.advanceTimersByTime(60_000);
    expect(ports[0]!.posted).toHaveLength(1);
    expect(ports).toHaveLength(1);
  });
});

describe('parseWorkerMessage (every view checks the worker in full)', () => {
  it('accepts the four message shapes and refuses anything else; feature updates are checked in full', () => {
    expect(parseWorkerMessage({ type: 'snapshot', state: makeState() }).ok).toBe(true);
    expect(parseWorkerMessage({ type: 'feature', update: { feature: 'alerts', alerts: [] } }).ok).toBe(true);
    expect(parseWorkerMessage({ type: 'feature', update: { feature: 'sharedLog', notes: [{ id: 'n1', text: 5 }] } }).ok).toBe(false);
    expect(parseWorkerMessage({ type: 'feature', update: { feature: 'unknown' } }).ok).toBe(false);
    expect(parseWorkerMessage({ type: 'patch', patch: {} }).ok).toBe(true);
    expect(parseWorkerMessage({ type: 'rejected', reason: 'x' }).ok).toBe(true);
    expect(parseWorkerMessage({ type: 'snapshot', state: { conversations: [] } }).ok).toBe(false);
    expect(parseWorkerMessage('snapshot').ok).toBe(false);
    expect(parseWorkerMessage({ type: 'eval', code: 'x' }).ok).toBe(false);
  });

  it('hands over every part of a snapshot and a patch as sent', () => {
    const state = makeState({ conversations: [makeConversation({ id: 'c1' })], agents: [makeAgent({ id: 'a1' })] });
    const patch = {
      conversations: { upsert: [makeConversation({ id: 'c2', subject: 'Refund' })], remove: ['c1'] },
      agents: { upsert: [makeAgent({ id: 'a2' })], remove: ['a1'] },
      paused: true,
    };
    for (const message of [
      { type: 'snapshot', state },
      { type: 'patch', patch },
      { type: 'patch', patch: { paused: false } },
    ]) {
      const parsed = parseWorkerMessage(message);
      expect(parsed).toEqual({ ok: true, message });
    }
  });
});
