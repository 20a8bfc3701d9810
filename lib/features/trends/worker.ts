import { createSavePace } from '../../storage/save-pace';
import { addSamples, EMPTY_TRENDS, sampleQueues, trackPresence, type Observed, type Trends, type TrendsChange } from './trends';

export interface TrendsDeps {
  feed(): Observed;
  /** storage.session: the trends outlive a stopped worker, not the browser session. */
  memory: { get(): Promise<Trends>; set(value: Trends): Promise<void> };
  /** What changed goes to every open view. */
  publish(change: TrendsChange): void;
  now(): number;
}

/**
 * The trends' worker half: after each live poll it samples the queues (every 30 s at most) and follows each agent's
 * presence, from the picture the feed already has, with no request of its own. It publishes only what changed (a
 * sample taken, the agents whose presence changed), so a busy org does not send the hour's history every poll, and
 * saves at most once a minute (lib/storage/save-pace.ts).
 */
export function createTrends(deps: TrendsDeps) {
  let trends = EMPTY_TRENDS;
  const savePace = createSavePace(() => deps.now());
  const ready = deps.memory.get().then((saved) => {
    trends = saved;
  });
  return {
    ready,
    current: (): Trends => trends,
    async afterPoll(): Promise<void> {
      await ready;
      const observed = deps.feed();
      const now = deps.now();
      const samples = sampleQueues(trends, observed, now);
      const presence = trackPresence(trends.agents, observed.agents, now);
      if (!samples && presence.changed.length === 0 && presence.gone.length === 0) return;
      trends = { queues: samples ? addSamples(trends.queues, samples) : trends.queues, agents: presence.agents };
      const agents = Object.fromEntries(presence.changed.map((id) => [id, presence.agents[id]!]));
      deps.publish({ samples, agents, gone: presence.gone });
      if (savePace.due()) await deps.memory.set(trends);
    },
  };
}
