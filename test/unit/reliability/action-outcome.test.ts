import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createActionRunner } from '../../../lib/actions/runner';
import { pendingRecord, type ActionRecord } from '../../../lib/model/actions';
import { fakePlatform } from '../actions/fake-platform';
import { CONVERSATION_ID, ME } from '../actions/fixtures';

/**
 * A worker killed while a call was on the wire: the next worker finds the call marked as sent and must read the
 * outcome from the platform. The call can land after that first read (it was still travelling).
 */
const pending: ActionRecord = pendingRecord(
  'r1',
  { kind: 'monitor', conversationId: CONVERSATION_ID, etag: 'W/"1"' },
  'Invoice question',
  0,
);

beforeEach(() => vi.useFakeTimers({ now: new Date('2025-03-01T10:00:00Z') }));
afterEach(() => vi.useRealTimers());

describe('an action whose answer was lost with the worker', () => {
  it('is done when the platform shows the change a moment after the new worker first looks', async () => {
    const platform = fakePlatform();
    platform.stored = { version: 1, records: [pending], sent: ['r1'] };
    await createActionRunner(platform.deps).resume();
    setTimeout(() => platform.change({ participants: [{ agentId: ME, mode: 'monitor' }] }), 1_500);
    await vi.advanceTimersByTimeAsync(15_000);
    expect(platform.last()[0]).toMatchObject({ id: 'r1', state: 'done', failure: null });
    // Read back, never sent again.
    expect(platform.requests.filter((r) => r.method === 'POST')).toEqual([]);
  });

  it('is reported as not applied only after the platform has had time to show it', async () => {
    const platform = fakePlatform();
    platform.stored = { version: 1, records: [pending], sent: ['r1'] };
    await createActionRunner(platform.deps).resume();
    await vi.advanceTimersByTimeAsync(5_000);
    expect(platform.last()[0]?.state).toBe('pending');
    await vi.advanceTimersByTimeAsync(10_000);
    expect(platform.last()[0]).toMatchObject({ state: 'failed', failure: 'network', reason: 'actions_reason_notApplied' });
    expect(platform.requests.filter((r) => r.method === 'POST')).toEqual([]);
  });
});
