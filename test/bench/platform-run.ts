/**
 * One Node measurement of platform cost and freshness at one size: the real feed against the emulator for a
 * window, then the full-refetch baseline for a window, both with the same changes arriving (the emulator's own
 * traffic plus changes written through the Web API as another supervisor).
 */
import { DEFAULT_SETTINGS } from '../../lib/model/settings';
import { ACCESS_RECHECK_MS } from '../../lib/feed/access-monitor';
import { RECONCILE_MS } from '../../lib/feed/picture-sync';
import { checkAccess } from '../../lib/access/check-access';
import { createCounters } from '../../lib/dataverse/counters';
import { API_PATH, createWebApiTransport } from '../../lib/dataverse/web-api-transport';
import type { ScenarioName } from '../../emulator';
import { startEmulator, SUPERVISOR, type EmulatorSession } from './emulator-session';
import { startFeedProbe, type FeedProbe } from './feed-probe';
import { baselineRequest, startBaseline } from './baseline';
import { byTable, queryOf, sumOf } from './recording-fetch';
import { setOngoing } from './scale-world';
import { budgetShare, distribution, perMinute, type Distribution } from './stats';
import { sleep, within } from './time-box';

export interface PlatformSpec {
  label: string;
  scenario: ScenarioName;
  /** Ongoing conversations wanted (default: the scenario's own). */
  ongoing?: number;
  /**
   * How many poll cycles the feed is watched for after its first load (the emulator clock runs at real speed).
   * Whole cycles, so reads the feed makes only every few polls are counted at their true share.
   */
  windowPolls: number;
  /** How long the baseline is watched; 0 = not run (its cost is then the same list read, counted once per interval). */
  baselineWindowMs: number;
  /** Changes written through the Web API per second, on top of the emulator's own traffic. */
  writesPerSecond: number;
  pollIntervalSeconds?: number;
  log?: (line: string) => void;
}

export interface Cost {
  requestsPerMin: number;
  bytesPerMin: number;
  budgetPercent: number;
}

export interface PlatformFigures {
  label: string;
  ongoing: number;
  agents: number;
  pollIntervalMs: number;
  /** Role check + first full load, as the feed did it. */
  firstLoad: { requests: number; bytes: number; ms: number };
  accessCheck: { requests: number; bytes: number };
  /** The full re-read repeated every RECONCILE_MS: the first load without the role check. */
  reconcile: { requests: number; bytes: number; everyMs: number };
  window: { ms: number; polls: number; requests: number; bytes: number };
  /** Where the requests went, per table: the first load, and the polls in the window. */
  breakdown: { firstLoad: ReturnType<typeof byTable>; window: ReturnType<typeof byTable> };
  ours: Cost & { freshness: Distribution };
  baseline: Cost & { freshness: Distribution | null; source: 'measured' | 'same list read × reads per minute'; readMs: Distribution | null; listRead: { requests: number; bytes: number } };
}

/** Writes a change to a random ongoing conversation at random moments (so they fall evenly across poll phases). */
function startWrites(session: EmulatorSession, ids: () => string[], perSecond: number): () => Promise<void> {
  if (perSecond <= 0) return async () => undefined;
  let stopped = false;
  let n = 0;
  const loop = (async () => {
    while (!stopped) {
      await sleep((Math.random() * 2 * 1000) / perSecond);
      const pool = ids();
      if (stopped || pool.length === 0) continue;
      await session.patchConversation(pool[Math.floor(Math.random() * pool.length)]!, { subject: `Bench change ${++n}` }).catch(() => undefined);
    }
  })();
  return async () => {
    stopped = true;
    await loop;
  };
}

export async function measurePlatform(spec: PlatformSpec): Promise<PlatformFigures> {
  const log = spec.log ?? (() => undefined);
  const interval = spec.pollIntervalSeconds ?? DEFAULT_SETTINGS.pollIntervalSeconds;
  const session = await startEmulator(spec.scenario);
  let probe: FeedProbe | undefined;
  try {
    const world = session.emulator.world;
    if (spec.ongoing !== undefined) setOngoing(session.emulator, spec.ongoing);
    const platformNow = () => world.clock.nowMs();
    const supervisorFetch = await session.fetchAs(SUPERVISOR);

    // The role check on its own, with the feed's own code, to separate its cost from the full read.
    const accessCounters = createCounters();
    await checkAccess(createWebApiTransport({ org: session.url, counters: accessCounters, fetch: supervisorFetch }), DEFAULT_SETTINGS.actions, Date.now);
    const accessCheck = { requests: accessCounters.requests, bytes: accessCounters.bytes };

    const started = Date.now();
    probe = startFeedProbe({ org: session.url, fetch: supervisorFetch, platformNow, pollIntervalSeconds: interval });
    const loadedAt = await within(probe.loaded, 600_000, 'The first full load');
    const firstLoad = { ...sumOf(probe.requests), ms: loadedAt - started };
    const ongoing = probe.size();
    log(`${spec.label}: ${ongoing} ongoing loaded in ${(firstLoad.ms / 1000).toFixed(1)} s (${firstLoad.requests} requests)`);

    // Let the poll that catches up with the load's own duration pass before measuring the steady state.
    await within(probe.polls(1), 120_000, 'The first poll after the load');
    const before = { ...probe.counters };
    const windowStart = Date.now();
    probe.changes.startCounting();
    const stopWrites = startWrites(session, probe.ids, spec.writesPerSecond);
    await within(probe.polls(spec.windowPolls), spec.windowPolls * 30_000, `${spec.windowPolls} polls`);
    await stopWrites();
    const windowMs = Date.now() - windowStart;
    const window = { ms: windowMs, polls: probe.counters.polls - before.polls, requests: probe.counters.requests - before.requests, bytes: probe.counters.bytes - before.bytes };
    const breakdown = {
      firstLoad: byTable(probe.requests.filter((r) => r.at < loadedAt)),
      window: byTable(probe.requests.filter((r) => r.at >= windowStart && r.at < windowStart + windowMs)),
    };
    const queueIds = probe.supervisedQueueIds();
    const ids = probe.ids();
    const oursFreshness = distribution(probe.changes.delays);
    probe.stop();

    const reconcile = { requests: firstLoad.requests - accessCheck.requests, bytes: firstLoad.bytes - accessCheck.bytes, everyMs: RECONCILE_MS };
    // Per minute with one view open: the measured polls, less the ones a reconcile replaces, plus the reconcile and
    // the role re-check at their own periods.
    const perPoll = window.polls > 0 ? { requests: window.requests / window.polls, bytes: window.bytes / window.polls } : { requests: 0, bytes: 0 };
    const reconcilesPerMin = 60_000 / RECONCILE_MS;
    const checksPerMin = 60_000 / ACCESS_RECHECK_MS;
    const oursRequests = perMinute(window.requests, windowMs) + reconcilesPerMin * (reconcile.requests - perPoll.requests) + checksPerMin * accessCheck.requests;
    const oursBytes = perMinute(window.bytes, windowMs) + reconcilesPerMin * (reconcile.bytes - perPoll.bytes) + checksPerMin * accessCheck.bytes;

    // The baseline's one read is the same query the full load made: find its pages among the load's requests.
    const listQuery = queryOf(`${session.url}${API_PATH}${baselineRequest(queueIds).path}`);
    const listRead = sumOf(probe.requests.filter((r) => r.at < loadedAt && queryOf(r.url) === listQuery));
    let baseline: PlatformFigures['baseline'] = {
      requestsPerMin: perMinute(listRead.requests, interval * 1000),
      bytesPerMin: perMinute(listRead.bytes, interval * 1000),
      budgetPercent: budgetShare(perMinute(listRead.requests, interval * 1000)),
      freshness: null,
      source: 'same list read × reads per minute',
      readMs: null,
      listRead,
    };
    if (spec.baselineWindowMs > 0) {
      const report = startBaseline({ org: session.url, fetch: supervisorFetch, platformNow, queueIds, intervalMs: interval * 1000 });
      await within(report.loaded, 300_000, 'The baseline’s first read');
      const from = Date.now();
      report.changes.startCounting();
      const stop = startWrites(session, () => ids, spec.writesPerSecond);
      await sleep(spec.baselineWindowMs);
      await stop();
      await report.stop();
      // Reads that started inside the window, each counted whole.
      const counted = report.reads.filter((read) => read.startedAt >= from && read.startedAt < from + spec.baselineWindowMs);
      const requestsPerMin = perMinute(counted.reduce((sum, read) => sum + read.requests, 0), spec.baselineWindowMs);
      baseline = {
        requestsPerMin,
        bytesPerMin: perMinute(counted.reduce((sum, read) => sum + read.bytes, 0), spec.baselineWindowMs),
        budgetPercent: budgetShare(requestsPerMin),
        freshness: distribution(report.changes.delays),
        source: 'measured',
        readMs: distribution(report.reads.map((read) => read.ms)),
        listRead,
      };
    }

    const agents = [...world.store.rows('msdyn_agentstatuses')].length;
    return {
      label: spec.label,
      ongoing,
      agents,
      pollIntervalMs: interval * 1000,
      firstLoad,
      accessCheck,
      reconcile,
      window,
      breakdown,
      ours: { requestsPerMin: oursRequests, bytesPerMin: oursBytes, budgetPercent: budgetShare(oursRequests), freshness: oursFreshness },
      baseline,
    };
  } finally {
    probe?.stop();
    await session.close();
  }
}
