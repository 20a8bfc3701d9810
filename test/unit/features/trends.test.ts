// @vitest-environment node
import { describe, expect, it } from 'vitest';
import {
  addSamples,
  applyTrendsChange,
  EMPTY_TRENDS,
  presenceSpans,
  sampleQueues,
  SAMPLE_EVERY_MS,
  trackPresence,
  TREND_WINDOW_MS,
  TrendsChangeSchema,
  TrendsSchema,
  type Trends,
  type Observed,
  type TrendsChange,
} from '../../../lib/features/trends/trends';
import { createTrends } from '../../../lib/features/trends/worker';
import { SAVE_EVERY_MS } from '../../../lib/storage/save-pace';
import { iso, makeAgent, makeConversation, NOW, QUEUES } from '../view-model/fixtures';

const waiting = (id: string, msWaiting: number) => makeConversation({ id, statusUpdatedOn: iso(msWaiting) });
/** The queues' hours after a look, as the worker keeps them: null when no sample was due. */
const sampled = (trends: Trends, observed: Observed, now: number) => {
  const samples = sampleQueues(trends, observed, now);
  return samples && addSamples(trends.queues, samples);
};

describe('trends: queue samples', () => {
  it('samples each supervised queue’s waiting count and longest wait, the tiles’ own figures', () => {
    const observed = { queues: QUEUES, agents: [], conversations: () => [waiting('a', 90_000), waiting('b', 30_000)] };
    const queues = sampled(EMPTY_TRENDS, observed, NOW)!;
    expect(queues['q-billing']).toEqual([{ at: NOW, waiting: 2, longestWait: 90 }]);
    expect(queues['q-tech']).toEqual([{ at: NOW, waiting: 0, longestWait: 0 }]);
    expect(queues['q-other']).toBeUndefined();
  });

  it('takes one sample per 30 s at most, and lets samples older than an hour fall off', () => {
    const observed = { queues: QUEUES, agents: [], conversations: () => [waiting('a', 10_000)] };
    const old: Trends = {
      queues: {
        'q-billing': [
          { at: NOW - TREND_WINDOW_MS - 1, waiting: 9, longestWait: 1 },
          { at: NOW - 20_000, waiting: 3, longestWait: 5 },
        ],
      },
      agents: {},
    };
    expect(sampled(old, observed, NOW)).not.toBeNull(); // q-tech has no sample yet
    const first = { queues: sampled(old, observed, NOW)!, agents: {} };
    expect(first.queues['q-billing']!.map((p) => p.waiting)).toEqual([3, 1]);
    expect(sampled(first, observed, NOW + SAMPLE_EVERY_MS - 1)).toBeNull();
    expect(sampled(first, observed, NOW + SAMPLE_EVERY_MS)!['q-billing']).toHaveLength(3);
  });
});

describe('trends: presence timelines', () => {
  it('records a change at the platform’s own time, only when the presence changes, and starts the hour with a known presence', () => {
    const start = trackPresence({}, [makeAgent({ id: 'x', presence: 'available', presenceSince: iso(2 * TREND_WINDOW_MS) })], NOW);
    expect(start).toEqual({ agents: { x: [{ at: NOW - TREND_WINDOW_MS, presence: 'available' }] }, changed: ['x'], gone: [] });
    expect(trackPresence(start.agents, [makeAgent({ id: 'x', presence: 'available' })], NOW).changed).toEqual([]);
    const busy = trackPresence(start.agents, [makeAgent({ id: 'x', presence: 'busy', presenceSince: iso(60_000) })], NOW);
    expect(busy.agents['x']).toEqual([
      { at: NOW - TREND_WINDOW_MS, presence: 'available' },
      { at: NOW - 60_000, presence: 'busy' },
    ]);
    expect(presenceSpans(busy.agents['x']!, NOW).map((s) => [s.presence, s.to - s.from])).toEqual([
      ['available', TREND_WINDOW_MS - 60_000],
      ['busy', 60_000],
    ]);
    // An hour later the presence in force when the window opens is kept, never dropped; the one before it is.
    const later = trackPresence(busy.agents, [makeAgent({ id: 'x', presence: 'busy' })], NOW + TREND_WINDOW_MS);
    expect(later.agents['x']).toEqual([{ at: NOW - 60_000, presence: 'busy' }]);
    expect(later.changed).toEqual(['x']);
    expect(presenceSpans(later.agents['x']!, NOW + TREND_WINDOW_MS).map((s) => [s.presence, s.to - s.from])).toEqual([
      ['busy', TREND_WINDOW_MS],
    ]);
  });

  it('is no change while the window only moves on: a quiet agent is not sent to the views again every poll', () => {
    const start = trackPresence({}, [makeAgent({ id: 'x', presence: 'available', presenceSince: iso(2 * TREND_WINDOW_MS) })], NOW);
    let agents = start.agents;
    for (let poll = 1; poll <= 20; poll++) {
      const next = trackPresence(agents, [makeAgent({ id: 'x', presence: 'available' })], NOW + poll * 3_000);
      expect(next.changed).toEqual([]);
      agents = next.agents;
    }
    expect(presenceSpans(agents['x']!, NOW + 60_000).map((s) => [s.presence, s.to - s.from])).toEqual([['available', TREND_WINDOW_MS]]);
  });

  it('leaves bots out and forgets agents who left the picture', () => {
    const { agents, gone } = trackPresence({ gone: [{ at: NOW, presence: 'away' }] }, [makeAgent({ id: 'bot', isBot: true })], NOW);
    expect(agents).toEqual({});
    expect(gone).toEqual(['gone']);
  });
});

describe('trends: the worker half', () => {
  it('keeps the trends across a restart and tells the views only when something was sampled or changed', async () => {
    let now = NOW;
    const saved = {
      value: EMPTY_TRENDS,
      get: async () => saved.value,
      set: async (value: Trends) => void (saved.value = TrendsSchema.parse(value)),
    };
    const published: TrendsChange[] = [];
    // In the same presence for longer than the window: the window moving on is no change.
    const agents = [makeAgent({ id: 'x', presenceSince: iso(2 * TREND_WINDOW_MS) })];
    const feed = () => ({ queues: QUEUES, agents, conversations: () => [waiting('a', 10_000)] });
    const first = createTrends({ feed, memory: saved, publish: (t) => published.push(t), now: () => now });
    await first.afterPoll();
    now += 3_000;
    await first.afterPoll();
    expect(published).toHaveLength(1);
    // A new worker (the old one was stopped) goes on from what was saved.
    now += SAMPLE_EVERY_MS;
    const second = createTrends({ feed, memory: saved, publish: (t) => published.push(t), now: () => now });
    await second.afterPoll();
    expect(second.current().queues['q-billing']!.map((p) => p.at)).toEqual([NOW, now]);
    expect(published).toHaveLength(2);
  });

  it('tells the views of every presence change, and saves the hour at most once a minute', async () => {
    let now = NOW;
    let presence: 'available' | 'busy' = 'available';
    const saves: Trends[] = [];
    const saved = { get: async () => EMPTY_TRENDS, set: async (value: Trends) => void saves.push(value) };
    const published: TrendsChange[] = [];
    const feed = () => ({ queues: QUEUES, agents: [makeAgent({ id: 'x', presence })], conversations: () => [] });
    const trends = createTrends({ feed, memory: saved, publish: (t) => published.push(t), now: () => now });
    await trends.afterPoll();
    for (let i = 0; i < 4; i++) {
      presence = presence === 'busy' ? 'available' : 'busy';
      now += 5_000;
      await trends.afterPoll();
    }
    expect(published).toHaveLength(5);
    expect(saves).toHaveLength(1);
    presence = 'busy';
    now += SAVE_EVERY_MS;
    await trends.afterPoll();
    expect(saves).toHaveLength(2);
    expect(saves[1]!.agents['x']!.length).toBe(6);
  });

  it('sends the views only what a poll changed, and a view that applies the changes holds the worker’s trends', async () => {
    let now = NOW;
    const presences: Record<string, 'available' | 'busy'> = { x: 'available', y: 'available', z: 'busy' };
    const saved = { get: async () => EMPTY_TRENDS, set: async () => undefined };
    const published: TrendsChange[] = [];
    const feed = () => ({
      queues: QUEUES,
      agents: Object.entries(presences).map(([id, presence]) => makeAgent({ id, presence })),
      conversations: () => [waiting('a', 10_000)],
    });
    const trends = createTrends({
      feed,
      memory: saved,
      publish: (change) => published.push(TrendsChangeSchema.parse(change)),
      now: () => now,
    });
    await trends.afterPoll();
    // A view connects here and gets the whole trends; the worker sends it only changes from then on.
    let view = trends.current();
    presences['y'] = 'busy';
    now += 5_000;
    await trends.afterPoll();
    expect(published.at(-1)).toEqual({ samples: null, agents: { y: trends.current().agents['y'] }, gone: [] });
    delete presences['z'];
    now += SAMPLE_EVERY_MS;
    await trends.afterPoll();
    expect(Object.keys(published.at(-1)!.agents)).toEqual([]);
    expect(published.at(-1)!.gone).toEqual(['z']);
    expect(published.at(-1)!.samples!['q-billing']).toEqual(trends.current().queues['q-billing']!.at(-1));
    for (const change of published.slice(1)) view = applyTrendsChange(view, change);
    expect(view).toEqual(trends.current());
    // A change that reaches a view twice (it connected between the worker's change and its sending) changes nothing more.
    expect(applyTrendsChange(view, published.at(-1)!)).toEqual(view);
  });
});
