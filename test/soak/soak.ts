import { TargetType, type Page } from 'puppeteer';
import { SOFIA } from '../../emulator/personas';
import { Random } from '../../emulator/world/random';
import type { ActionRecord } from '../../lib/model/actions';
import { RECONCILE_MS } from '../../lib/feed/picture-sync';
import { startHarness, type Harness } from '../e2e/harness';
import { allRows } from '../e2e/screen';
import { grewWithoutBound, heapAfterGc, megabytes } from './memory';
import { nextAction, nextFault, type FaultStep } from './plan';
import { kindOf, ongoingByQueue, openView, requestsSince, sendAction, stateOf, waitForState, webApi, type LoggedRequest } from './probe';

/**
 * The soak: simulated traffic on the emulator's clock (time-compressed by `speed`, or real time at speed 1), random
 * faults and supervisor actions from a seeded stream, the side panel open throughout. At the end: the panel's list
 * (on screen and in the worker) against the platform's ongoing set, every action's outcome, what the worker asked the
 * platform, and the heap of the worker and the panel over time. The worker's periodic full re-read runs on the
 * browser's clock, not the org's: only a real-time run of more than RECONCILE_MS sees it.
 */

export interface SoakOptions {
  /** Wall time of traffic, before settling and checking. */
  wallSeconds: number;
  /** Virtual seconds per real second. */
  speed: number;
  seed: number;
  log?: (line: string) => void;
}

export interface SoakReport {
  virtualMinutes: number;
  /** Real minutes of traffic. */
  wallMinutes: number;
  faults: string[];
  actions: {
    issued: number;
    outcomes: Record<string, number>;
    /** Issued but never seen with a final outcome. */
    unfinished: string[];
    /** Seen final, then seen different: two outcomes for one action. */
    changedAfterFinal: string[];
    /** Conversation/action pairs the platform accepted more than once. */
    appliedTwice: string[];
  };
  /**
   * `missing`/`extra`: the worker's list against the platform's ongoing set; `shownMissing`/`shownExtra`: the rows
   * the side panel shows (scrolled through) against it.
   */
  list: {
    panelRows: number;
    feedIds: number;
    platformIds: number;
    missing: string[];
    extra: string[];
    shownMissing: string[];
    shownExtra: string[];
  };
  /** What the worker asked the platform during the traffic (the emulator's log). */
  requests: {
    total: number;
    perMinute: number;
    byKind: Record<string, number>;
    /** When the worker read the whole list again (its periodic safety re-read), ISO times. */
    fullReads: string[];
    /** The traffic lasted long enough that at least one periodic full re-read is due. */
    fullReadDue: boolean;
  };
  heapMb: { worker: number[]; panel: number[] };
  workerGrew: boolean;
  panelGrew: boolean;
}

type Observed = ActionRecord['state'] | 'issued';
const FINAL = new Set<Observed>(['done', 'failed']);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export async function runSoak(options: SoakOptions): Promise<SoakReport> {
  const log = options.log ?? (() => undefined);
  const random = new Random(options.seed);
  const h = await startHarness({ scenario: 'typical', seed: options.seed, speed: options.speed, user: SOFIA.upn });
  try {
    const view = await openView(h);
    const panel = await h.openSidePanel();
    await panel.setViewport({ width: 420, height: 900 });
    await panel.waitForSelector('[role="grid"] [role="row"][aria-rowindex="2"]', { timeout: 30_000 });
    await waitForState(view, "s.freshness.state === 'live'", 15_000);
    const started = new Date();
    const virtualStart = Date.parse((await h.control<{ now: string }>('state')).now);

    const seen = new Map<string, Observed[]>();
    /** Each action's last outcome in words: "done", "failed (conflict: actions_reason_…)". */
    const outcomeOf = new Map<string, string>();
    const observe = async () => {
      for (const record of (await stateOf(view))?.actions ?? []) {
        const states = seen.get(record.id);
        if (states && states.at(-1) !== record.state) states.push(record.state);
        if (states)
          outcomeOf.set(
            record.id,
            record.failure ? `${record.state} (${[record.failure, record.reason].filter(Boolean).join(': ')})` : record.state,
          );
      }
    };
    const heap = { worker: [] as number[], panel: [] as number[] };
    const panelSession = await panel.createCDPSession();
    const sample = async () => {
      heap.worker.push(await workerHeap(h));
      heap.panel.push(await heapAfterGc(panelSession));
      log(`soak: heap after GC — worker ${megabytes(heap.worker.at(-1)!)} MB, panel ${megabytes(heap.panel.at(-1)!)} MB`);
    };

    const faults: string[] = [];
    const used = new Set<string>();
    let fault: { step: FaultStep; until: number } | null = null;
    const deadline = Date.now() + options.wallSeconds * 1000;
    const sampleEveryMs = Math.max(5_000, (options.wallSeconds * 1000) / 12);
    await sample();
    let nextSample = Date.now() + sampleEveryMs;
    while (Date.now() < deadline) {
      await observe();
      if (fault && Date.now() >= fault.until) {
        await h.control('faults', { clear: true });
        fault = null;
      } else if (!fault && random.chance(0.3)) {
        const step = nextFault(random);
        await h.control('faults', step.body);
        fault = { step, until: Date.now() + step.holdMs };
        faults.push(step.name);
        log(`soak: fault ${step.name} ${JSON.stringify(step.body)} for ${step.holdMs} ms`);
      }
      const state = (await stateOf(view))!;
      const intent = random.chance(0.5) ? nextAction(random, SOFIA.systemuserid, state.conversations, state.queues, used) : null;
      if (intent) {
        const id = `soak-${seen.size + 1}`;
        used.add(intent.conversationId);
        seen.set(id, ['issued']);
        await sendAction(view, intent, id);
      }
      if (Date.now() >= nextSample) {
        nextSample += sampleEveryMs;
        await sample();
      }
      await sleep(1_000);
    }

    const trafficEnded = new Date();
    // Only the worker reads the Web API as Sofia while the traffic runs (the workspace page and the org's simulated
    // agents do not go through it; this run's own reads of the platform come after).
    const workerRequests = (await requestsSince(h, started)).filter(
      (r) => r.user === SOFIA.upn && Date.parse(r.time) < trafficEnded.getTime(),
    );

    // Settle: faults off, every action to its end, then hold the floor still and let the feed catch up.
    await h.control('faults', { clear: true });
    const settleBy = Date.now() + 45_000;
    while (Date.now() < settleBy && [...seen.values()].some((states) => !FINAL.has(states.at(-1)!))) {
      await observe();
      await sleep(500);
    }
    await h.control('clock', { paused: true });
    const virtualMinutes = (Date.parse((await h.control<{ now: string }>('state')).now) - virtualStart) / 60_000;
    const pausedAt = Date.now();
    const intervalMs = (await stateOf(view))!.freshness.intervalMs;
    const state = await waitForState(view, `s.freshness.state === 'live' && s.freshness.lastSuccessAt > ${pausedAt + intervalMs}`, 30_000);
    await observe();
    await sample();

    const supervised = new Set(state.queues.filter((q) => q.supervised).map((q) => q.id));
    const platform = [...(await ongoingByQueue(webApi(h, SOFIA.upn))).entries()]
      .filter(([, queue]) => queue !== null && supervised.has(queue))
      .map(([id]) => id);
    const feedIds = new Set(state.conversations.map((c) => c.id));
    const platformIds = new Set(platform);
    const differing = [...platform.filter((id) => !feedIds.has(id)), ...[...feedIds].filter((id) => !platformIds.has(id))];
    if (differing.length > 0) {
      const fresh = await waitForState(await openView(h), 's.conversations.length > 0');
      const freshIds = new Set(fresh.conversations.map((c) => c.id));
      log(
        `soak: a new view's snapshot has ${freshIds.size} rows; of the differing ids it holds ${differing.filter((id) => freshIds.has(id)).length}`,
      );
    }
    for (const id of differing) {
      const row = await webApi(h, SOFIA.upn).call(
        'GET',
        `msdyn_ocliveworkitems(${id})?$select=statecode,statuscode,modifiedon,createdon,_msdyn_cdsqueueid_value`,
      );
      const shown = state.conversations.find((c) => c.id === id);
      log(
        `soak: ${id} platform ${JSON.stringify(row)} feed ${shown ? JSON.stringify({ status: shown.status, modifiedOn: shown.modifiedOn, queueId: shown.queueId, observedAt: new Date(shown.observedAt).toISOString() }) : 'absent'}`,
      );
    }
    const shown = new Set((await allRows(panel)).keys());
    const outcomes: Record<string, number> = {};
    for (const id of seen.keys()) {
      const last = outcomeOf.get(id) ?? 'never shown';
      outcomes[last] = (outcomes[last] ?? 0) + 1;
    }
    const wallMs = trafficEnded.getTime() - started.getTime();
    const byKind: Record<string, number> = {};
    for (const r of workerRequests) byKind[kindOf(r)] = (byKind[kindOf(r)] ?? 0) + 1;
    return {
      virtualMinutes: Math.round(virtualMinutes),
      wallMinutes: Math.round((wallMs / 60_000) * 10) / 10,
      faults,
      actions: {
        issued: seen.size,
        outcomes,
        unfinished: [...seen].filter(([, states]) => !FINAL.has(states.at(-1)!)).map(([id]) => id),
        changedAfterFinal: [...seen].filter(([, states]) => states.filter((s) => FINAL.has(s)).length > 1).map(([id]) => id),
        appliedTwice: await appliedTwice(h, started),
      },
      list: {
        panelRows: await gridRows(panel),
        feedIds: feedIds.size,
        platformIds: platformIds.size,
        missing: platform.filter((id) => !feedIds.has(id)),
        extra: [...feedIds].filter((id) => !platformIds.has(id)),
        shownMissing: platform.filter((id) => !shown.has(id)),
        shownExtra: [...shown].filter((id) => !platformIds.has(id)),
      },
      requests: {
        total: workerRequests.length,
        perMinute: Math.round((workerRequests.length / (wallMs / 60_000)) * 10) / 10,
        byKind,
        fullReads: workerRequests.filter(isFullRead).map((r) => r.time),
        // A minute's slack: the first full load came just before the traffic began.
        fullReadDue: wallMs >= RECONCILE_MS + 60_000,
      },
      heapMb: { worker: heap.worker.map(megabytes), panel: heap.panel.map(megabytes) },
      workerGrew: grewWithoutBound(heap.worker.filter(Number.isFinite)),
      panelGrew: grewWithoutBound(heap.panel),
    };
  } finally {
    await h.close();
  }
}

/** The worker's heap, through a session on whichever worker is running now (it may have been restarted). */
async function workerHeap(h: Harness): Promise<number> {
  const target = h.browser
    .targets()
    .find((t) => t.type() === TargetType.SERVICE_WORKER && t.url().startsWith(`chrome-extension://${h.extensionId}/`));
  if (!target) return Number.NaN;
  const session = await target.createCDPSession();
  try {
    return await heapAfterGc(session);
  } finally {
    await session.detach().catch(() => undefined);
  }
}

/** The first page of a read of every ongoing conversation: a full load, not an incremental read of changes. */
const isFullRead = (r: LoggedRequest) => {
  const path = decodeURIComponent(r.path);
  return (
    r.method === 'GET' &&
    path.startsWith('/api/data/v9.2/msdyn_ocliveworkitems?') &&
    path.includes('statecode eq 0') &&
    !path.includes('skiptoken')
  );
};

/** The panel's own count of rows in its list (the grid's aria-rowcount, minus the header row). */
const gridRows = (panel: Page) => panel.$eval('[role="grid"]', (grid) => Number(grid.getAttribute('aria-rowcount')) - 1);

/** Supervisor calls the platform accepted (2xx) more than once for the same conversation and action. */
async function appliedTwice(h: Harness, since: Date): Promise<string[]> {
  const counts = new Map<string, number>();
  for (const r of await requestsSince(h, since)) {
    const call = /msdyn_ocliveworkitems\(([^)]+)\)\/Microsoft\.Dynamics\.CRM\.(CCaaS_\w+)/.exec(r.path);
    if (r.method !== 'POST' || !call || r.status >= 300) continue;
    const key = `${call[1]} ${call[2]}`;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return [...counts].filter(([, n]) => n > 1).map(([key]) => key);
}
