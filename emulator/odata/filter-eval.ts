import type { CompareOp, FilterNode, NormalizedValue, Operand } from './filter-ast';
import { compareNormalized, normalize } from './values';
import { cellText } from './values';

type Row = Readonly<Record<string, unknown>>;
/** SQL's three-valued logic: a comparison with an empty value is unknown (undefined), and unknown never matches. */
type Truth = boolean | undefined;

/** Whether a row passes the filter, with the platform's SQL semantics for empty (null) values. */
export function matches(filter: FilterNode | undefined, row: Row): boolean {
  return filter === undefined || evaluate(filter, row) === true;
}

function evaluate(node: FilterNode, row: Row): Truth {
  switch (node.kind) {
    case 'and': {
      const left = evaluate(node.left, row);
      if (left === false) return false;
      const right = evaluate(node.right, row);
      if (right === false) return false;
      return left === true && right === true ? true : undefined;
    }
    case 'or': {
      const left = evaluate(node.left, row);
      if (left === true) return true;
      const right = evaluate(node.right, row);
      if (right === true) return true;
      return left === false && right === false ? false : undefined;
    }
    case 'not': {
      const operand = evaluate(node.operand, row);
      return operand === undefined ? undefined : !operand;
    }
    case 'compare':
      return compare(node.op, node.left, node.right, row);
    case 'text': {
      const value = normalize(row[node.column], 'string') as string | null;
      return value === null ? undefined : node.pattern.test(value);
    }
    case 'in': {
      const value = normalize(row[node.column], node.valueKind);
      if (value === null) return undefined;
      return node.values.has(value) !== node.negate;
    }
    case 'containValues': {
      // An empty multi-select holds no values, so it "does not contain" any of them.
      const held = splitChoices(row[node.column]);
      const found = held.some((value) => node.values.has(value));
      return found !== node.negate;
    }
  }
}

function compare(op: CompareOp, left: Operand, right: Operand, row: Row): Truth {
  // `x eq null` / `x ne null` are IS NULL / IS NOT NULL: always a definite answer.
  if (left.kind === 'null' || right.kind === 'null') {
    const other = left.kind === 'null' ? right : left;
    const isNull = other.kind === 'null' || valueOf(other, row) === null;
    if (op === 'eq') return isNull;
    if (op === 'ne') return !isNull;
    return undefined;
  }
  const a = valueOf(left, row);
  const b = valueOf(right, row);
  if (a === null || b === null) return undefined;
  const order = compareNormalized(a, b);
  switch (op) {
    case 'eq':
      return order === 0;
    case 'ne':
      return order !== 0;
    case 'gt':
      return order > 0;
    case 'ge':
      return order >= 0;
    case 'lt':
      return order < 0;
    case 'le':
      return order <= 0;
  }
}

function valueOf(operand: Exclude<Operand, { kind: 'null' }>, row: Row): NormalizedValue | null {
  return operand.kind === 'literal' ? operand.value : normalize(row[operand.name], operand.valueKind);
}

function splitChoices(value: unknown): string[] {
  if (value === null || value === undefined) return [];
  return cellText(value)
    .split(',')
    .map((part) => part.trim())
    .filter((part) => part !== '');
}
