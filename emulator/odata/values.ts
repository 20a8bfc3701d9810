import type { NormalizedValue, ValueKind } from './filter-ast';

/**
 * Row values as the platform's SQL Server compares them: text and GUIDs without regard to case (the default
 * collation is case-insensitive), date-times as instants. Empty values become null.
 */
export function normalize(value: unknown, kind: ValueKind): NormalizedValue | null {
  if (value === null || value === undefined) return null;
  switch (kind) {
    case 'string':
    case 'guid':
      return cellText(value).toLowerCase();
    case 'number':
      return typeof value === 'number' ? value : Number(value);
    case 'date':
      return Date.parse(cellText(value));
    case 'boolean':
      return value === true || value === 'true';
  }
}

export function compareNormalized(a: NormalizedValue, b: NormalizedValue): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** A stored cell as text, as `String` gives it; an object (cells never hold one) shows as JSON, not "[object Object]". */
export function cellText(value: unknown): string {
  return typeof value === 'object' && value !== null ? JSON.stringify(value) : String(value);
}
