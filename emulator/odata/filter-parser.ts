import { type CompareOp, type FilterNode, type Operand, valueKindOf } from './filter-ast';
import { syntaxError, type Token, tokenize } from './filter-lexer';
import { likePattern } from './like-pattern';
import { parseQueryFunction, QUERY_FUNCTION_PREFIX, type NamedArgument } from './query-functions';
import { columnOf, type EntitySchema, ODataError } from './schema';

const COMPARE_OPS: ReadonlySet<string> = new Set<CompareOp>(['eq', 'ne', 'gt', 'ge', 'lt', 'le']);
const TEXT_FUNCTIONS: ReadonlySet<string> = new Set(['contains', 'startswith', 'endswith']);
/** ODataLib's operator names, which Dataverse puts in its type-mismatch message. */
const OPERATOR_KIND: Record<CompareOp, string> = {
  eq: 'Equal',
  ne: 'NotEqual',
  gt: 'GreaterThan',
  ge: 'GreaterThanOrEqual',
  lt: 'LessThan',
  le: 'LessThanOrEqual',
};

/** A parsed piece: either something true/false (a predicate) or a value to compare (an operand). */
type Expr = { type: 'predicate'; node: FilterNode } | { type: 'operand'; operand: Operand };

/**
 * Parses a Dataverse $filter into a typed tree, checking every name and comparison against the schema.
 * `aliases` holds parameter aliases (`@p1` → its literal text) from the same query string.
 * Precedence, loosest first: or, and, comparison, not. `not` binds tightest, as in ODataLib (which Dataverse
 * runs), so `not statecode eq 0` is `(not statecode) eq 0` and is refused there and here; write `not (…)`.
 */
export function parseFilter(text: string, schema: EntitySchema, aliases: ReadonlyMap<string, string> = new Map()): FilterNode {
  const parser = new FilterParser(text, tokenize(text), schema, aliases);
  const expr = parser.parseOr();
  parser.expectEnd();
  return asPredicate(expr, text);
}

/** Something true/false: a predicate, or a Boolean value standing alone (`msdyn_isoutbound` means `… eq true`). */
function asPredicate(expr: Expr, text: string): FilterNode {
  if (expr.type === 'predicate') return expr.node;
  if (isBoolean(expr.operand)) {
    const yes: Operand = { kind: 'literal', value: true, valueKind: 'boolean', edmType: 'Edm.Boolean' };
    return { kind: 'compare', op: 'eq', left: expr.operand, right: yes };
  }
  throw new ODataError(`The $filter expression must evaluate to a single boolean value; '${text}' does not.`);
}

function isBoolean(operand: Operand): boolean {
  return operand.kind !== 'null' && operand.valueKind === 'boolean';
}

class FilterParser {
  private position = 0;

  constructor(
    private readonly text: string,
    private readonly tokens: readonly Token[],
    private readonly schema: EntitySchema,
    private readonly aliases: ReadonlyMap<string, string>,
  ) {}

  parseOr(): Expr {
    let left = this.parseAnd();
    while (this.takeKeyword('or')) {
      left = this.combine('or', left, this.parseAnd());
    }
    return left;
  }

  expectEnd(): void {
    const token = this.peek();
    if (token.kind !== 'end') throw syntaxError(this.text, token.at);
  }

  private parseAnd(): Expr {
    let left = this.parseComparison();
    while (this.takeKeyword('and')) {
      left = this.combine('and', left, this.parseComparison());
    }
    return left;
  }

  private combine(kind: 'and' | 'or', left: Expr, right: Expr): Expr {
    return { type: 'predicate', node: { kind, left: asPredicate(left, this.text), right: asPredicate(right, this.text) } };
  }

  private parseComparison(): Expr {
    const left = this.parseNot();
    const token = this.peek();
    if (token.kind !== 'identifier' || !COMPARE_OPS.has(token.text)) return left;
    this.position++;
    const op = token.text as CompareOp;
    const right = this.parseNot();
    const l = this.asOperand(left);
    const r = this.asOperand(right);
    checkComparable(op, l, r);
    return { type: 'predicate', node: { kind: 'compare', op, left: l, right: r } };
  }

  private parseNot(): Expr {
    if (!this.takeKeyword('not')) return this.parsePrimary();
    const operand = this.parseNot();
    if (operand.type === 'operand' && !isBoolean(operand.operand)) {
      const type = operand.operand.kind === 'null' ? 'null' : operand.operand.edmType;
      throw new ODataError(
        `A unary operator with an incompatible type was detected. Found operand type '${type}' for operator kind 'Not'.`,
      );
    }
    return { type: 'predicate', node: { kind: 'not', operand: asPredicate(operand, this.text) } };
  }

  private parsePrimary(): Expr {
    const token = this.next();
    switch (token.kind) {
      case 'punct': {
        if (token.text !== '(') throw syntaxError(this.text, token.at);
        const inner = this.parseOr();
        this.expectPunct(')');
        return inner;
      }
      case 'identifier':
        if (this.peekPunct('(')) return { type: 'predicate', node: this.parseCall(token.text, token.at) };
        return { type: 'operand', operand: this.identifierOperand(token.text, token.at) };
      case 'alias':
        return { type: 'operand', operand: this.resolveAlias(token.name) };
      case 'end':
        throw new ODataError(`Expression expected at position ${token.at} in '${this.text}'.`);
      default:
        return { type: 'operand', operand: literalOperand(token, this.text) };
    }
  }

  private identifierOperand(name: string, at: number): Operand {
    if (name === 'null') return { kind: 'null' };
    if (name === 'true' || name === 'false') {
      return { kind: 'literal', value: name === 'true', valueKind: 'boolean', edmType: 'Edm.Boolean' };
    }
    if (KEYWORDS.has(name)) throw syntaxError(this.text, at);
    const column = columnOf(this.schema, name);
    return { kind: 'column', name, valueKind: valueKindOf(column), edmType: column.type };
  }

  /** An alias stands for a literal written elsewhere in the query string (`?$filter=x eq @p1&@p1=5`). */
  private resolveAlias(name: string): Operand {
    const parser = this.aliasParser(name);
    const expr = parser.parsePrimary();
    parser.expectEnd();
    if (expr.type === 'operand' && expr.operand.kind !== 'column') return expr.operand;
    throw new ODataError(`The value of parameter alias '${name}' must be a literal.`);
  }

  private aliasParser(name: string): FilterParser {
    const text = this.aliases.get(name);
    if (text === undefined) throw new ODataError(`The parameter alias '${name}' is not defined in the query.`);
    // An alias holds a value, never another alias, so the nested parser gets none (and cannot loop).
    return new FilterParser(text, tokenize(text), this.schema, new Map());
  }

  private parseCall(name: string, at: number): FilterNode {
    this.expectPunct('(');
    if (TEXT_FUNCTIONS.has(name)) return this.parseTextFunction(name as 'contains' | 'startswith' | 'endswith');
    if (name.startsWith(QUERY_FUNCTION_PREFIX)) {
      return parseQueryFunction(name, this.parseNamedArguments(), this.schema);
    }
    throw new ODataError(`An unknown function with name '${name}' was found at position ${at} in '${this.text}'.`);
  }

  private parseTextFunction(fn: 'contains' | 'startswith' | 'endswith'): FilterNode {
    const column = this.asOperand(this.parseOr());
    this.expectPunct(',');
    const needle = this.asOperand(this.parseOr());
    this.expectPunct(')');
    if (column.kind !== 'column' || column.valueKind !== 'string' || needle.kind !== 'literal' || needle.valueKind !== 'string') {
      throw new ODataError(
        `No function signature for the function with name '${fn}' matches the specified arguments. ` +
          `The function signatures considered are: ${fn}(Edm.String Nullable=true, Edm.String Nullable=true).`,
      );
    }
    return { kind: 'text', column: column.name, pattern: likePattern(fn, needle.value as string) };
  }

  /** `Name='x',Other=['a','b']` up to and including the closing parenthesis. */
  private parseNamedArguments(): NamedArgument[] {
    const args: NamedArgument[] = [];
    if (this.takePunct(')')) return args;
    do {
      const name = this.next();
      if (name.kind !== 'identifier') throw syntaxError(this.text, name.at);
      this.expectPunct('=');
      args.push({ name: name.text, value: this.parseArgumentValue() });
    } while (this.takePunct(','));
    this.expectPunct(')');
    return args;
  }

  /** A text literal, a list of them, or an alias for either (`PropertyValues=@p2&@p2=['1','2']`, as Microsoft documents). */
  private parseArgumentValue(): NamedArgument['value'] {
    const token = this.peek();
    if (token.kind === 'alias') {
      this.position++;
      const parser = this.aliasParser(token.name);
      const value = parser.parseArgumentValue();
      parser.expectEnd();
      return value;
    }
    if (!this.takePunct('[')) return this.argumentLiteral(false);
    const items: string[] = [];
    if (this.takePunct(']')) return items;
    do {
      items.push(this.argumentLiteral(true));
    } while (this.takePunct(','));
    this.expectPunct(']');
    return items;
  }

  /**
   * Query-function arguments are text on Dataverse ('1'); bare numbers are accepted as the same text. Lists are
   * read as JSON, which takes "double" quotes and has no '' escape (Dataverse's own error names the comma it wanted).
   */
  private argumentLiteral(inList: boolean): string {
    const token = this.next();
    if (token.kind === 'number') return String(token.value);
    if (token.kind === 'string' && inList && token.doubledQuote) {
      throw new ODataError(
        "Invalid JSON. A comma character ',' was expected in scope 'Array'. Every two elements in an array and " +
          'properties of an object must be separated by commas.',
      );
    }
    if (token.kind === 'string' && (inList || !token.json)) return token.value;
    throw syntaxError(this.text, token.at);
  }

  private asOperand(expr: Expr): Operand {
    if (expr.type === 'operand') return expr.operand;
    throw new ODataError(`A true/false condition cannot be compared or passed as a value in '${this.text}'.`);
  }

  private peek(): Token {
    return this.tokens[this.position] ?? (this.tokens[this.tokens.length - 1] as Token);
  }

  private next(): Token {
    const token = this.peek();
    if (token.kind !== 'end') this.position++;
    return token;
  }

  private takeKeyword(word: string): boolean {
    const token = this.peek();
    if (token.kind !== 'identifier' || token.text !== word) return false;
    this.position++;
    return true;
  }

  private peekPunct(text: string): boolean {
    const token = this.peek();
    return token.kind === 'punct' && token.text === text;
  }

  private takePunct(text: string): boolean {
    if (!this.peekPunct(text)) return false;
    this.position++;
    return true;
  }

  private expectPunct(text: string): void {
    if (!this.takePunct(text)) throw syntaxError(this.text, this.peek().at);
  }
}

const KEYWORDS: ReadonlySet<string> = new Set(['and', 'or', 'not', ...COMPARE_OPS]);

function literalOperand(token: Token, text: string): Operand {
  switch (token.kind) {
    case 'string':
      if (token.json) break; // "double quotes" are JSON, valid only in query-function lists
      return { kind: 'literal', value: token.value.toLowerCase(), valueKind: 'string', edmType: 'Edm.String' };
    case 'number': {
      const edmType = !token.integer ? 'Edm.Decimal' : Math.abs(token.value) > 2 ** 31 ? 'Edm.Int64' : 'Edm.Int32';
      return { kind: 'literal', value: token.value, valueKind: 'number', edmType };
    }
    case 'guid':
      return { kind: 'literal', value: token.value, valueKind: 'guid', edmType: 'Edm.Guid' };
    case 'datetime':
      return {
        kind: 'literal',
        value: token.value,
        valueKind: 'date',
        edmType: token.dateOnly ? 'Edm.Date' : 'Edm.DateTimeOffset',
      };
  }
  throw syntaxError(text, token.at);
}

/** Dataverse (ODataLib) refuses to compare values of different kinds rather than coercing them. */
function checkComparable(op: CompareOp, left: Operand, right: Operand): void {
  if (left.kind === 'null' || right.kind === 'null' || left.valueKind === right.valueKind) return;
  throw new ODataError(
    `A binary operator with incompatible types was detected. Found operand types '${left.edmType}' and ` +
      `'${right.edmType}' for operator kind '${OPERATOR_KIND[op]}'.`,
  );
}
