import { effect } from '@preact/signals';
import { describe, expect, it } from 'vitest';
import { createFeedModel } from '../../../lib/view-model/feed-model';
import { makeConversation, makeState } from './fixtures';

describe('FeedModel', () => {
  it('applies a snapshot, then patches that upsert and remove rows', () => {
    const feed = createFeedModel();
    expect(feed.ready.value).toBe(false);
    feed.apply({ type: 'snapshot', state: makeState({ conversations: [makeConversation({ id: 'a' }), makeConversation({ id: 'b' })] }) });
    expect(feed.ready.value).toBe(true);
    expect(feed.conversations.ids.value).toEqual(['a', 'b']);

    feed.apply({
      type: 'patch',
      patch: { conversations: { upsert: [makeConversation({ id: 'c' }), makeConversation({ id: 'a', status: 'active' })], remove: ['b'] } },
    });
    expect(feed.conversations.ids.value).toEqual(['a', 'c']);
    expect(feed.conversations.row('a')!.value.status).toBe('active');
    expect(feed.conversations.row('b')).toBeUndefined();
  });

  it('keeps row identity: a patch to one row notifies that row only, and the id list stays the same array', () => {
    const feed = createFeedModel();
    feed.apply({ type: 'snapshot', state: makeState({ conversations: [makeConversation({ id: 'a' }), makeConversation({ id: 'b' })] }) });
    const rowA = feed.conversations.row('a')!;
    const idsBefore = feed.conversations.ids.value;
    const seen: string[] = [];
    const stopA = effect(() => void seen.push(`a:${feed.conversations.row('a')!.value.transferCount}`));
    const stopB = effect(() => void seen.push(`b:${feed.conversations.row('b')!.value.transferCount}`));
    seen.length = 0;

    feed.apply({ type: 'patch', patch: { conversations: { upsert: [makeConversation({ id: 'b', transferCount: 2 })], remove: [] } } });
    expect(seen).toEqual(['b:2']);
    expect(feed.conversations.row('a')).toBe(rowA);
    expect(feed.conversations.ids.value).toBe(idsBefore);
    stopA();
    stopB();
  });

  it('leaves unchanged rows untouched when a fresh snapshot arrives after a reconnect', () => {
    const feed = createFeedModel();
    const rows = [makeConversation({ id: 'a' }), makeConversation({ id: 'b' })];
    feed.apply({ type: 'snapshot', state: makeState({ conversations: rows }) });
    let notified = 0;
    const stop = effect(() => {
      void feed.conversations.row('a')!.value;
      notified += 1;
    });
    feed.disconnected();
    expect(feed.connected.value).toBe(false);
    feed.apply({ type: 'snapshot', state: makeState({ conversations: rows.map((row) => ({ ...row })) }) });
    expect(notified).toBe(1);
    expect(feed.connected.value).toBe(true);
    stop();
  });

  it('records what the worker refused and what failed validation here', () => {
    const feed = createFeedModel();
    feed.apply({ type: 'rejected', reason: 'intent.conversationId: too long' });
    expect(feed.problem.value).toBe('intent.conversationId: too long');
    feed.invalid('state: incomplete snapshot');
    expect(feed.problem.value).toBe('state: incomplete snapshot');
  });
});
