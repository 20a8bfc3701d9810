import { effect, type ReadonlySignal } from '@preact/signals';
import type { ActionIntent, ActionRecord } from '../../model/actions';
import type { SingleOutcome } from './run';

export interface RunnerBridge {
  /** Send one intent to the worker's single-action runner; returns the request id its record will carry. */
  send(intent: ActionIntent): string;
  /** The action log as the worker publishes it. */
  records: ReadonlySignal<readonly ActionRecord[]>;
  /** The platform asked us to wait (429 Retry-After) until this time. */
  onThrottled(retryAt: number): void;
  /** Without any record after this long the runner dropped the intent (an identical action was in flight). */
  noRecordMs?: number;
}

/**
 * Dispatch for a bulk run: each item is an ordinary action, sent to the worker like a click would send it, and
 * settled when its record in the action log says so. A record held by Retry-After holds the whole run.
 */
export function dispatchThroughRunner(bridge: RunnerBridge) {
  return (intent: ActionIntent): Promise<SingleOutcome> =>
    new Promise((resolve) => {
      const requestId = bridge.send(intent);
      let seen = false;
      let stop: (() => void) | null = null;
      const finish = (outcome: SingleOutcome) => {
        clearTimeout(timer);
        queueMicrotask(() => stop?.());
        resolve(outcome);
      };
      const timer = setTimeout(() => {
        if (!seen) finish({ state: 'failed', failure: 'blocked', reason: 'bulk_fail_duplicate', detail: null });
      }, bridge.noRecordMs ?? 30_000);
      stop = effect(() => {
        const record = bridge.records.value.find((r) => r.id === requestId);
        if (!record) return;
        seen = true;
        if (record.retryAt !== null) bridge.onThrottled(record.retryAt);
        if (record.state === 'done') finish({ state: 'done', failure: null, reason: record.reason ?? null, detail: record.detail });
        else if (record.state === 'waitingForAgent') finish({ state: 'waiting', failure: null, reason: null, detail: null });
        else if (record.state === 'failed') {
          finish({ state: 'failed', failure: record.failure, reason: record.reason ?? null, detail: record.detail });
        }
      });
    });
}
