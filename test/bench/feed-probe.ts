/**
 * The extension's real feed (FeedController over the real Web API transport) running in Node against the emulator,
 * as the worker runs it with one visible view open. Every request is recorded, and every conversation version it
 * publishes is timed against the emulator's clock, so the bench sees when a change reached the feed's model.
 */
import type { FeedPatch } from '../../lib/model/feed-state';
import { DEFAULT_SETTINGS, type EffectiveSettings } from '../../lib/model/settings';
import { FeedController } from '../../lib/feed/feed-controller';
import type { Persisted } from '../../lib/feed/persisted';
import { createCounters, type FeedCounters } from '../../lib/dataverse/counters';
import { createWebApiTransport } from '../../lib/dataverse/web-api-transport';
import type { DataverseTransport } from '../../lib/dataverse/transport';
import { ChangeDelays } from './change-delays';
import { recordingFetch, type RecordedRequest } from './recording-fetch';

export interface FeedProbeOptions {
  org: string;
  /** A fetch that authenticates as the supervisor. */
  fetch: typeof fetch;
  /** The emulator's virtual now (epoch ms). */
  platformNow: () => number;
  pollIntervalSeconds: number;
}

export interface FeedProbe {
  counters: FeedCounters;
  requests: RecordedRequest[];
  changes: ChangeDelays;
  /** Ongoing conversations in the feed's model. */
  size(): number;
  supervisedQueueIds(): string[];
  /** Resolves with the real time the first full load was in the model. */
  loaded: Promise<number>;
  /** Resolves once `count` more poll cycles (full or incremental) have finished. */
  polls(count: number): Promise<void>;
  /** Ongoing conversation ids in the model (for picking rows to change). */
  ids(): string[];
  stop(): void;
}

export function startFeedProbe(options: FeedProbeOptions): FeedProbe {
  const counters = createCounters();
  const requests: RecordedRequest[] = [];
  const changes = new ChangeDelays();
  const settings: EffectiveSettings = { values: { ...DEFAULT_SETTINGS, pollIntervalSeconds: options.pollIntervalSeconds }, managedKeys: [], policyIssues: [] };
  const model = new Set<string>();
  let stored: Persisted | null = null;
  let transport: DataverseTransport | undefined;
  let markLoaded: (ms: number) => void = () => undefined;
  const loaded = new Promise<number>((resolve) => (markLoaded = resolve));
  const timers = new Set<ReturnType<typeof setTimeout>>();
  const waits = new Set<ReturnType<typeof setInterval>>();
  let stopped = false;

  const publish = (patch: FeedPatch) => {
    const at = options.platformNow();
    for (const id of patch.conversations?.remove ?? []) model.delete(id);
    for (const row of patch.conversations?.upsert ?? []) {
      model.add(row.id);
      changes.observe(row.id, row.modifiedOn, at);
    }
    if (patch.freshness?.state === 'live') markLoaded(Date.now());
  };

  const feed = new FeedController({
    resolveOrg: async () => options.org,
    isOrgBlocked: () => false,
    transportFor: (org) => (transport ??= createWebApiTransport({ org, counters, fetch: recordingFetch(options.fetch, requests) })),
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
    requests,
    changes,
    size: () => model.size,
    supervisedQueueIds: () => feed.queues().filter((queue) => queue.supervised).map((queue) => queue.id),
    loaded,
    polls(count) {
      const wanted = counters.polls + count;
      return new Promise((resolve) => {
        const check = setInterval(() => {
          if (counters.polls < wanted) return;
          clearInterval(check);
          resolve();
        }, 50);
        waits.add(check);
      });
    },
    ids: () => [...model],
    stop() {
      stopped = true;
      feed.setDemand({ views: 0, visible: false });
      for (const handle of timers) clearTimeout(handle);
      timers.clear();
      for (const handle of waits) clearInterval(handle);
    },
  };
}
