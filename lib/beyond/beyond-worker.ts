import type { DataverseTransport } from '../dataverse/transport';
import type { Access } from '../model/access';
import type { ActionIntent, ActionRecord } from '../model/actions';
import type { Agent, Queue } from '../model/agent';
import type { Conversation } from '../model/conversation';
import type { EffectiveSettings } from '../model/settings';
import { isInFlight } from '../actions/rules';
import { t } from '../i18n';
import { actionName } from '../actions/words';
import { alertWords } from './alert-words';
import { badgeText, detectAlerts, EMPTY_MEMORY, newSince, type SentimentMemory } from './alerts';
import { BEYOND_STATE_KEY, parseBeyondState, type Alert, type BeyondState, type LockEntry, type NoteEntry } from './beyond-state';
import { DEFAULT_PREFS, parsePrefs, PREFS_KEY, type BeyondPrefs } from './beyond-prefs';
import { writeActionNote } from '../actions/operations/note';
import { createdId, deleteNote, lockNotesRequest, notesSinceRequest, parseNotes } from './platform-notes';
import { mergeNotes } from './shared-log';
import { isLockKind, LOCK_SUBJECT, LOCK_TTL_MS, lockNote, readLock } from './soft-locks';

/**
 * Notes are re-read at most once a minute, and other supervisors' locks every fourth poll (12 s at the default
 * interval: long enough actions, such as a pending transfer, still show), so that one open view stays under
 * 40 requests a minute with the feed's own reads (issue 10).
 */
export const NOTES_EVERY_MS = 60_000;
export const LOCKS_EVERY_N_POLLS = 4;
/** At most this many notifications per look; the rest are summed up in the last one. */
export const NOTIFY_AT_ONCE = 3;
/** The shared log starts this far back when a worker first looks. */
export const NOTES_WINDOW_MS = 8 * 3_600_000;

export interface Area {
  get(key: string): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
}

export interface BeyondWorkerDeps {
  transport(): DataverseTransport | null;
  feed(): { access: Access; conversations: readonly Conversation[]; agents: readonly Agent[]; queues: readonly Queue[]; settings: EffectiveSettings };
  /** storage.local: the state views read. */
  local: Area;
  /** storage.session: what a restarted worker must remember (notified alerts, sentiment memory, locks it holds). */
  session: Area;
  /** storage.sync: the supervisor's alert and sweeper prefs. */
  sync: Area;
  setBadge(text: string): void;
  notify(id: string, title: string, message: string): void;
  now(): number;
  log?(line: string): void;
}

interface Memory {
  sentiment: SentimentMemory;
  notified: string[];
  /** requestId → the lock note this worker wrote for it. */
  held: Record<string, string>;
}
const MEMORY_KEY = 'beyond';

/**
 * Issue 11's worker half: after each feed poll it reads the lock notes (and, less often, the shared notes),
 * detects alerts over the feed, and publishes the lot to storage.local for the views; the toolbar badge and browser
 * notifications follow the alerts, within the supervisor's mutes. It also writes and deletes this supervisor's
 * own lock notes around their actions.
 */
export function createBeyondWorker(deps: BeyondWorkerDeps) {
  const log = deps.log ?? ((line: string) => console.warn(line));
  let prefs: BeyondPrefs = DEFAULT_PREFS;
  let memory: Memory = { sentiment: EMPTY_MEMORY, notified: [], held: {} };
  let state: BeyondState | null = null;
  let notesReadAt = 0;
  let running: Promise<void> | null = null;
  let records: readonly ActionRecord[] = [];
  const releasing = new Set<string>();

  const loaded = (async () => {
    const saved = (await deps.session.get(MEMORY_KEY).catch(() => ({})) as Record<string, unknown>)[MEMORY_KEY] as Partial<Memory> | undefined;
    if (saved && typeof saved === 'object') memory = { ...memory, ...saved };
    prefs = parsePrefs((await deps.sync.get(PREFS_KEY).catch(() => ({})) as Record<string, unknown>)[PREFS_KEY]);
    state = parseBeyondState((await deps.local.get(BEYOND_STATE_KEY).catch(() => ({})) as Record<string, unknown>)[BEYOND_STATE_KEY]);
  })();

  const remember = () => deps.session.set({ [MEMORY_KEY]: memory }).catch(() => undefined);

  async function readNotes(transport: DataverseTransport, current: BeyondState, org: string, now: number): Promise<{ notes: NoteEntry[]; since: number }> {
    const sameOrg = current.org === org;
    const since = sameOrg && current.notesSince > 0 ? current.notesSince : now - NOTES_WINDOW_MS;
    const kept = sameOrg ? current.notes : [];
    if (now - notesReadAt < NOTES_EVERY_MS && sameOrg) return { notes: kept, since };
    const newest = kept[0]?.createdAt ?? since;
    const outcome = await transport.send(notesSinceRequest(newest));
    if (!outcome.ok) return { notes: kept, since };
    notesReadAt = now;
    const fresh = parseNotes(outcome.body).filter((note) => !note.subject.startsWith(LOCK_SUBJECT));
    return { notes: mergeNotes(kept, fresh), since };
  }

  async function readLocks(transport: DataverseTransport, previous: readonly LockEntry[], now: number): Promise<LockEntry[]> {
    const outcome = await transport.send(lockNotesRequest(now - LOCK_TTL_MS));
    if (!outcome.ok) return previous.filter((lock) => lock.until > now);
    return parseNotes(outcome.body).flatMap((note) => readLock(note, now) ?? []);
  }

  function signal(alerts: readonly Alert[]): void {
    deps.setBadge(prefs.surfaces.badge ? badgeText(alerts) : '');
    const fresh = newSince(memory.notified, alerts);
    memory.notified = alerts.map((alert) => alert.key);
    if (!prefs.surfaces.notification) return;
    // A burst (a busy org, a first look) becomes a few notifications and one summary, not a wall of them.
    const told = fresh.length > NOTIFY_AT_ONCE ? fresh.slice(0, NOTIFY_AT_ONCE - 1) : fresh;
    for (const alert of told) {
      const words = alertWords(alert);
      deps.notify(`fw-alert:${alert.key}`, words.title, words.body);
    }
    if (told.length < fresh.length) deps.notify(`fw-alert:more:${deps.now()}`, t('beyond_alert_more_title'), t('beyond_alert_more_body', fresh.length - told.length));
  }

  let polls = 0;
  async function cycle(): Promise<void> {
    await loaded;
    const feed = deps.feed();
    const transport = deps.transport();
    const now = deps.now();
    const org = feed.access.org;
    const current = state ?? parseBeyondState(undefined);
    const detected = detectAlerts({ ...feed, now }, memory.sentiment, prefs);
    memory.sentiment = detected.memory;
    let { notes, notesSince: since, locks } = current;
    const locksDue = polls++ % LOCKS_EVERY_N_POLLS === 0 || current.org !== org;
    if (transport && feed.access.state === 'supervisor' && org) {
      // Only other supervisors' locks: one's own actions show in one's own action log.
      const me = feed.access.userId?.toLowerCase() ?? null;
      if (locksDue) locks = (await readLocks(transport, current.org === org ? current.locks : [], now)).filter((lock) => lock.userId?.toLowerCase() !== me);
      else locks = locks.filter((lock) => lock.until > now);
      ({ notes, since } = await readNotes(transport, current, org, now));
    }
    state = { version: 1, org, alerts: detected.alerts, locks, notes, notesSince: since, updatedAt: now };
    signal(detected.alerts);
    await Promise.all([deps.local.set({ [BEYOND_STATE_KEY]: state }), remember()]);
  }

  /** Delete the lock notes of actions no longer in flight. */
  async function release(): Promise<void> {
    const transport = deps.transport();
    await loaded;
    if (!transport) return;
    for (const [requestId, noteId] of Object.entries(memory.held)) {
      const record = records.find((r) => r.id === requestId);
      if ((record && isInFlight(record)) || releasing.has(noteId)) continue;
      releasing.add(noteId);
      const outcome = await deleteNote(transport, noteId);
      releasing.delete(noteId);
      // Gone already (404) counts as released; anything else is retried on the next change, and the TTL bounds it.
      if (outcome.ok || outcome.status === 404) {
        delete memory.held[requestId];
        await remember();
      }
    }
  }

  /** One pass at a time; later calls share the one under way. */
  function afterPoll(): Promise<void> {
    running ??= cycle()
      .catch((error: unknown) => log(`Floorwalker: alerts and notes not updated: ${String(error)}`))
      .finally(() => (running = null));
    return running;
  }

  return {
    ready: loaded,
    /** After every feed poll (and at the 30 s alarm). */
    afterPoll,
    /** The prefs changed in storage.sync (this browser or another). */
    prefsChanged(value: unknown): void {
      prefs = parsePrefs(value);
      void afterPoll();
    },
    /** Alerts want the feed polled even with no view open (at the 30 s alarm cadence): some kind on, somewhere to show it. */
    watching(): boolean {
      return Object.values(prefs.alerts).some(Boolean) && (prefs.surfaces.badge || prefs.surfaces.notification);
    },
    /** A supervisor action starts: tell the other supervisors through a lock note on the conversation. */
    async actionStarted(intent: ActionIntent, requestId: string, userName: string): Promise<void> {
      const transport = deps.transport();
      if (!transport || !isLockKind(intent.kind)) return;
      await loaded;
      const note = lockNote(intent.kind, userName, deps.now());
      const id = createdId(await writeActionNote(transport, intent.conversationId, note.subject, note.text));
      if (!id) return log(`Floorwalker: lock note for ${actionName(intent.kind)} not written`);
      memory.held[requestId] = id;
      await remember();
      // The action may have ended while the note was being written.
      await release();
    },
    /** The action log changed: delete the lock notes of actions that have ended. */
    recordsChanged(next: readonly ActionRecord[]): Promise<void> {
      // An action of ours just ended: its reason note is on the platform now, so the shared log reads it next poll.
      const ended = next.some((record) => !isInFlight(record) && records.some((old) => old.id === record.id && isInFlight(old)));
      if (ended) notesReadAt = 0;
      records = next;
      return release();
    },
  };
}
export type BeyondWorker = ReturnType<typeof createBeyondWorker>;
