import { columnOf, type EntitySchema, ODataError } from './schema';
import { cellText } from './values';

export interface OrderKey {
  column: string;
  desc: boolean;
}

type Row = Readonly<Record<string, unknown>>;

/** `createdon desc,subject` → keys; every column must exist on the entity. */
export function parseOrderBy(text: string, schema: EntitySchema): OrderKey[] {
  return text.split(',').map((part) => {
    const words = part.trim().split(/\s+/);
    const [column, direction, extra] = words;
    if (!column || extra !== undefined || (direction !== undefined && direction !== 'asc' && direction !== 'desc')) {
      throw new ODataError(`The $orderby item '${part.trim()}' is not valid; write '<column> [asc|desc]'.`);
    }
    columnOf(schema, column);
    return { column, desc: direction === 'desc' };
  });
}

/**
 * Row order as SQL Server gives it: empty values first when ascending (last when descending), text without
 * regard to case. Rows equal on every key compare 0; a caller that pages must add its own tie-breaker.
 */
export function compareRows(orderby: readonly OrderKey[], a: Row, b: Row): number {
  for (const key of orderby) {
    const order = compareValues(a[key.column], b[key.column]);
    if (order !== 0) return key.desc ? -order : order;
  }
  return 0;
}

function compareValues(a: unknown, b: unknown): number {
  const aEmpty = a === null || a === undefined;
  const bEmpty = b === null || b === undefined;
  if (aEmpty || bEmpty) return aEmpty === bEmpty ? 0 : aEmpty ? -1 : 1;
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  if (typeof a === 'boolean' && typeof b === 'boolean') return Number(a) - Number(b);
  const aText = cellText(a);
  const bText = cellText(b);
  if (aText === bText) return 0;
  // Timestamps may differ in precision ("…00Z" vs "…00.500Z") or offset, which text order gets wrong.
  if (hasTimestampShape(aText) && hasTimestampShape(bText) && !sameUtcFormat(aText, bText)) {
    const difference = Date.parse(aText) - Date.parse(bText);
    if (!Number.isNaN(difference)) return difference;
  }
  const aFolded = aText.toLowerCase();
  const bFolded = bText.toLowerCase();
  return aFolded < bFolded ? -1 : aFolded > bFolded ? 1 : 0;
}

function hasTimestampShape(text: string): boolean {
  return text.length >= 20 && text[4] === '-' && text[10] === 'T' && text[13] === ':';
}

/** Two UTC stamps of the same precision sort correctly as text, which is much cheaper than parsing them. */
function sameUtcFormat(a: string, b: string): boolean {
  return a.length === b.length && a.endsWith('Z') && b.endsWith('Z');
}

/**
 * The first `count` rows in `orderby` order (a total order: the caller adds the key), without sorting the rest.
 * The platform serves a page from an index; sorting a 50,000-row set for every 5,000-row page made the emulator's
 * page cost most of a cold start's (and takes the machine's cores from the client the bench measures). Reorders
 * `rows` in place.
 */
export function firstInOrder(orderby: readonly OrderKey[], rows: Row[], count: number): Row[] {
  const compare = (a: Row, b: Row) => compareRows(orderby, a, b);
  if (rows.length <= count) return rows.sort(compare);
  selectSmallest(rows, count, compare);
  return rows.slice(0, count).sort(compare);
}

/** Quickselect (Hoare's partition): afterwards the `count` smallest rows are `rows[0 … count - 1]`, in no order. */
function selectSmallest(rows: Row[], count: number, compare: (a: Row, b: Row) => number): void {
  const target = count - 1;
  let low = 0;
  let high = rows.length - 1;
  while (low < high) {
    const pivot = medianOfThree(rows[low]!, rows[(low + high) >> 1]!, rows[high]!, compare);
    let i = low;
    let j = high;
    while (i <= j) {
      while (compare(rows[i]!, pivot) < 0) i++;
      while (compare(rows[j]!, pivot) > 0) j--;
      if (i <= j) {
        [rows[i], rows[j]] = [rows[j]!, rows[i]!];
        i++;
        j--;
      }
    }
    if (target <= j) high = j;
    else if (target >= i) low = i;
    else return;
  }
}

function medianOfThree(a: Row, b: Row, c: Row, compare: (a: Row, b: Row) => number): Row {
  if (compare(a, b) < 0) return compare(b, c) < 0 ? b : compare(a, c) < 0 ? c : a;
  return compare(a, c) < 0 ? a : compare(b, c) < 0 ? c : b;
}
