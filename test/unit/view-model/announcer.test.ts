import { signal } from '@preact/signals';
import { describe, expect, it } from 'vitest';
import type { Conversation } from '../../../lib/model/conversation';
import type { Freshness } from '../../../lib/model/freshness';
import { createAnnouncer } from '../../../lib/view-model/announcer';
import { createKeyedRows } from '../../../lib/view-model/keyed-rows';
import { makeConversation, NOW } from './fixtures';

const live: Freshness = { state: 'live', lastSuccessAt: NOW, failingSince: null, retryAt: null, intervalMs: 3000 };

function setup() {
  const ready = signal(false);
  const rows = createKeyedRows<Conversation>();
  const conversations = {
    set value(next: readonly Conversation[]) {
      rows.replace(next);
    },
    get value() {
      return rows.all.peek();
    },
  };
  const freshness = signal<Freshness | null>(null);
  const now = signal(NOW);
  const stop = new AbortController();
  const announcement = createAnnouncer({ ready, conversations: rows, freshness, now, stop: stop.signal, quietMs: 10_000 });
  return { ready, conversations, freshness, now, stop, announcement };
}

describe('createAnnouncer', () => {
  it('treats the first snapshot as the baseline and summarises new waiting rows, not every change', () => {
    const s = setup();
    s.conversations.value = [makeConversation({ id: 'a' })];
    s.ready.value = true;
    s.now.value += 1000;
    expect(s.announcement.value).toBeNull();

    s.conversations.value = [makeConversation({ id: 'a' }), makeConversation({ id: 'b' }), makeConversation({ id: 'c' })];
    s.conversations.value = [
      ...s.conversations.value,
      makeConversation({ id: 'd', status: 'active', agentId: 'x' }),
      makeConversation({ id: 'e' }),
    ];
    s.now.value += 1000;
    expect(s.announcement.value).toEqual({ kind: 'newWaiting', count: 3 });
  });

  it('waits for the quiet time before the next summary and then counts everything since', () => {
    const s = setup();
    s.ready.value = true;
    s.conversations.value = [makeConversation({ id: 'a' })];
    s.now.value += 1000;
    const first = s.announcement.value;
    expect(first).toEqual({ kind: 'newWaiting', count: 1 });
    s.conversations.value = [makeConversation({ id: 'a' }), makeConversation({ id: 'b' })];
    s.now.value += 5000;
    expect(s.announcement.value).toBe(first);
    s.conversations.value = [makeConversation({ id: 'a' }), makeConversation({ id: 'b' }), makeConversation({ id: 'c' })];
    s.now.value += 5000;
    expect(s.announcement.value).toEqual({ kind: 'newWaiting', count: 2 });
  });

  it('says when the feed goes offline or is live again, but not the first state', () => {
    const s = setup();
    s.freshness.value = live;
    expect(s.announcement.value).toBeNull();
    s.freshness.value = { ...live, lastSuccessAt: NOW + 3000 };
    expect(s.announcement.value).toBeNull();
    s.freshness.value = { ...live, state: 'offline' };
    expect(s.announcement.value).toEqual({ kind: 'freshness', state: 'offline' });
    s.freshness.value = live;
    expect(s.announcement.value).toEqual({ kind: 'freshness', state: 'live' });
  });
});
