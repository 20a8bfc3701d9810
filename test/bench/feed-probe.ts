/**
 * The extension's real feed (FeedController over the real Web API transport) running in Node against the emulator,
 * with every patch it publishes timestamped, so the bench can see when a change reached the feed's model.
 */
import type { Conversation } from '../../lib/model/conversation';
import type { FeedPatch } from '../../lib/model/feed-state';
import { DEFAULT_SETTINGS, type EffectiveSettings } from '../../lib/model/settings';
import { FeedController } from '../../lib/feed/feed-controller';
import type { Persisted } from '../../lib/feed/persisted';
import { createCounters, type FeedCounters } from '../../lib/dataverse/counters';
import { createWebApiTransport } from '../../lib/dataverse/web-api-transport';
import type { DataverseTransport } from '../../lib/dataverse/transport';

/** One conversation version as it reached the model: when, and what the platform stamped it with. */
export interface Arrival {
  at: number;
  conversation: Conversation;
}

export interface FeedProbe {
  counters: FeedCounters;
  conversations: Map<string, Conversation>;
  /** Resolves once the first full load is in the model. */
  loaded: Promise<number>;
  /** Called with each conversation upsert as it is published. */
  onArrival(listener: (arrival: Arrival) => void): () => void;
  intervalMs: number;
  stop(): void;
}

export function startFeedProbe(org: string, fetchImpl: typeof fetch, pollIntervalSeconds = DEFAULT_SETTINGS.pollIntervalSeconds): FeedProbe {
  const counters = createCounters();
  const settings: EffectiveSettings = { values: { ...DEFAULT_SETTINGS, pollIntervalSeconds }, managedKeys: [], policyIssues: [] };
  const conversations = new Map<string, Conversation>();
  const listeners = new Set<(arrival: Arrival) => void>();
  let stored: Persisted | undefined;
  let transport: DataverseTransport | undefined;
  let markLoaded: (ms: number) => void = () => undefined;
  const loaded = new Promise<number>((resolve) => (markLoaded = resolve));
  const timers = new Set<ReturnType<typeof setTimeout>>();
  let stopped = false;

  const publish = (patch: FeedPatch) => {
    const at = Date.now();
    for (const id of patch.conversations?.remove ?? []) conversations.delete(id);
    for (const row of patch.conversations?.upsert ?? []) {
      conversations.set(row.id, row);
      for (const listener of listeners) listener({ at, conversation: row });
    }
    if (patch.freshness?.state === 'live') markLoaded(at);
  };

  const feed = new FeedController({
    resolveOrg: async () => org,
    transportFor: (target) => (transport ??= createWebApiTransport({ org: target, counters, fetch: fetchImpl })),
    settings: () => settings,
    counters,
    // storage.session stand-in: kept in memory, as the worker keeps it.
    storage: { load: async () => stored, save: async (value) => void (stored = value) },
    publish,
    schedule: (run, ms) => {
      if (stopped) return () => undefined;
      const handle = setTimeout(() => {
        timers.delete(handle);
        run();
      }, ms);
      timers.add(handle);
      return () => {
        clearTimeout(handle);
        timers.delete(handle);
      };
    },
    log: () => undefined,
  });
  feed.setDemand({ views: 1, visible: true });
  void feed.start();

  return {
    counters,
    conversations,
    loaded,
    intervalMs: pollIntervalSeconds * 1000,
    onArrival(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    stop() {
      stopped = true;
      feed.setDemand({ views: 0, visible: false });
      for (const handle of timers) clearTimeout(handle);
      timers.clear();
    },
  };
}
