export interface CsvColumn<T> {
  header: string;
  value(row: T): string;
}

/**
 * RFC 4180 CSV: every field quoted, quotes doubled, CRLF line ends. A field a spreadsheet would run as a formula
 * (= + - @, tab, CR at the start) gets a leading apostrophe: exported text may come from anyone in the org.
 */
export function toCsv<T>(rows: readonly T[], columns: readonly CsvColumn<T>[]): string {
  const field = (text: string) => {
    const safe = /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
    return `"${safe.replace(/"/g, '""')}"`;
  };
  const lines = [columns.map((c) => field(c.header)), ...rows.map((row) => columns.map((c) => field(c.value(row))))];
  return `${lines.map((cells) => cells.join(',')).join('\r\n')}\r\n`;
}
