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
