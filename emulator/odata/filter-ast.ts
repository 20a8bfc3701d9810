import type { ColumnSchema } from './schema';

/**
 * How values of a column compare. Values in the tree are already normalized for their kind (see values.ts), so
 * evaluating a row only has to normalize the row's side.
 */
export type ValueKind = 'string' | 'number' | 'guid' | 'date' | 'boolean';
export type NormalizedValue = string | number | boolean;

export type CompareOp = 'eq' | 'ne' | 'gt' | 'ge' | 'lt' | 'le';

export type Operand =
  | { kind: 'column'; name: string; valueKind: ValueKind; edmType: string }
  | { kind: 'literal'; value: NormalizedValue; valueKind: ValueKind; edmType: string }
  | { kind: 'null' };

export type FilterNode =
  | { kind: 'and' | 'or'; left: FilterNode; right: FilterNode }
  | { kind: 'not'; operand: FilterNode }
  | { kind: 'compare'; op: CompareOp; left: Operand; right: Operand }
  | { kind: 'text'; column: string; pattern: RegExp }
  | { kind: 'in'; column: string; valueKind: ValueKind; values: ReadonlySet<NormalizedValue>; negate: boolean }
  | { kind: 'containValues'; column: string; values: ReadonlySet<string>; negate: boolean };

/** Multi-select choices travel as strings ("1,2"), so `eq` on them compares the whole string, as on Dataverse. */
export function valueKindOf(column: ColumnSchema): ValueKind {
  if (column.multiSelect) return 'string';
  switch (column.type) {
    case 'Edm.Guid':
      return 'guid';
    case 'Edm.String':
      return 'string';
    case 'Edm.Boolean':
      return 'boolean';
    case 'Edm.DateTimeOffset':
      return 'date';
    case 'Edm.Int32':
    case 'Edm.Int64':
    case 'Edm.Decimal':
    case 'Edm.Double':
      return 'number';
  }
}
