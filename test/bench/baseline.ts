/**
 * The baseline: what the native "ongoing conversations" report does — read the whole ongoing list of the
 * supervisor's queues every interval, every page, with the same columns as the feed. Runs over the same transport
 * code so requests and bytes are counted the same way.
 */
import { z } from 'zod';
import { conversationsRequest } from '../../lib/dataverse/operations/conversations';
import { readAllPages } from '../../lib/dataverse/paging';
import { createCounters } from '../../lib/dataverse/counters';
import { createWebApiTransport } from '../../lib/dataverse/web-api-transport';
import { ChangeDelays } from './change-delays';

export interface BaselineOptions {
  org: string;
  fetch: typeof fetch;
  platformNow: () => number;
  queueIds: readonly string[];
  intervalMs: number;
}

export interface Baseline {
  changes: ChangeDelays;
  /** Resolves after the first complete read. */
  loaded: Promise<void>;
  /** Each complete read: when it started (real epoch ms), what it cost and how long it took. */
  reads: { startedAt: number; requests: number; bytes: number; ms: number }[];
  stop(): Promise<void>;
}

const RowStamp = z.object({ activityid: z.string(), modifiedon: z.string() });

/** The ongoing list as the native report asks for it (exported so the bench can recognise the same query elsewhere). */
export const baselineRequest = (queueIds: readonly string[]) => conversationsRequest(queueIds);

export function startBaseline(options: BaselineOptions): Baseline {
  const counters = createCounters();
  const changes = new ChangeDelays();
  const transport = createWebApiTransport({ org: options.org, counters, fetch: options.fetch });
  const reads: Baseline['reads'] = [];
  let stopped = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let markLoaded: () => void = () => undefined;
  const loaded = new Promise<void>((resolve) => (markLoaded = resolve));

  // One read per interval, never two at once: a read that takes longer than the interval delays the next.
  const cycle = async (): Promise<void> => {
    const started = Date.now();
    const before = { ...counters };
    const result = await readAllPages(transport, baselineRequest(options.queueIds));
    const at = options.platformNow();
    if (result.ok) {
      reads.push({ startedAt: started, requests: counters.requests - before.requests, bytes: counters.bytes - before.bytes, ms: Date.now() - started });
      for (const row of result.value.rows) {
        const stamp = RowStamp.safeParse(row);
        if (stamp.success) changes.observe(stamp.data.activityid, stamp.data.modifiedon, at);
      }
      markLoaded();
    }
    if (!stopped) timer = setTimeout(() => void (running = cycle()), Math.max(0, options.intervalMs - (Date.now() - started)));
  };
  let running = cycle();

  return {
    changes,
    loaded,
    reads,
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await running;
    },
  };
}
