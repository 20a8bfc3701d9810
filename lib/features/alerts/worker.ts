import type { ReadonlySignal } from '@preact/signals';
import { z } from 'zod';
import type { Agent, Queue } from '../../model/agent';
import type { Conversation } from '../../model/conversation';
import type { EffectiveSettings } from '../../model/settings';
import { t } from '../../i18n';
import { createSavePace } from '../../storage/save-pace';
import { AlertSchema, type Alert } from './alert';
import { badgeText, detectAlerts, EMPTY_MEMORY, newSince, SentimentMemorySchema } from './detect';
import { alertsWatched, type AlertPrefs } from './prefs';
import { alertWords } from './words';

/** At most this many notifications per look; the rest are summed up in the last one. */
const NOTIFY_AT_ONCE = 3;

/** What a restarted worker must remember: the alerts in force, which were notified, and the sentiment seen. */
export const AlertsMemorySchema = z.object({
  alerts: z.array(AlertSchema),
  notified: z.array(z.string()),
  sentiment: SentimentMemorySchema,
});
export type AlertsMemory = z.infer<typeof AlertsMemorySchema>;
export const EMPTY_ALERTS_MEMORY: AlertsMemory = { alerts: [], notified: [], sentiment: EMPTY_MEMORY };

export interface AlertsDeps {
  feed(): { conversations: readonly Conversation[]; agents: readonly Agent[]; queues: readonly Queue[]; settings: EffectiveSettings };
  prefs: ReadonlySignal<AlertPrefs>;
  /** storage.session in the extension. */
  memory: { get(): Promise<AlertsMemory>; set(value: AlertsMemory): Promise<void> };
  setBadge(text: string): void;
  notify(id: string, title: string, message: string): void;
  /** The alerts go to every open view. */
  publish(alerts: readonly Alert[]): void;
  now(): number;
}

/**
 * The alerts' worker half: after each feed poll it looks for the conditions over the feed, tells the views, sets
 * the toolbar badge and notifies new alerts, within the supervisor's mutes. It needs no platform request of its own.
 */
export function createAlerts(deps: AlertsDeps) {
  let memory = EMPTY_ALERTS_MEMORY;
  const savePace = createSavePace(() => deps.now());
  const ready = deps.memory.get().then((saved) => {
    memory = saved;
  });

  function signal(alerts: readonly Alert[], notified: readonly string[]): void {
    const prefs = deps.prefs.peek();
    deps.setBadge(prefs.surfaces.badge ? badgeText(alerts) : '');
    if (!prefs.surfaces.notification) return;
    const fresh = newSince(notified, alerts);
    // A burst (a busy org, a first look) becomes a few notifications and one summary, not a wall of them.
    const told = fresh.length > NOTIFY_AT_ONCE ? fresh.slice(0, NOTIFY_AT_ONCE - 1) : fresh;
    for (const alert of told) {
      const words = alertWords(alert);
      deps.notify(`fw-alert:${alert.key}`, words.title, words.body);
    }
    if (told.length < fresh.length)
      deps.notify(`fw-alert:more:${deps.now()}`, t('alerts_more_title'), t('alerts_more_body', fresh.length - told.length));
  }

  return {
    ready,
    /** What a view that connects now is told. */
    current: (): readonly Alert[] => memory.alerts,
    /** After every feed poll, and when the prefs change. */
    async afterPoll(): Promise<void> {
      await ready;
      const detected = detectAlerts({ ...deps.feed(), now: deps.now() }, memory.sentiment, deps.prefs.peek());
      const changed = JSON.stringify(detected.alerts) !== JSON.stringify(memory.alerts);
      const notified = detected.alerts.map((alert) => alert.key);
      // An alert that came or went is saved at once (a successor must not notify it again); its figures and the
      // sentiment seen change with nearly every poll of a busy org, and are saved at most once a minute.
      const cameOrWent = notified.join('\n') !== memory.notified.join('\n');
      signal(detected.alerts, memory.notified);
      memory = { alerts: detected.alerts, notified, sentiment: detected.memory };
      if (changed) deps.publish(detected.alerts);
      if (savePace.due(cameOrWent)) await deps.memory.set(memory);
    },
    /** Worth polling for with no view open (at the wake alarm's cadence). */
    watching: (): boolean => alertsWatched(deps.prefs.peek()),
  };
}
