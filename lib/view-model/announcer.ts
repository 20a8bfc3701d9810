import { effect, signal, type ReadonlySignal } from '@preact/signals';
import type { Conversation } from '../model/conversation';
import type { Freshness } from '../model/freshness';
import { followRows, type KeyedRows } from './keyed-rows';

export type Announcement = { kind: 'newWaiting'; count: number } | { kind: 'freshness'; state: SpokenState };

export interface AnnouncerInput {
  /** True once the first snapshot arrived: what it holds is the baseline, not news. */
  ready: ReadonlySignal<boolean>;
  conversations: Pick<KeyedRows<Conversation>, 'all' | 'touchedBetween' | 'row'>;
  freshness: ReadonlySignal<Freshness | null>;
  now: ReadonlySignal<number>;
  stop: AbortSignal;
  /** Least time between two summaries of new rows: a screen reader must not talk on every poll. */
  quietMs?: number;
}

const isWaiting = (row: Conversation) => row.agentId === null && (row.status === 'open' || row.status === 'waiting');
/** The feed states read out to screen-reader users (connecting and delayed are not news). */
const SPOKEN_STATES = ['live', 'offline', 'signedOut', 'throttled', 'paused'] as const;
type SpokenState = (typeof SPOKEN_STATES)[number];
const isSpoken = (state: Freshness['state']): state is SpokenState => (SPOKEN_STATES as readonly string[]).includes(state);

/**
 * What the polite live region says: a summary of conversations that started waiting since the last one ("3 new
 * conversations waiting"), at most every quietMs, and a change of the feed's state (offline, live again) at once.
 * Rows present when the view opened are not news.
 */
export function createAnnouncer(input: AnnouncerInput): ReadonlySignal<Announcement | null> {
  const quietMs = input.quietMs ?? 10_000;
  const announcement = signal<Announcement | null>(null);
  let waiting: Set<string> | null = null;
  const read = followRows(input.conversations);
  let pending = 0;
  let lastSpokenAt = -Infinity;
  let lastState: Freshness['state'] | null = null;

  const disposers = [
    effect(() => {
      if (!input.ready.value) return;
      const { all, touched } = read();
      // Only the rows waiting now are kept, so a row that is sent back to a queue counts again.
      if (waiting !== null && touched !== null) {
        // A patch: only the rows it touched can have started or stopped waiting.
        for (const id of touched.ids) {
          const row = touched.row(id);
          if (row === undefined || !isWaiting(row)) waiting.delete(id);
          else if (!waiting.has(id)) {
            waiting.add(id);
            pending += 1;
          }
        }
        return;
      }
      const next = new Set(all.filter(isWaiting).map((row) => row.id));
      if (waiting) for (const id of next) if (!waiting.has(id)) pending += 1;
      waiting = next;
    }),
    effect(() => {
      const now = input.now.value;
      if (pending > 0 && now - lastSpokenAt >= quietMs) {
        announcement.value = { kind: 'newWaiting', count: pending };
        pending = 0;
        lastSpokenAt = now;
      }
    }),
    effect(() => {
      const state = input.freshness.value?.state ?? null;
      if (state === lastState) return;
      const first = lastState === null;
      lastState = state;
      if (!first && state && isSpoken(state)) announcement.value = { kind: 'freshness', state };
    }),
  ];
  input.stop.addEventListener('abort', () => disposers.forEach((dispose) => dispose()), { once: true });
  return announcement;
}
