import { effect } from '@preact/signals';
import { describe, expect, it } from 'vitest';
import { createPictureMirror } from '../../../lib/view-model/picture-mirror';
import { makeConversation, makeState } from './fixtures';

describe('PictureMirror', () => {
  it('applies a snapshot, then patches that upsert and remove rows', () => {
    const picture = createPictureMirror();
    expect(picture.ready.value).toBe(false);
    picture.apply({
      type: 'snapshot',
      state: makeState({ conversations: [makeConversation({ id: 'a' }), makeConversation({ id: 'b' })] }),
    });
    expect(picture.ready.value).toBe(true);
    expect(picture.conversations.ids.value).toEqual(['a', 'b']);

    picture.apply({
      type: 'patch',
      patch: { conversations: { upsert: [makeConversation({ id: 'c' }), makeConversation({ id: 'a', status: 'active' })], remove: ['b'] } },
    });
    expect(picture.conversations.ids.value).toEqual(['a', 'c']);
    expect(picture.conversations.row('a')!.value.status).toBe('active');
    expect(picture.conversations.row('b')).toBeUndefined();
  });

  it('keeps row identity: a patch to one row notifies that row only, and the id list stays the same array', () => {
    const picture = createPictureMirror();
    picture.apply({
      type: 'snapshot',
      state: makeState({ conversations: [makeConversation({ id: 'a' }), makeConversation({ id: 'b' })] }),
    });
    const rowA = picture.conversations.row('a')!;
    const idsBefore = picture.conversations.ids.value;
    const seen: string[] = [];
    const stopA = effect(() => void seen.push(`a:${picture.conversations.row('a')!.value.transferCount}`));
    const stopB = effect(() => void seen.push(`b:${picture.conversations.row('b')!.value.transferCount}`));
    seen.length = 0;

    picture.apply({ type: 'patch', patch: { conversations: { upsert: [makeConversation({ id: 'b', transferCount: 2 })], remove: [] } } });
    expect(seen).toEqual(['b:2']);
    expect(picture.conversations.row('a')).toBe(rowA);
    expect(picture.conversations.ids.value).toBe(idsBefore);
    stopA();
    stopB();
  });

  it('leaves unchanged rows untouched when a fresh snapshot arrives after a reconnect', () => {
    const picture = createPictureMirror();
    const rows = [makeConversation({ id: 'a' }), makeConversation({ id: 'b' })];
    picture.apply({ type: 'snapshot', state: makeState({ conversations: rows }) });
    let notified = 0;
    const stop = effect(() => {
      void picture.conversations.row('a')!.value;
      notified += 1;
    });
    picture.disconnected();
    expect(picture.connected.value).toBe(false);
    picture.apply({ type: 'snapshot', state: makeState({ conversations: rows.map((row) => ({ ...row })) }) });
    expect(notified).toBe(1);
    expect(picture.connected.value).toBe(true);
    stop();
  });

  it('records what the worker refused and what failed validation here', () => {
    const picture = createPictureMirror();
    picture.apply({ type: 'rejected', reason: 'intent.conversationId: too long' });
    expect(picture.problem.value).toBe('intent.conversationId: too long');
    picture.invalid('state: incomplete snapshot');
    expect(picture.problem.value).toBe('state: incomplete snapshot');
  });
});
