import { signal, type ReadonlySignal } from '@preact/signals';
import type { ActionFailure, ActionIntent } from '../../model/actions';

/** How a single action ended, as far as the bulk run waits for it. */
export interface SingleOutcome {
  /** waiting: a transfer or assignment the target agent has not answered yet; the run moves on. */
  state: 'done' | 'waiting' | 'failed';
  failure: ActionFailure | null;
  /** Our explanation, an i18n key. */
  reason: string | null;
  /** The platform's own message. */
  detail: string | null;
}

export type ItemState = 'queued' | 'running' | 'done' | 'waiting' | 'failed' | 'cancelled';

export interface ItemResult {
  intent: ActionIntent;
  state: ItemState;
  failure: ActionFailure | null;
  reason: string | null;
  detail: string | null;
}

/**
 * A bounded rate well inside the platform's service protection limits (6,000 requests per 5 min per user, 52 at
 * once; docs/platform.md). Each action costs the runner about six requests (re-read, call, note, confirmations),
 * so two at a time, one start every 400 ms, stays under 2 % of the request limit.
 */
const BULK_LIMITS = { concurrency: 2, gapMs: 400 };

export interface BulkRunDeps {
  /** Run one action through the normal single-action runner; resolves when it settled (or waits for an agent). */
  dispatch(intent: ActionIntent): Promise<SingleOutcome>;
  now(): number;
  sleep(ms: number): Promise<void>;
}

export interface BulkRun {
  results: ReadonlySignal<readonly ItemResult[]>;
  /** True until every item has a result (or was cancelled). */
  running: ReadonlySignal<boolean>;
  /** Epoch ms the run waits until because the platform said Retry-After; null when not held. */
  heldUntil: ReadonlySignal<number | null>;
  /** Stop starting items; the ones under way finish and report. */
  cancel(): void;
  /** The platform answered 429: start nothing new before this time. */
  holdUntil(epochMs: number): void;
  finished: Promise<void>;
}

export function startBulkRun(intents: readonly ActionIntent[], deps: BulkRunDeps, limits = BULK_LIMITS): BulkRun {
  const results = signal<readonly ItemResult[]>(
    intents.map((intent) => ({ intent, state: 'queued', failure: null, reason: null, detail: null })),
  );
  const running = signal(intents.length > 0);
  const heldUntil = signal<number | null>(null);
  let cancelled = false;
  let next = 0;
  let lastStart = -Infinity;

  const set = (index: number, change: Partial<ItemResult>) => {
    results.value = results.value.map((item, i) => (i === index ? { ...item, ...change } : item));
  };

  /** Wait for the rate gap and any Retry-After hold; both may move while we wait. */
  async function turn(): Promise<void> {
    for (;;) {
      const hold = heldUntil.peek() ?? 0;
      const at = Math.max(lastStart + limits.gapMs, hold);
      const wait = at - deps.now();
      if (wait <= 0 || cancelled) break;
      await deps.sleep(wait);
    }
    if (heldUntil.peek() !== null && heldUntil.peek()! <= deps.now()) heldUntil.value = null;
    lastStart = deps.now();
  }

  async function lane(): Promise<void> {
    while (!cancelled && next < intents.length) {
      const index = next++;
      await turn();
      if (cancelled) return set(index, { state: 'cancelled' });
      set(index, { state: 'running' });
      const outcome = await deps
        .dispatch(intents[index]!)
        .catch((error: unknown): SingleOutcome => ({ state: 'failed', failure: 'network', reason: null, detail: String(error) }));
      set(index, outcome);
    }
  }

  const lanes = Array.from({ length: Math.max(1, Math.min(limits.concurrency, intents.length)) }, lane);
  const finished = Promise.all(lanes).then(() => {
    running.value = false;
  });

  return {
    results,
    running,
    heldUntil,
    cancel() {
      cancelled = true;
      results.value = results.value.map((item) => (item.state === 'queued' ? { ...item, state: 'cancelled' } : item));
    },
    holdUntil(epochMs) {
      if (epochMs > (heldUntil.peek() ?? 0)) heldUntil.value = epochMs;
    },
    finished,
  };
}

/** Counts for the summary line ("7 done, 1 waiting for the agent, 2 failed, 3 cancelled"). */
export function tally(results: readonly ItemResult[]): Record<ItemState, number> {
  const counts: Record<ItemState, number> = { queued: 0, running: 0, done: 0, waiting: 0, failed: 0, cancelled: 0 };
  for (const item of results) counts[item.state] += 1;
  return counts;
}
