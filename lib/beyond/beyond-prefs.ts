import { signal, type ReadonlySignal } from '@preact/signals';
import * as z from 'zod/mini';
import { ALERT_KINDS, type AlertKind } from './beyond-state';

/**
 * The supervisor's own choices for issue 11's features, in storage.sync (they follow the user to other browsers):
 * which alerts are on, where they show, how far ahead to predict a breach, and when a conversation counts as stuck.
 */
export const BeyondPrefsSchema = z.object({
  alerts: z.object({ idleMismatch: z.boolean(), breachSoon: z.boolean(), sentimentDrop: z.boolean() }),
  surfaces: z.object({ panel: z.boolean(), badge: z.boolean(), notification: z.boolean() }),
  breachWithinMinutes: z.int().check(z.minimum(1), z.maximum(60)),
  /** Idle minutes after which an Open, Waiting or Wrap-up conversation is stuck; per channel code, else the default. */
  stuckMinutes: z.object({
    default: z.int().check(z.minimum(1), z.maximum(1440)),
    byChannel: z.record(z.string(), z.int().check(z.minimum(1), z.maximum(1440))),
  }),
});
export type BeyondPrefs = z.infer<typeof BeyondPrefsSchema>;
export type AlertSurface = keyof BeyondPrefs['surfaces'];

export const DEFAULT_PREFS: BeyondPrefs = {
  alerts: { idleMismatch: true, breachSoon: true, sentimentDrop: true },
  surfaces: { panel: true, badge: true, notification: true },
  breachWithinMinutes: 2,
  stuckMinutes: { default: 30, byChannel: {} },
};

export const PREFS_KEY = 'floorwalker.beyondPrefs';

export function parsePrefs(value: unknown): BeyondPrefs {
  const parsed = BeyondPrefsSchema.safeParse(value);
  return parsed.success ? parsed.data : DEFAULT_PREFS;
}

export const kindOn = (prefs: BeyondPrefs, kind: AlertKind): boolean => prefs.alerts[kind];
export { ALERT_KINDS };

/** The part of a browser.storage area the prefs use. */
export interface PrefsArea {
  get(key: string): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
}

export interface PrefsModel {
  prefs: ReadonlySignal<BeyondPrefs>;
  load(): Promise<void>;
  update(change: (prefs: BeyondPrefs) => BeyondPrefs): Promise<void>;
  /** Another browser or view changed them (storage.onChanged). */
  changed(value: unknown): void;
}

export function createPrefsModel(area: PrefsArea): PrefsModel {
  const prefs = signal(DEFAULT_PREFS);
  return {
    prefs,
    async load() {
      prefs.value = parsePrefs((await area.get(PREFS_KEY))[PREFS_KEY]);
    },
    async update(change) {
      const next = parsePrefs(change(prefs.peek()));
      prefs.value = next;
      await area.set({ [PREFS_KEY]: next });
    },
    changed(value) {
      prefs.value = parsePrefs(value);
    },
  };
}
