// @vitest-environment node
import { describe, expect, it } from 'vitest';
import type { Alert } from '../../../lib/features/alerts/alert';
import { alertsChange, AlertsChangeSchema, applyAlertsChange } from '../../../lib/features/alerts/alerts-change';

const breach = (queue: string, ids: string[], value = 3): Alert => ({
  key: `breachSoon:${queue}`,
  kind: 'breachSoon',
  queueId: queue,
  queueName: queue,
  conversationIds: ids,
  value,
  label: null,
});
const idle = (queue: string, ids: string[]): Alert => ({ ...breach(queue, ids, 2), key: `idleMismatch:${queue}`, kind: 'idleMismatch' });
/** What a view shows of the alerts: their order, and each one's conversations as a set. */
const asShown = (alerts: readonly Alert[]) => alerts.map((alert) => ({ ...alert, conversationIds: [...alert.conversationIds].sort() }));

describe('alerts as changes', () => {
  it('carries only the conversations that came and went, and the fields of the alerts that changed', () => {
    const ids = Array.from({ length: 200 }, (_, i) => `c${i}`);
    const before = [breach('billing', ids), idle('tech', ['t1'])];
    const after = [breach('billing', [...ids.slice(1), 'c-new']), idle('tech', ['t1'])];
    const billing = { key: 'breachSoon:billing', kind: 'breachSoon', queueId: 'billing', queueName: 'billing', label: null };
    expect(alertsChange(before, after)).toEqual({
      keys: ['breachSoon:billing', 'idleMismatch:tech'],
      changed: [{ ...billing, value: 3, added: ['c-new'], removed: ['c0'] }],
    });
    expect(alertsChange(after, after)).toBeNull();
    // A figure that moves with the same conversations is a change of that alert alone.
    const fewerMinutes = [breach('billing', [...ids.slice(1), 'c-new'], 1), idle('tech', ['t1'])];
    expect(alertsChange(after, fewerMinutes)!.changed).toEqual([{ ...billing, value: 1, added: [], removed: [] }]);
  });

  it('a view that applies each change holds the worker’s alerts, in order, however the alerts come, change and go', () => {
    const looks: Alert[][] = [
      [],
      [breach('billing', ['a', 'b'])],
      [breach('billing', ['b', 'c']), idle('tech', ['x'])],
      [idle('tech', ['x', 'y']), breach('billing', ['c', 'b'], 1)],
      [idle('tech', ['y'])],
      [breach('billing', ['a']), idle('tech', ['y'])],
      [],
    ];
    let view: Alert[] = [];
    for (let i = 1; i < looks.length; i++) {
      const change = alertsChange(looks[i - 1]!, looks[i]!);
      if (change) view = applyAlertsChange(view, AlertsChangeSchema.parse(change));
      expect(asShown(view)).toEqual(asShown(looks[i]!));
      // A change that reaches a view twice (it connected between the worker's look and its sending) changes nothing.
      if (change) expect(asShown(applyAlertsChange(view, change))).toEqual(asShown(view));
    }
  });
});
