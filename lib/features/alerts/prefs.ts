import { z } from 'zod';

/** The supervisor's alert choices: which kinds are on, where they show, and how far ahead a breach is predicted. */
export const AlertPrefsSchema = z.object({
  alerts: z.object({ idleMismatch: z.boolean(), breachSoon: z.boolean(), sentimentDrop: z.boolean() }),
  surfaces: z.object({ panel: z.boolean(), badge: z.boolean(), notification: z.boolean() }),
  breachWithinMinutes: z.number().int().min(1).max(60),
});
export type AlertPrefs = z.infer<typeof AlertPrefsSchema>;
export type AlertSurface = keyof AlertPrefs['surfaces'];

export const DEFAULT_ALERT_PREFS: AlertPrefs = {
  alerts: { idleMismatch: true, breachSoon: true, sentimentDrop: true },
  surfaces: { panel: true, badge: true, notification: true },
  breachWithinMinutes: 2,
};

/** Alerts want the feed polled even with no view open: some kind is on, and there is somewhere to show it. */
export const alertsWatched = (prefs: AlertPrefs): boolean =>
  Object.values(prefs.alerts).some(Boolean) && (prefs.surfaces.badge || prefs.surfaces.notification);
