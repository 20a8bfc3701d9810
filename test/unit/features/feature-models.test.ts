import { describe, expect, it } from 'vitest';
import { createFeatureModels } from '../../../lib/features/models';
import { parseWorkerMessage } from '../../../lib/view-model/parse-worker-message';
import { NOW } from '../view-model/fixtures';

/** A message as it comes from the worker: checked at the view's boundary, then applied. */
function received(models: ReturnType<typeof createFeatureModels>, raw: unknown): void {
  const parsed = parseWorkerMessage(raw);
  if (!parsed.ok) throw new Error(parsed.reason);
  if (parsed.message.type !== 'feature') throw new Error(`not a feature update: ${parsed.message.type}`);
  models.apply(parsed.message.update);
}

describe('a view’s trends', () => {
  it('start whole, then take each poll’s change: changed agents replaced, gone ones dropped, queues when sampled', () => {
    const models = createFeatureModels(new AbortController().signal);
    const sample = { at: NOW, waiting: 2, longestWait: 40 };
    received(models, {
      type: 'feature',
      update: {
        feature: 'trends',
        trends: {
          queues: { q: [sample] },
          agents: { x: [{ at: NOW, presence: 'available' }], y: [{ at: NOW, presence: 'busy' }], z: [{ at: NOW, presence: 'away' }] },
        },
      },
    });
    const yBusyThenAvailable = [
      { at: NOW, presence: 'busy' },
      { at: NOW + 5_000, presence: 'available' },
    ];
    received(models, {
      type: 'feature',
      update: { feature: 'trendsChange', change: { samples: null, agents: { y: yBusyThenAvailable }, gone: ['z'] } },
    });
    expect(models.trends.value).toEqual({
      queues: { q: [sample] },
      agents: { x: [{ at: NOW, presence: 'available' }], y: yBusyThenAvailable },
    });
    const later = { at: NOW + 30_000, waiting: 0, longestWait: 0 };
    received(models, {
      type: 'feature',
      update: { feature: 'trendsChange', change: { samples: { q: later }, agents: {}, gone: [] } },
    });
    expect(models.trends.value.queues).toEqual({ q: [sample, later] });
    expect(Object.keys(models.trends.value.agents)).toEqual(['x', 'y']);
  });

  it('refuses a change that is not one at the view’s boundary, naming the field', () => {
    const models = createFeatureModels(new AbortController().signal);
    expect(() =>
      received(models, {
        type: 'feature',
        update: { feature: 'trendsChange', change: { samples: null, agents: { y: [{ at: 'soon', presence: 'busy' }] }, gone: [] } },
      }),
    ).toThrow(/change\.agents\.y\.0\.at/);
  });
});

describe('a view’s alerts', () => {
  it('start whole, then take each look’s change: conversations added and removed, alerts gone, in the worker’s order', () => {
    const models = createFeatureModels(new AbortController().signal);
    const fields = (key: string, value: number) => ({ key, kind: 'breachSoon', queueId: key, queueName: key, value, label: null });
    received(models, {
      type: 'feature',
      update: {
        feature: 'alerts',
        alerts: [
          { ...fields('q1', 3), conversationIds: ['a', 'b'] },
          { ...fields('q2', 4), conversationIds: ['x'] },
        ],
      },
    });
    received(models, {
      type: 'feature',
      update: { feature: 'alertsChange', change: { keys: ['q1'], changed: [{ ...fields('q1', 2), added: ['c'], removed: ['a'] }] } },
    });
    expect(models.alerts.value).toEqual([{ ...fields('q1', 2), conversationIds: ['b', 'c'] }]);
  });
});
