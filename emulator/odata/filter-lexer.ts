import { ODataError } from './schema';

/**
 * Tokens of Dataverse's $filter syntax. Literals that OData writes bare (GUIDs, date-times) get their own kinds
 * because they would otherwise read as identifiers or numbers.
 */
export type Token =
  | { kind: 'identifier'; text: string; at: number }
  /** `json`: written in double quotes, as JSON (only inside query-function lists); `doubledQuote`: held a '' escape. */
  | { kind: 'string'; value: string; json: boolean; doubledQuote: boolean; at: number }
  | { kind: 'number'; value: number; integer: boolean; at: number }
  | { kind: 'guid'; value: string; at: number }
  | { kind: 'datetime'; value: number; dateOnly: boolean; text: string; at: number }
  | { kind: 'alias'; name: string; at: number }
  | { kind: 'punct'; text: '(' | ')' | ',' | '[' | ']' | '='; at: number }
  | { kind: 'end'; at: number };

const HEX = '[0-9a-fA-F]';
// Each pattern is sticky (matches only at lastIndex) and must not run into a following name character.
const GUID = new RegExp(`${HEX}{8}-${HEX}{4}-${HEX}{4}-${HEX}{4}-${HEX}{12}(?![\\w.-])`, 'y');
const DATETIME = /\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,7})?)?(Z|[+-]\d{2}:\d{2}))?(?![\w.:-])/y;
const NUMBER = /-?\d+(\.\d+)?([eE][+-]?\d+)?(?![\w.])/y;
// Dots belong to names so namespaced query functions (Microsoft.Dynamics.CRM.In) arrive as one identifier.
const IDENTIFIER = /[A-Za-z_][\w.]*/y;
const ALIAS = /@[A-Za-z_]\w*/y;
const PUNCT = new Set(['(', ')', ',', '[', ']', '=']);

function matchAt(pattern: RegExp, text: string, at: number): RegExpExecArray | null {
  pattern.lastIndex = at;
  return pattern.exec(text);
}

export function syntaxError(text: string, at: number): ODataError {
  return new ODataError(`Syntax error at position ${at} in '${text}'.`);
}

export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let at = 0;
  while (at < text.length) {
    const ch = text[at] as string;
    if (ch === ' ' || ch === '\t' || ch === '\n' || ch === '\r') {
      at++;
      continue;
    }
    const token = readToken(text, at);
    tokens.push(token.token);
    at = token.next;
  }
  tokens.push({ kind: 'end', at });
  return tokens;
}

function readToken(text: string, at: number): { token: Token; next: number } {
  const ch = text[at] as string;
  if (ch === "'") return readString(text, at);
  if (ch === '"') return readJsonString(text, at);
  if (PUNCT.has(ch)) {
    return { token: { kind: 'punct', text: ch as '(' | ')' | ',' | '[' | ']' | '=', at }, next: at + 1 };
  }
  let m = matchAt(GUID, text, at);
  if (m) return { token: { kind: 'guid', value: m[0].toLowerCase(), at }, next: at + m[0].length };
  m = matchAt(DATETIME, text, at);
  if (m) {
    const dateOnly = m[1] === undefined;
    const value = Date.parse(dateOnly ? `${m[0]}T00:00:00Z` : m[0]);
    if (Number.isNaN(value)) throw new ODataError(`The date-time literal '${m[0]}' at position ${at} is not valid.`);
    return { token: { kind: 'datetime', value, dateOnly, text: m[0], at }, next: at + m[0].length };
  }
  m = matchAt(NUMBER, text, at);
  if (m) {
    const integer = m[1] === undefined && m[2] === undefined;
    return { token: { kind: 'number', value: Number(m[0]), integer, at }, next: at + m[0].length };
  }
  m = matchAt(IDENTIFIER, text, at) ?? matchAt(ALIAS, text, at);
  if (m) {
    const token: Token = m[0].startsWith('@') ? { kind: 'alias', name: m[0], at } : { kind: 'identifier', text: m[0], at };
    return { token, next: at + m[0].length };
  }
  if (ch === '/') {
    // Dataverse accepts lookup paths (primarycontactid/fullname) and lambdas (x/any(…)); the emulator does not.
    throw new ODataError(`Filtering through navigation properties ('/' at position ${at}) is not supported by the emulator.`);
  }
  throw new ODataError(`Syntax error: character '${ch}' is not valid at position ${at} in '${text}'.`);
}

/** OData string literal: single quotes, a quote inside is written twice. */
function readString(text: string, start: number): { token: Token; next: number } {
  let value = '';
  let doubledQuote = false;
  let at = start + 1;
  while (at < text.length) {
    const ch = text[at] as string;
    if (ch === "'") {
      if (text[at + 1] === "'") {
        value += "'";
        doubledQuote = true;
        at += 2;
        continue;
      }
      return { token: { kind: 'string', value, json: false, doubledQuote, at: start }, next: at + 1 };
    }
    value += ch;
    at++;
  }
  throw unterminated(text);
}

/** JSON string literal, with JSON's backslash escapes. */
function readJsonString(text: string, start: number): { token: Token; next: number } {
  let at = start + 1;
  while (at < text.length && text[at] !== '"') at += text[at] === '\\' ? 2 : 1;
  if (at >= text.length) throw unterminated(text);
  let value: unknown;
  try {
    value = JSON.parse(text.slice(start, at + 1));
  } catch {
    throw syntaxError(text, start);
  }
  return { token: { kind: 'string', value: value as string, json: true, doubledQuote: false, at: start }, next: at + 1 };
}

function unterminated(text: string): ODataError {
  // ODataLib reports the end of the text as the position, which Dataverse passes on.
  return new ODataError(`There is an unterminated literal at position ${text.length} in '${text}'.`);
}
