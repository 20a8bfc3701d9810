import type { NoteEntry } from './beyond-state';

/** How many notes the log keeps (newest first); older ones remain in Dynamics itself. */
export const NOTES_LIMIT = 300;

/** New notes merged into the kept ones by id, newest first, capped. */
export function mergeNotes(kept: readonly NoteEntry[], fresh: readonly NoteEntry[]): NoteEntry[] {
  const byId = new Map(kept.map((note) => [note.id, note]));
  for (const note of fresh) byId.set(note.id, note);
  return [...byId.values()].sort((a, b) => b.createdAt - a.createdAt || a.id.localeCompare(b.id)).slice(0, NOTES_LIMIT);
}

export interface CsvColumn<T> {
  header: string;
  value(row: T): string;
}

/**
 * RFC 4180 CSV: every field quoted, quotes doubled, CRLF line ends. A field a spreadsheet would run as a formula
 * (= + - @, tab, CR at the start) gets a leading apostrophe: the notes hold text anyone in the org could write.
 */
export function toCsv<T>(rows: readonly T[], columns: readonly CsvColumn<T>[]): string {
  const field = (text: string) => {
    const safe = /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
    return `"${safe.replace(/"/g, '""')}"`;
  };
  const lines = [columns.map((c) => field(c.header)), ...rows.map((row) => columns.map((c) => field(c.value(row))))];
  return `${lines.map((cells) => cells.join(',')).join('\r\n')}\r\n`;
}
