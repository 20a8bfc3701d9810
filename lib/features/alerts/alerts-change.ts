import { z } from 'zod';
import { AlertSchema, type Alert } from './alert';

/**
 * What one look changed in the alerts, as the views get it. A busy org's breach-soon alerts list their conversations,
 * and those lists move at every poll: sent whole, they were ~35 KB per poll at 10,000 ongoing and ~160 KB at 50,000,
 * to every view. A view that connects gets the alerts whole first.
 */
export const AlertsChangeSchema = z.object({
  /** Every alert in force, by key, in the worker's order. */
  keys: z.array(z.string()),
  /** The alerts that came or changed: their fields, and their conversations as ids added and removed. */
  changed: z.array(
    AlertSchema.omit({ conversationIds: true }).extend({
      added: z.array(z.string()),
      removed: z.array(z.string()),
    }),
  ),
});
export type AlertsChange = z.infer<typeof AlertsChangeSchema>;

/** The change from the alerts a view holds (`before`, as last sent) to those in force; null when nothing changed. */
export function alertsChange(before: readonly Alert[], after: readonly Alert[]): AlertsChange | null {
  const held = new Map(before.map((alert) => [alert.key, alert]));
  const changed: AlertsChange['changed'] = [];
  for (const alert of after) {
    const { conversationIds, ...fields } = alert;
    const was = held.get(alert.key);
    const wasIds = new Set(was?.conversationIds);
    const nowIds = new Set(conversationIds);
    const added = conversationIds.filter((id) => !wasIds.has(id));
    const removed = was ? was.conversationIds.filter((id) => !nowIds.has(id)) : [];
    if (was && added.length === 0 && removed.length === 0 && sameFields(was, alert)) continue;
    changed.push({ ...fields, added, removed });
  }
  const keys = after.map((alert) => alert.key);
  const same = changed.length === 0 && keys.length === before.length && keys.every((key, i) => before[i]!.key === key);
  return same ? null : { keys, changed };
}

const sameFields = (a: Alert, b: Alert) => JSON.stringify({ ...a, conversationIds: [] }) === JSON.stringify({ ...b, conversationIds: [] });

/**
 * The alerts after a change. A view keeps an alert's conversations as a set (it shows, counts and looks them up, in
 * no order), so applying the same change twice gives the same alerts.
 */
export function applyAlertsChange(alerts: readonly Alert[], change: AlertsChange): Alert[] {
  const held = new Map(alerts.map((alert) => [alert.key, alert]));
  for (const { added, removed, ...fields } of change.changed) {
    const gone = new Set(removed);
    const kept = (held.get(fields.key)?.conversationIds ?? []).filter((id) => !gone.has(id));
    const present = new Set(kept);
    held.set(fields.key, { ...fields, conversationIds: [...kept, ...added.filter((id) => !present.has(id))] });
  }
  return change.keys.flatMap((key) => held.get(key) ?? []);
}
