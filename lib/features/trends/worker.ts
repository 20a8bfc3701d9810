import { createSavePace } from '../../storage/save-pace';
import { EMPTY_TRENDS, sampleQueues, trackPresence, type Observed, type Trends } from './trends';

export interface TrendsDeps {
  feed(): Observed;
  /** storage.session: the trends outlive a stopped worker, not the browser session. */
  memory: { get(): Promise<Trends>; set(value: Trends): Promise<void> };
  /** The trends go to every open view. */
  publish(trends: Trends): void;
  now(): number;
}

/**
 * The trends' worker half: after each live poll it samples the queues (every 30 s at most) and follows each agent's
 * presence, from the picture the feed already has, with no request of its own. It publishes only when a sample was
 * taken or a presence changed, so a busy org does not send the hour's history every poll, and saves at most once a
 * minute (lib/storage/save-pace.ts).
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
      const queues = sampleQueues(trends, observed, now);
      const { agents, changed } = trackPresence(trends.agents, observed.agents, now);
      if (!queues && !changed) return;
      trends = { queues: queues ?? trends.queues, agents };
      deps.publish(trends);
      if (savePace.due()) await deps.memory.set(trends);
    },
  };
}
