/**
 * Every figure of a run in words: the issue's targets with PASS, FAIL or n/a, then the figures that explain them
 * (info). Each says in one sentence what it measures.
 */
import type { BusyFigures } from './busy-session';
import type { ColdStart, LongTaskFigures } from './view-phases';
import type { FreshnessFigures } from './freshness';
import { formatBytes, formatCount, formatMs, formatPercent } from './format';
import type { BenchResults, Outcome } from './results';
import { percentile, type Latency } from './stats';

export interface Figure {
  name: string;
  measured: string;
  /** null for information that has no target. */
  limit: string | null;
  /** null when it could not be measured (or has no target). */
  pass: boolean | null;
  /** What the figure measures, in one sentence. */
  about: string;
}

const KB = 1024;
const MB = 1024 * KB;
const LIMITS = {
  freshnessP95Ms: 2_000,
  /** 5 % of the service-protection budget (6,000 requests per 5 minutes). */
  requestsPerMin: 60,
  /** Ten views may ask for at most this share more than one, for requests cut by the windows' edges. */
  tenViewsExtra: 0.05,
  bytesShare: 0.02,
  quietBytes: 10 * MB,
  cold10kMs: 3_000,
  cold50kMs: 6_000,
  longTaskMs: 50,
  contentScriptGzip: 15 * KB,
  heap50kMb: 80,
} as const;

const formatLatency = (value: Latency | null, missAfterMs: number): string =>
  value === null ? 'n/a' : value === 'miss' ? `miss (> ${formatMs(missAfterMs)})` : formatMs(value);

const minutes = (ms: number) => `${Number((ms / 60_000).toFixed(1))} min`;
const perMin = (n: number) => `${n.toFixed(1)}/min`;
const na = (reason: string) => `n/a (${reason})`;

/** p95 and the rest of a freshness figure, in words. */
function freshnessWords(f: FreshnessFigures): string {
  const at = (value: Latency | null) => formatLatency(value, f.missAfterMs);
  const runs = f.runs.length > 1 && f.p95Spread ? `; p95 of the ${f.runs.length} runs ${at(f.p95Spread.min)}–${at(f.p95Spread.max)}` : '';
  return `p95 ${at(f.pooled.p95)} (p50 ${at(f.pooled.p50)}, max ${at(f.pooled.max)}; ${f.pooled.samples} changes, ${f.pooled.misses} missed${runs})`;
}

/** A figure from one section: n/a with the section's reason when it did not run, or when `read` has nothing. */
function from<T>(
  outcome: Outcome<T>,
  base: Omit<Figure, 'measured' | 'pass'>,
  read: (value: T) => { measured: string; pass: boolean | null } | null,
): Figure {
  if (!outcome.ok) return { ...base, measured: na(outcome.reason), pass: null };
  const result = read(outcome.value);
  return result ? { ...base, ...result } : { ...base, measured: na('not measured'), pass: null };
}

function freshnessTarget(results: BenchResults): Figure {
  const plan = results.plan.busy;
  return from(
    results.busy,
    {
      name: 'Change on the platform → visible in the row, busy (10,000 ongoing), p95',
      limit: `≤ ${formatMs(LIMITS.freshnessP95Ms)}`,
      about: `From the moment another supervisor's change to a conversation on screen is sent to the platform (Web API PATCH, seeded random rows and moments, ${plan.changesPerSecond} a second) until a MutationObserver in the overlay sees the row's DOM contain it; ${plan.conversationChanges} changes in each of ${plan.freshnessRuns} runs, one view open, a change not seen within ${formatMs(plan.missAfterMs)} counted as a miss (slower than any delay).`,
    },
    (b) => {
      const f = b.freshness.conversation;
      const p95 = f.pooled.p95;
      return p95 === null ? null : { measured: freshnessWords(f), pass: p95 !== 'miss' && p95 <= LIMITS.freshnessP95Ms };
    },
  );
}

function coldWords(samples: readonly { ms: number | null; limitMs: number }[]): { median: number | null; words: string } {
  const values = samples.map((sample) => (sample.ms === null ? ('miss' as const) : sample.ms));
  const median = percentile(values, 50);
  const each = samples.map((sample) => (sample.ms === null ? `not within ${formatMs(sample.limitMs)}` : formatMs(sample.ms))).join(', ');
  const words =
    samples.length > 1 ? `median ${median === 'miss' ? `not within ${formatMs(samples[0]!.limitMs)}` : formatMs(median)} (${each})` : each;
  return { median: median === 'miss' ? null : median, words };
}

/** Why a 50,000 figure that needs the whole list on screen has none: a failure of that target, not a gap. */
const neverShown = (results: BenchResults) => `the whole list never showed within ${formatMs(results.plan.large.coldLimitMs)}`;

export function evaluateTargets(results: BenchResults): Figure[] {
  const plan = results.plan;
  return [
    freshnessTarget(results),
    from(
      results.busy,
      {
        name: 'All requests of the extension with one view open, busy',
        limit: `≤ ${LIMITS.requestsPerMin}/min (5 % of the budget)`,
        about: `Every Web API request the emulator logged for the signed-in supervisor while only the workspace tab's overlay was open, over ${minutes(plan.busy.oneViewMs)} from the moment the whole list showed (long enough to hold each periodic read at its own period: polls, presence, participants, switches, locks, shared log, role re-checks, the safety re-read), per minute; the budget is 6,000 requests per 5 minutes.`,
      },
      (b) => ({
        measured: `${perMin(b.oneView.requestsPerMin)} (${b.oneView.budgetPercent.toFixed(1)} % of the budget; ${formatCount(b.oneView.requests)} in ${minutes(b.oneView.ms)}, ${formatCount(b.ongoing.atStart)} → ${formatCount(b.ongoing.atEnd)} ongoing)`,
        pass: b.oneView.requestsPerMin <= LIMITS.requestsPerMin,
      }),
    ),
    from(
      results.busy,
      {
        name: 'Ten open views (overlays, side panels, tabs) vs one: requests',
        limit: `the same (≤ ${LIMITS.tenViewsExtra * 100} % more)`,
        about: `Requests per minute with ten views open (five workspace tabs with their overlays, five side panels as tabs) over ${minutes(plan.busy.tenViewsMs)}, against one view (the overlay) over the same length of time just before, both while the same number of changes is written at the same rate.`,
      },
      (b) => {
        if (!b.tenViews) return null;
        const { window: ten, oneViewBefore: one } = b.tenViews;
        const extra = one.requestsPerMin > 0 ? ten.requestsPerMin / one.requestsPerMin - 1 : Number.POSITIVE_INFINITY;
        return {
          measured: `${b.tenViews.views} views ${perMin(ten.requestsPerMin)} vs one view ${perMin(one.requestsPerMin)} (${extra >= 0 ? '+' : ''}${(extra * 100).toFixed(1)} %)`,
          pass: extra <= LIMITS.tenViewsExtra,
        };
      },
    ),
    from(
      results.busy,
      {
        name: 'Bytes/min at 10,000 ongoing vs the naive re-read',
        limit: `≤ ${LIMITS.bytesShare * 100} %`,
        about:
          "Response bytes the extension was sent per minute over the one-view window (bodies as the emulator sends them, uncompressed), as a share of what a naive panel that re-reads the whole ongoing list every interval is sent per minute in the same org; the naive panel runs after the window, when the org has fewer conversations, so its bytes are scaled by the window's mean ongoing count (the start and end counts averaged) over the rows it read.",
      },
      (b) => {
        if (!results.naive.busy.ok) return { measured: na(`naive panel: ${results.naive.busy.reason}`), pass: null };
        const naive = results.naive.busy.value;
        const meanOngoing = (b.ongoing.atStart + b.ongoing.atEnd) / 2;
        const naivePerMin = naive.ongoing > 0 ? (naive.bytesPerMin * meanOngoing) / naive.ongoing : 0;
        const share = naivePerMin > 0 ? b.oneView.bytesPerMin / naivePerMin : Number.POSITIVE_INFINITY;
        return {
          measured: `${formatPercent(share)} (${formatBytes(b.oneView.bytesPerMin)}/min vs ${formatBytes(naivePerMin)}/min: ${formatBytes(naive.bytesPerMin)}/min at ${formatCount(naive.ongoing)} rows × ${formatCount(meanOngoing)} / ${formatCount(naive.ongoing)})`,
          pass: share <= LIMITS.bytesShare,
        };
      },
    ),
    from(
      results.quiet,
      {
        name: 'The periodic safety re-read at 50,000 ongoing',
        limit: `≤ ${formatBytes(LIMITS.quietBytes)} per 10 min`,
        about: `Every response byte the extension was sent in ${minutes(plan.large.quietMs)} with the org quiet (its simulated traffic stopped while its clock runs on, as on a quiet night: time passes, nothing changes) at 50,000 ongoing, one view open, starting within a minute of the first load — a window that holds one 10-minute period of every periodic read, so a whole re-read shows in full; not scaled down to 10 minutes.`,
      },
      (q) => ({
        measured: `${formatBytes(q.window.bytes)} in ${minutes(q.window.ms)} (${formatCount(q.window.requests)} requests${results.large.ok && !results.large.value.listShown ? `; ${neverShown(results)}, so the first load may still have been under way` : ''})`,
        pass: q.window.bytes <= LIMITS.quietBytes,
      }),
    ),
    from(
      results.busyCold,
      {
        name: 'Cold: sign-in → whole list on screen, 10,000 ongoing',
        limit: `≤ ${formatMs(LIMITS.cold10kMs)} (median)`,
        about: `From navigating a fresh browser profile to the sign-in page until a MutationObserver in the overlay sees the grid count ${'99.5 %'} of the ongoing conversations; ${plan.busy.coldStarts} fresh profiles, judged on the median.`,
      },
      (cold) => {
        const { median, words } = coldWords(cold);
        return { measured: words, pass: median !== null && median <= LIMITS.cold10kMs };
      },
    ),
    from(
      results.largeCold,
      {
        name: 'Cold: sign-in → whole list on screen, 50,000 ongoing',
        limit: `≤ ${formatMs(LIMITS.cold50kMs)} (median)`,
        about: `The same as at 10,000, in the org grown to 50,000 ongoing conversations; ${plan.large.coldStarts} fresh profiles, judged on the median.`,
      },
      (cold) => {
        const { median, words } = coldWords(cold);
        return { measured: words, pass: median !== null && median <= LIMITS.cold50kMs };
      },
    ),
    from(
      results.busy,
      {
        name: 'Longest main-thread task while 10,000 rows update and scroll',
        limit: `≤ ${LIMITS.longTaskMs} ms`,
        about: `The longest task the Long Tasks API reports in the page that renders the panel, while the grid scrolls ${'400'} px every frame for ${formatMs(plan.busy.longTaskMs)} and rows change (the org's traffic plus 2 writes a second): once in the overlay's frame alone, once in a side panel tab (with the overlay's frame, in the same renderer, watched too).`,
      },
      (b) => {
        const { overlay, sidePanel, overlayBehindSidePanel } = b.longTasks;
        const measured = [overlay, sidePanel, overlayBehindSidePanel].filter((figure) => figure !== null);
        if (measured.length === 0) return null;
        const longest = Math.max(...measured.map((figure) => figure.longestMs));
        const ms = (figure: { longestMs: number } | null) => (figure ? formatMs(figure.longestMs) : 'n/a');
        return {
          measured: `${formatMs(longest)} (overlay ${ms(overlay)}; side panel ${ms(sidePanel)}, overlay meanwhile ${ms(overlayBehindSidePanel)})`,
          pass: longest <= LIMITS.longTaskMs && measured.length === 3 ? true : longest > LIMITS.longTaskMs ? false : null,
        };
      },
    ),
    from(
      results.large,
      {
        name: 'Longest main-thread task while 50,000 rows update and scroll',
        limit: `≤ ${LIMITS.longTaskMs} ms`,
        about: "The same in the overlay's frame at 50,000 ongoing.",
      },
      (l) =>
        l.longTask
          ? {
              measured: `${formatMs(l.longTask.longestMs)} (${l.longTask.longTasks} long tasks in ${formatMs(l.longTask.windowMs)})`,
              pass: l.longTask.longestMs <= LIMITS.longTaskMs,
            }
          : { measured: `not measurable: ${neverShown(results)}`, pass: false },
    ),
    from(
      results.bundle,
      {
        name: 'Content script, gzip (store build)',
        limit: `≤ ${formatBytes(LIMITS.contentScriptGzip)}`,
        about:
          'The files the manifest injects into every workspace page, from the store build (`wxt build`, Chrome), gzip level 9 per file.',
      },
      (b) => ({ measured: formatBytes(b.contentScript.gzip), pass: b.contentScript.gzip <= LIMITS.contentScriptGzip }),
    ),
    from(
      results.large,
      {
        name: 'Panel JS heap at 50,000 ongoing',
        limit: `≤ ${LIMITS.heap50kMb} MB`,
        about:
          "JS heap in use in the overlay frame's renderer after a forced garbage collection (DevTools protocol), the overlay the only view open, after the long-task measurement.",
      },
      (l) => {
        if (l.heapMb.overlay === null) return null;
        const mb = `${l.heapMb.overlay.toFixed(1)} MB`;
        return l.listShown
          ? { measured: mb, pass: l.heapMb.overlay <= LIMITS.heap50kMb }
          : { measured: `${mb}, but ${neverShown(results)}`, pass: false };
      },
    ),
  ];
}

const info = (name: string, measured: string, about: string): Figure => ({ name, measured, limit: null, pass: null, about });

function busyInfo(b: BusyFigures, missAfterMs: number): Figure[] {
  const scroll = (f: LongTaskFigures | null) =>
    f ? `${formatMs(f.scrollFrames.p50)} / ${formatMs(f.scrollFrames.p95)} / ${formatMs(f.scrollFrames.max)}` : 'n/a';
  const mb = (value: number | null) => (value === null ? 'n/a' : `${value.toFixed(1)} MB`);
  return [
    info(
      'Warm: side panel opened → whole list, busy',
      b.warmPanelMs === null ? 'not within 60 s' : formatMs(b.warmPanelMs),
      "From the side panel page's navigation start (opened as a tab, the worker already holding the whole picture) until its grid counts 99.5 % of the ongoing conversations.",
    ),
    info(
      'Agent presence change → agents view, busy',
      freshnessWords(b.freshness.presence),
      `From an agent's presence being changed on the platform (the emulator's row control, seeded agents and moments) until the agent's row in the overlay's agents view shows the new presence; a miss after ${formatMs(missAfterMs)}.`,
    ),
    info(
      'Pending transfer → shown for the conversation, busy',
      freshnessWords(b.freshness.participant),
      `From another supervisor starting a transfer (the CCaaS action, as Sam) on a conversation whose details are open in the overlay until the row or its details show the transfer waiting for the agent (today only the details show it); a miss after ${formatMs(missAfterMs)}.`,
    ),
    info(
      'Change → visible in the row, one view vs ten views open',
      `one view: ${freshnessWords(b.freshness.withOneViewBefore)}; ten views: ${freshnessWords(b.freshness.withTenViews)}`,
      "The conversation freshness measurement twice more, in the front workspace tab's overlay: with it alone, then while ten views are open (the windows of the requests comparison).",
    ),
    info(
      'Requests/min with no view open (alerts keep polling), busy',
      b.noView
        ? `${perMin(b.noView.requestsPerMin)} (${formatBytes(b.noView.bytesPerMin)}/min over ${minutes(b.noView.ms)})`
        : 'n/a (see the notes)',
      'Every request of the supervisor while no view is open (the overlay turned off in the options page, the workspace reloaded), alerts on as by default, per minute.',
    ),
    info(
      'Bytes/min with one view open, busy',
      `${formatBytes(b.oneView.bytesPerMin)}/min`,
      'Response bytes the extension was sent per minute over the one-view window.',
    ),
    info(
      'Scroll frame time p50 / p95 / max, busy',
      `overlay ${scroll(b.longTasks.overlay)}; side panel ${scroll(b.longTasks.sidePanel)}`,
      'Time between animation frames while the grid scrolls during the long-task measurement.',
    ),
    info(
      'JS heap, busy',
      `overlay frame ${mb(b.heapMb.overlay)} (one view); side panel tab ${mb(b.heapMb.sidePanel)} (two views); worker ${mb(b.heapMb.worker)}`,
      "JS heap in use after a forced garbage collection, per DevTools target: the extension's pages may share one renderer (and heap).",
    ),
  ];
}

const coldCost = (samples: readonly ColdStart[]) =>
  samples.map((c) => `${formatCount(c.requests)} requests, ${formatBytes(c.bytes)} (${formatCount(c.ongoing)} ongoing)`).join('; ');

export function evaluateInfo(results: BenchResults): Figure[] {
  const rows: Figure[] = [];
  const missAfterMs = results.plan.busy.missAfterMs;
  if (results.busyCold.ok)
    rows.push(
      info(
        'Cold start cost, busy',
        coldCost(results.busyCold.value),
        "Requests the extension made and bytes it was sent between sign-in and the whole list on screen, per cold start, and the platform's ongoing count at sign-in.",
      ),
    );
  if (results.busy.ok) rows.push(...busyInfo(results.busy.value, missAfterMs));
  for (const [label, naive] of [
    ['10,000', results.naive.busy],
    ['50,000', results.naive.large],
  ] as const) {
    rows.push(
      from(
        naive,
        {
          name: `Naive panel at ${label} ongoing`,
          limit: null,
          about: `A naive panel that re-reads the whole ongoing list every ${results.pollIntervalSeconds} s (every page, the extension's list columns), never two reads at once, so its rate is bounded by its own read time: reads a minute = 60 s ÷ max(interval, mean read time), requests and bytes a read as measured.`,
        },
        (n) => ({
          measured: `${n.readsPerMin.toFixed(1)} reads/min (read ${formatMs(n.readMs.p50)} median of ${n.reads.length}), ${perMin(n.requestsPerMin)} requests, ${formatBytes(n.bytesPerMin)}/min`,
          pass: null,
        }),
      ),
    );
  }
  if (results.largeCold.ok)
    rows.push(
      info(
        'Cold start cost at 50,000 ongoing',
        coldCost(results.largeCold.value),
        'Requests and bytes between sign-in and the whole list on screen, per cold start.',
      ),
    );
  if (results.large.ok) {
    const l = results.large.value;
    if (l.heapMb.worker !== null)
      rows.push(
        info(
          'JS heap of the worker at 50,000 ongoing',
          `${l.heapMb.worker.toFixed(1)} MB`,
          "The service worker's JS heap in use after a forced garbage collection.",
        ),
      );
    if (l.longTask)
      rows.push(
        info(
          'Scroll frame time p50 / p95 / max at 50,000 ongoing',
          `${formatMs(l.longTask.scrollFrames.p50)} / ${formatMs(l.longTask.scrollFrames.p95)} / ${formatMs(l.longTask.scrollFrames.max)}`,
          "Time between animation frames while the overlay's grid scrolls during the long-task measurement.",
        ),
      );
  }
  if (results.quiet.ok) {
    const q = results.quiet.value;
    rows.push(
      info(
        'Requests/min in the quiet window at 50,000 ongoing',
        `${perMin(q.window.requestsPerMin)}${q.extendedMs > 0 ? ` (window held ${formatMs(q.extendedMs)} longer for a read under way)` : ''}`,
        'Every request of the supervisor in the quiet window, per minute.',
      ),
    );
  }
  if (results.bundle.ok) {
    const b = results.bundle.value;
    rows.push(info('Content script, raw', formatBytes(b.contentScript.raw), 'The same files uncompressed.'));
    rows.push(
      info(
        'Side panel page (HTML, scripts, styles), raw / gzip',
        `${formatBytes(b.panel.raw)} / ${formatBytes(b.panel.gzip)}`,
        'What sidepanel.html loads from the store build.',
      ),
    );
    rows.push(
      info(
        "Overlay page in the loader's frame, raw / gzip",
        `${formatBytes(b.overlayPage.raw)} / ${formatBytes(b.overlayPage.gzip)}`,
        'What overlay.html loads from the store build.',
      ),
    );
  }
  return rows;
}
