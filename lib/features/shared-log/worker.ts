import { z } from 'zod';
import { isInFlight } from '../../actions/rules';
import { notesSinceRequest, parseNotes } from '../../dataverse/operations/notes';
import type { ActionRecord } from '../../model/actions';
import { NoteEntrySchema, type NoteEntry } from '../../model/note';
import { onePassAtATime, supervisorReading, type PlatformReaderDeps } from '../platform-reader';
import { LOCK_SUBJECT } from '../soft-locks/locks';
import { mergeNotes } from './log';

/**
 * Notes are re-read at most once a minute, a small share of the request budget (docs/decisions/0007-polling-cost.md);
 * right after one of our own actions ends they are read at the next poll.
 */
const NOTES_EVERY_MS = 60_000;
/** The shared log starts this far back when a worker first looks at an org. */
const NOTES_WINDOW_MS = 8 * 3_600_000;

/** The log as a restarted worker picks it up: whose org it is, the notes, and from when they are kept. */
export const SharedLogMemorySchema = z.object({
  org: z.string().nullable(),
  notes: z.array(NoteEntrySchema),
  since: z.number(),
});
export type SharedLogMemory = z.infer<typeof SharedLogMemorySchema>;
export const EMPTY_SHARED_LOG: SharedLogMemory = { org: null, notes: [], since: 0 };

/** Publishes the notes. */
export type SharedLogDeps = PlatformReaderDeps<SharedLogMemory, readonly NoteEntry[]>;

/**
 * The shared action log's worker half: the notes on conversations (reasons written by any supervisor's Floorwalker,
 * or anything written in Dynamics), read after feed polls and kept newest first for the views.
 */
export function createSharedLog(deps: SharedLogDeps) {
  const log = deps.log ?? ((line: string) => console.warn(line));
  let memory = EMPTY_SHARED_LOG;
  let readAt = 0;
  let records: readonly ActionRecord[] = [];
  const ready = deps.memory.get().then((saved) => {
    memory = saved;
  });

  async function read(): Promise<void> {
    await ready;
    const reading = supervisorReading(deps);
    if (!reading) return;
    const { transport, org } = reading;
    const now = deps.now();
    const sameOrg = memory.org === org;
    if (sameOrg && now - readAt < NOTES_EVERY_MS) return;
    const since = sameOrg && memory.since > 0 ? memory.since : now - NOTES_WINDOW_MS;
    const kept = sameOrg ? memory.notes : [];
    const outcome = await transport.send(notesSinceRequest(kept[0]?.createdAt ?? since));
    if (!outcome.ok) return;
    readAt = now;
    const fresh = parseNotes(outcome.body).filter((note) => !note.subject.startsWith(LOCK_SUBJECT));
    const notes = mergeNotes(kept, fresh);
    const changed = !sameOrg || JSON.stringify(notes) !== JSON.stringify(memory.notes);
    memory = { org, notes, since };
    if (!changed) return;
    deps.publish(notes);
    await deps.memory.set(memory);
  }

  return {
    ready,
    /** What a view that connects now is told. */
    current: (): readonly NoteEntry[] => memory.notes,
    /** After every successful feed poll. */
    afterPoll: onePassAtATime(read, log, 'shared log'),
    /** The action log changed: when one of our actions has ended, its reason note is on the platform now. */
    recordsChanged(next: readonly ActionRecord[]): void {
      const ended = next.some((record) => !isInFlight(record) && records.some((old) => old.id === record.id && isInFlight(old)));
      if (ended) readAt = 0;
      records = next;
    },
  };
}
