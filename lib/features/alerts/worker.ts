import type { ReadonlySignal } from '@preact/signals';
import { z } from 'zod';
import type { Agent, Queue } from '../../model/agent';
import type { Conversation } from '../../model/conversation';
import type { EffectiveSettings } from '../../model/settings';
import { t } from '../../i18n';
import { createSavePace } from '../../storage/save-pace';
import { AlertSchema, type Alert } from './alert';
import { alertsChange, type AlertsChange } from './alerts-change';
import { PackedTooLarge } from '../../storage/packed';
import { badgeText, detectAlerts, EMPTY_MEMORY, newSince, sentimentFromStored, storedSentiment, type StoredSentiment } from './detect';
import { createNotifyPace } from './notify-pace';
import { alertsWatched, type AlertPrefs } from './prefs';
import { alertWords } from './words';

/**
 * What a restarted worker must remember: the alerts in force and which were notified. The sentiment seen is kept
 * apart: it has a label for every ongoing conversation, and packing it with each alert that came or went held the
 * worker ~0.2 s at 50,000 (an item saved before the split still reads: its sentiment is left out).
 */
export const AlertsMemorySchema = z.object({
  alerts: z.array(AlertSchema),
  notified: z.array(z.string()),
});
export type AlertsMemory = z.infer<typeof AlertsMemorySchema>;
export const EMPTY_ALERTS_MEMORY: AlertsMemory = { alerts: [], notified: [] };

export interface AlertsDeps {
  feed(): { conversations: readonly Conversation[]; agents: readonly Agent[]; queues: readonly Queue[]; settings: EffectiveSettings };
  prefs: ReadonlySignal<AlertPrefs>;
  /** storage.session in the extension. */
  memory: { get(): Promise<AlertsMemory>; set(value: AlertsMemory): Promise<void> };
  /** storage.session too; saved at most once a minute (a successor a minute behind misses at most a fall seen then). */
  sentiment: { get(): Promise<StoredSentiment>; set(value: StoredSentiment): Promise<void> };
  log(message: string): void;
  setBadge(text: string): void;
  notify(id: string, title: string, message: string): void;
  /** What changed in the alerts goes to every open view. */
  publish(change: AlertsChange): void;
  now(): number;
}

/**
 * The alerts' worker half: after each feed poll it looks for the conditions over the feed, tells the views, sets
 * the toolbar badge and notifies new alerts, within the supervisor's mutes. It needs no platform request of its own.
 */
export function createAlerts(deps: AlertsDeps) {
  let memory = EMPTY_ALERTS_MEMORY;
  let sentiment = EMPTY_MEMORY;
  const savePace = createSavePace(() => deps.now());
  const sentimentPace = createSavePace(() => deps.now());
  const notifyPace = createNotifyPace(() => deps.now());
  const ready = Promise.all([deps.memory.get(), deps.sentiment.get()]).then(([saved, seen]) => {
    memory = saved;
    sentiment = sentimentFromStored(seen);
  });

  /** Not awaited by the look: a store that refuses it (too large) is not asked again until the memory is smaller. */
  function saveSentiment(): void {
    const size = sentiment.last.size;
    if (!sentimentPace.due(false, size)) return;
    deps.sentiment.set(storedSentiment(sentiment)).catch((error: unknown) => {
      if (error instanceof PackedTooLarge) sentimentPace.refused(size);
      deps.log(`Floorwalker: sentiment memory not saved: ${String(error)}`);
    });
  }

  function signal(alerts: readonly Alert[], notified: readonly string[]): void {
    const prefs = deps.prefs.peek();
    deps.setBadge(prefs.surfaces.badge ? badgeText(alerts) : '');
    if (!prefs.surfaces.notification) return;
    // A burst (a busy org, a first look) becomes a few notifications and one summary, not a wall of them.
    const { tell, more } = notifyPace.plan(newSince(notified, alerts));
    for (const alert of tell) {
      const words = alertWords(alert);
      deps.notify(`fw-alert:${alert.key}`, words.title, words.body);
    }
    // One id: a newer summary takes the place of the one before it.
    if (more > 0) deps.notify('fw-alert:more', t('alerts_more_title'), t('alerts_more_body', more));
  }

  return {
    ready,
    /** What a view that connects now is told. */
    current: (): readonly Alert[] => memory.alerts,
    /** After every feed poll, and when the prefs change. */
    async afterPoll(): Promise<void> {
      await ready;
      const detected = detectAlerts({ ...deps.feed(), now: deps.now() }, sentiment, deps.prefs.peek());
      const change = alertsChange(memory.alerts, detected.alerts);
      const notified = detected.alerts.map((alert) => alert.key);
      // An alert that came or went is saved at once (a successor must not notify it again); its figures and the
      // sentiment seen change with nearly every poll of a busy org, and are saved at most once a minute.
      const cameOrWent = notified.join('\n') !== memory.notified.join('\n');
      signal(detected.alerts, memory.notified);
      memory = { alerts: detected.alerts, notified };
      sentiment = detected.memory;
      if (change) deps.publish(change);
      saveSentiment();
      if (savePace.due(cameOrWent)) await deps.memory.set(memory);
    },
    /** Worth polling for with no view open (at the wake alarm's cadence). */
    watching: (): boolean => alertsWatched(deps.prefs.peek()),
  };
}
