import type { CompareOp, FilterNode, NormalizedValue, Operand } from './filter-ast';
import { compareNormalized } from './values';

/** One end of a column's allowed range. */
export interface Bound {
  value: NormalizedValue;
  inclusive: boolean;
}

/**
 * What a filter demands of single columns in its top-level conjunction (`a and b and …`): the values a column must
 * equal (`eq`, `In`) and the range it must fall in (`gt ge lt le`). A store uses this to read only the rows that can
 * match (an index, or skipping a partition whose values lie outside the range) before evaluating the whole filter.
 */
export interface Constraints {
  equals: Map<string, ReadonlySet<NormalizedValue>>;
  ranges: Map<string, { low?: Bound; high?: Bound }>;
}

export function constraintsOf(filter: FilterNode | undefined): Constraints {
  const result: Constraints = { equals: new Map(), ranges: new Map() };
  if (filter) collect(filter, result);
  return result;
}

/** Whether a row whose `column` lies within [min, max] could pass the constraints (false: it certainly cannot). */
export function mayMatchWithin(constraints: Constraints, column: string, min: NormalizedValue, max: NormalizedValue): boolean {
  const equals = constraints.equals.get(column);
  if (equals && ![...equals].some((v) => compareNormalized(v, min) >= 0 && compareNormalized(v, max) <= 0)) return false;
  const range = constraints.ranges.get(column);
  if (range?.low) {
    const order = compareNormalized(max, range.low.value);
    if (order < 0 || (order === 0 && !range.low.inclusive)) return false;
  }
  if (range?.high) {
    const order = compareNormalized(min, range.high.value);
    if (order > 0 || (order === 0 && !range.high.inclusive)) return false;
  }
  return true;
}

const FLIPPED: Record<CompareOp, CompareOp> = { eq: 'eq', ne: 'ne', gt: 'lt', ge: 'le', lt: 'gt', le: 'ge' };

function collect(node: FilterNode, into: Constraints): void {
  if (node.kind === 'and') {
    collect(node.left, into);
    collect(node.right, into);
    return;
  }
  if (node.kind === 'in' && !node.negate) {
    narrowEquals(into, node.column, node.values);
    return;
  }
  if (node.kind !== 'compare') return;
  const sides = columnAndLiteral(node.left, node.right, node.op);
  if (!sides) return;
  const { column, value, op } = sides;
  switch (op) {
    case 'eq':
      narrowEquals(into, column, new Set([value]));
      return;
    case 'gt':
    case 'ge':
      narrowRange(into, column, 'low', { value, inclusive: op === 'ge' });
      return;
    case 'lt':
    case 'le':
      narrowRange(into, column, 'high', { value, inclusive: op === 'le' });
      return;
    default:
  }
}

function columnAndLiteral(
  left: Operand,
  right: Operand,
  op: CompareOp,
): { column: string; value: NormalizedValue; op: CompareOp } | undefined {
  if (left.kind === 'column' && right.kind === 'literal') return { column: left.name, value: right.value, op };
  if (left.kind === 'literal' && right.kind === 'column') return { column: right.name, value: left.value, op: FLIPPED[op] };
  return undefined;
}

function narrowEquals(into: Constraints, column: string, values: ReadonlySet<NormalizedValue>): void {
  const current = into.equals.get(column);
  into.equals.set(column, current ? new Set([...values].filter((v) => current.has(v))) : values);
}

function narrowRange(into: Constraints, column: string, end: 'low' | 'high', bound: Bound): void {
  const range = into.ranges.get(column) ?? {};
  const current = range[end];
  const order = current ? compareNormalized(bound.value, current.value) : 0;
  const tighter = !current || (end === 'low' ? order > 0 : order < 0) || (order === 0 && !bound.inclusive);
  if (tighter) range[end] = bound;
  into.ranges.set(column, range);
}
