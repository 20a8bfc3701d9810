import { z } from 'zod';
import { writeActionNote } from '../../actions/operations/note';
import { isInFlight } from '../../actions/rules';
import { actionName } from '../../actions/words';
import { createdId, deleteNoteRequest, notesWithSubjectRequest, parseNotes } from '../../dataverse/operations/notes';
import type { DataverseTransport } from '../../dataverse/transport';
import type { ActionIntent, ActionRecord } from '../../model/actions';
import { onePassAtATime, supervisorReading, type PlatformReaderDeps } from '../platform-reader';
import { isLockKind, LOCK_SUBJECT, LOCK_TTL_MS, LockEntrySchema, lockNote, readLock, type LockEntry } from './locks';

/**
 * Other supervisors' locks are read after a poll at most every 15 s, like presence and participants (long enough
 * actions, such as a pending transfer, still show): by time, not by poll count, so a faster feed does not read them
 * more often and eat its own budget (docs/decisions/0007-polling-cost.md).
 */
export const LOCKS_EVERY_MS = 15_000;

/** What a restarted worker must remember: others' locks as last read, and the lock notes this worker wrote. */
export const SoftLocksMemorySchema = z.object({
  org: z.string().nullable(),
  locks: z.array(LockEntrySchema),
  /** requestId → the lock note written for that action, deleted once it ends. */
  held: z.record(z.string(), z.string()),
});
export type SoftLocksMemory = z.infer<typeof SoftLocksMemorySchema>;
export const EMPTY_SOFT_LOCKS: SoftLocksMemory = { org: null, locks: [], held: {} };

/** Publishes other supervisors' locks; reads with `transport`, writes and deletes lock notes with `writer`. */
export type SoftLocksDeps = PlatformReaderDeps<SoftLocksMemory, readonly LockEntry[]> & {
  /** The way writes take now (lib/actions/routing.ts): the workspace tab, or the worker; null when there is none. */
  writer(): DataverseTransport | null;
};

/**
 * Soft locks' worker half: announces this supervisor's actions to the others through a lock note on the conversation
 * (deleted when the action ends), and reads the other supervisors' lock notes after feed polls for the views.
 */
export function createSoftLocks(deps: SoftLocksDeps) {
  const log = deps.log ?? ((line: string) => console.warn(line));
  let memory = EMPTY_SOFT_LOCKS;
  let readAt = Number.NEGATIVE_INFINITY;
  let records: readonly ActionRecord[] = [];
  const releasing = new Set<string>();
  const ready = deps.memory.get().then((saved) => {
    memory = saved;
  });

  const remember = (next: SoftLocksMemory) => {
    memory = next;
    return deps.memory.set(memory);
  };

  async function readOthers(): Promise<void> {
    await ready;
    const reading = supervisorReading(deps);
    if (!reading) return;
    const { transport, access, org } = reading;
    const now = deps.now();
    const sameOrg = memory.org === org;
    const due = now - readAt >= LOCKS_EVERY_MS || !sameOrg;
    const previous = sameOrg ? memory.locks : [];
    let locks = previous.filter((lock) => lock.until > now);
    if (due) {
      readAt = now;
      const outcome = await transport.send(notesWithSubjectRequest(LOCK_SUBJECT, now - LOCK_TTL_MS));
      // Only other supervisors' locks: one's own actions show in one's own action log.
      const me = access.userId?.toLowerCase() ?? null;
      if (outcome.ok) {
        locks = parseNotes(outcome.body)
          .flatMap((note) => readLock(note, now) ?? [])
          .filter((lock) => lock.userId?.toLowerCase() !== me);
      }
    }
    if (sameOrg && JSON.stringify(locks) === JSON.stringify(memory.locks)) return;
    deps.publish(locks);
    await remember({ ...memory, org, locks });
  }

  /** Delete the lock notes of actions no longer in flight. */
  async function release(): Promise<void> {
    await ready;
    const transport = deps.writer();
    if (!transport) return;
    for (const [requestId, noteId] of Object.entries(memory.held)) {
      const record = records.find((r) => r.id === requestId);
      if ((record && isInFlight(record)) || releasing.has(noteId)) continue;
      releasing.add(noteId);
      const outcome = await transport.send(deleteNoteRequest(noteId));
      releasing.delete(noteId);
      // Gone already (404) counts as released; anything else is retried on the next change, and the TTL bounds it.
      if (outcome.ok || outcome.status === 404) {
        const held = { ...memory.held };
        delete held[requestId];
        await remember({ ...memory, held });
      }
    }
  }

  return {
    ready,
    /** What a view that connects now is told. */
    current: (): readonly LockEntry[] => memory.locks,
    /** After every successful feed poll. */
    afterPoll: onePassAtATime(readOthers, log, "other supervisors' locks"),
    /** A supervisor action starts: tell the other supervisors through a lock note on the conversation. */
    async actionStarted(intent: ActionIntent, requestId: string, userName: string): Promise<void> {
      const transport = deps.writer();
      if (!transport || !isLockKind(intent.kind)) return;
      await ready;
      const note = lockNote(intent.kind, userName, deps.now());
      const id = createdId(await writeActionNote(transport, intent.conversationId, note.subject, note.text));
      if (!id) return log(`Floorwalker: lock note for ${actionName(intent.kind)} not written`);
      await remember({ ...memory, held: { ...memory.held, [requestId]: id } });
      // The action may have ended while the note was being written.
      await release();
    },
    /** The action log changed: delete the lock notes of actions that have ended. */
    recordsChanged(next: readonly ActionRecord[]): Promise<void> {
      records = next;
      return release();
    },
  };
}
