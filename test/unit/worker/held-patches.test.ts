import { describe, expect, it } from 'vitest';
import type { FeedPatch } from '../../../lib/model/feed-state';
import { mergePatches } from '../../../lib/worker/held-patches';
import { createPictureMirror } from '../../../lib/view-model/picture-mirror';
import { makeAgent, makeConversation, makeState } from '../view-model/fixtures';

/** What a mirror shows after the snapshot and then `patches`, applied one by one or merged into one. */
function shownAfter(patches: readonly FeedPatch[], merged: boolean) {
  const mirror = createPictureMirror();
  mirror.apply({
    type: 'snapshot',
    state: makeState({
      conversations: [makeConversation({ id: 'a' }), makeConversation({ id: 'b' }), makeConversation({ id: 'c' })],
      agents: [makeAgent({ id: 'x' })],
    }),
  });
  const steps = merged ? [patches.reduce(mergePatches)] : patches;
  for (const patch of steps) mirror.apply({ type: 'patch', patch });
  return {
    conversations: Object.fromEntries(mirror.conversations.all.value.map((row) => [row.id, row.subject])),
    agents: mirror.agents.all.value.map((agent) => `${agent.id}:${agent.presence}`),
    paused: mirror.paused.value,
  };
}

describe('held patches', () => {
  it('merged, leave a view where applying each in turn would have: latest rows, removals, re-added rows', () => {
    const patches: FeedPatch[] = [
      {
        conversations: {
          upsert: [makeConversation({ id: 'a', subject: 'a1' }), makeConversation({ id: 'd', subject: 'd1' })],
          remove: ['b'],
        },
      },
      { paused: true, agents: { upsert: [makeAgent({ id: 'x', presence: 'busy' })], remove: [] } },
      { conversations: { upsert: [makeConversation({ id: 'b', subject: 'b again' })], remove: ['d', 'c'] } },
      { conversations: { upsert: [makeConversation({ id: 'a', subject: 'a2' })], remove: [] }, paused: false },
    ];
    const merged = shownAfter(patches, true);
    expect(merged).toEqual(shownAfter(patches, false));
    expect(merged.conversations).toEqual({ a: 'a2', b: 'b again' });
    expect(merged.agents).toEqual(['x:busy']);
  });
});
