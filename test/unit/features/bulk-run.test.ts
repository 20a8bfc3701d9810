import { signal } from '@preact/signals';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { startBulkRun, tally, type SingleOutcome } from '../../../lib/features/bulk-actions/run';
import { dispatchThroughRunner } from '../../../lib/features/bulk-actions/dispatch';
import { pendingRecord, type ActionIntent, type ActionRecord } from '../../../lib/model/actions';

const intent = (n: number): ActionIntent => ({ kind: 'forceClose', conversationId: `c${n}`, etag: 'W/"1"' });
const ok: SingleOutcome = { state: 'done', failure: null, reason: null, detail: null };

/** Fake timers: rate limits are measured on a virtual clock without waiting. */
const clock = () => ({ now: () => Date.now(), sleep: (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)) });
async function settle(run: { finished: Promise<void> }) {
  await vi.runAllTimersAsync();
  await run.finished;
}

describe('bulk run', () => {
  beforeEach(() => void vi.useFakeTimers());
  afterEach(() => void vi.useRealTimers());

  it('runs every item with at most `concurrency` at once and at least `gapMs` between starts', async () => {
    const c = clock();
    let active = 0;
    let peak = 0;
    const starts: number[] = [];
    const run = startBulkRun(
      [1, 2, 3, 4, 5].map(intent),
      {
        ...c,
        dispatch: async () => {
          starts.push(c.now());
          peak = Math.max(peak, ++active);
          await Promise.resolve();
          active--;
          return ok;
        },
      },
      { concurrency: 2, gapMs: 400 },
    );
    await settle(run);
    expect(peak).toBeLessThanOrEqual(2);
    expect(starts.slice(1).every((at, i) => at - starts[i]! >= 400)).toBe(true);
    expect(tally(run.results.value).done).toBe(5);
    expect(run.running.value).toBe(false);
  });

  it('lists partial failures with their reasons', async () => {
    const c = clock();
    const run = startBulkRun([1, 2, 3].map(intent), {
      ...c,
      dispatch: async (i) =>
        i.conversationId === 'c2' ? { state: 'failed', failure: 'rule', reason: null, detail: 'Channel rule: record' } : ok,
    });
    await settle(run);
    expect(run.results.value.map((r) => r.state)).toEqual(['done', 'failed', 'done']);
    expect(run.results.value[1]).toMatchObject({ failure: 'rule', detail: 'Channel rule: record' });
  });

  it('cancel midway: queued items are cancelled, the one under way finishes', async () => {
    const c = clock();
    let release: () => void = () => undefined;
    const run = startBulkRun(
      [1, 2, 3, 4].map(intent),
      {
        ...c,
        dispatch: () => new Promise<SingleOutcome>((resolve) => (release = () => resolve(ok))),
      },
      { concurrency: 1, gapMs: 0 },
    );
    await Promise.resolve();
    run.cancel();
    release();
    await settle(run);
    expect(run.results.value.map((r) => r.state)).toEqual(['done', 'cancelled', 'cancelled', 'cancelled']);
  });

  it('holds new starts until the platform’s Retry-After time', async () => {
    const c = clock();
    const starts: number[] = [];
    const run = startBulkRun(
      [1, 2].map(intent),
      {
        ...c,
        dispatch: async () => {
          starts.push(c.now());
          if (starts.length === 1) run.holdUntil(c.now() + 30_000);
          return ok;
        },
      },
      { concurrency: 1, gapMs: 0 },
    );
    await settle(run);
    expect(starts[1]! - starts[0]!).toBeGreaterThanOrEqual(30_000);
  });
});

describe('dispatch through the single-action runner', () => {
  const record = (change: Partial<ActionRecord>): ActionRecord => ({ ...pendingRecord('r1', intent(1), '', 0), ...change });

  it('settles with the record’s result and passes Retry-After on', async () => {
    const records = signal<ActionRecord[]>([]);
    const holds: number[] = [];
    const dispatch = dispatchThroughRunner({ send: () => 'r1', records, onThrottled: (at) => holds.push(at) });
    const outcome = dispatch(intent(1));
    records.value = [record({ retryAt: 5000 })];
    records.value = [record({ state: 'failed', failure: 'forbidden', detail: 'Queue rule' })];
    await expect(outcome).resolves.toEqual({ state: 'failed', failure: 'forbidden', reason: null, detail: 'Queue rule' });
    expect(holds).toEqual([5000]);
  });

  it('a transfer waiting for the agent counts as sent; a dropped duplicate says so', async () => {
    const records = signal<ActionRecord[]>([record({ state: 'waitingForAgent' })]);
    await expect(dispatchThroughRunner({ send: () => 'r1', records, onThrottled: () => undefined })(intent(1))).resolves.toMatchObject({
      state: 'waiting',
    });
    await expect(
      dispatchThroughRunner({ send: () => 'nope', records, onThrottled: () => undefined, noRecordMs: 5 })(intent(1)),
    ).resolves.toMatchObject({ reason: 'bulk_fail_duplicate' });
  });
});
