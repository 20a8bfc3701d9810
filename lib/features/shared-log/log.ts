import type { NoteEntry } from '../../model/note';

/** How many notes the log keeps (newest first); older ones remain in Dynamics itself. */
const NOTES_LIMIT = 300;

/** New notes merged into the kept ones by id, newest first, capped. */
export function mergeNotes(kept: readonly NoteEntry[], fresh: readonly NoteEntry[]): NoteEntry[] {
  const byId = new Map(kept.map((note) => [note.id, note]));
  for (const note of fresh) byId.set(note.id, note);
  return [...byId.values()].sort((a, b) => b.createdAt - a.createdAt || a.id.localeCompare(b.id)).slice(0, NOTES_LIMIT);
}
