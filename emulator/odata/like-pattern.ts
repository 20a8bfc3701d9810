/**
 * contains/startswith/endswith become SQL LIKE on the platform, so their text may hold LIKE's wildcards:
 * `%` (any run), `_` (any one character), `[abc]`/`[a-c]` (one of) and `[^…]` (none of); `[%]` is a literal %.
 * https://learn.microsoft.com/power-apps/developer/data-platform/webapi/query/filter-rows#use-wildcard-characters
 * The pattern expects lower-case text on both sides (comparisons ignore case).
 */
export function likePattern(fn: 'contains' | 'startswith' | 'endswith', needle: string): RegExp {
  const body = translate(needle);
  if (fn === 'startswith') return new RegExp(`^${body}`);
  if (fn === 'endswith') return new RegExp(`${body}$`);
  return new RegExp(body);
}

function translate(needle: string): string {
  let out = '';
  for (let i = 0; i < needle.length; i++) {
    const ch = needle[i] as string;
    if (ch === '%') out += '[\\s\\S]*';
    else if (ch === '_') out += '[\\s\\S]';
    else if (ch === '[' && needle.indexOf(']', i + 2) !== -1) {
      const close = needle.indexOf(']', i + 2);
      out += characterClass(needle.slice(i + 1, close));
      i = close;
    } else out += escapeRegExp(ch);
  }
  return out;
}

/** `^a-c` → `[^a-c]`; everything but the range dash is taken literally. */
function characterClass(content: string): string {
  const negated = content.startsWith('^') && content.length > 1;
  const members = negated ? content.slice(1) : content;
  return `[${negated ? '^' : ''}${members.replace(/[\\\][^]/g, '\\$&')}]`;
}

function escapeRegExp(ch: string): string {
  return /[.*+?^${}()|[\]\\/]/.test(ch) ? `\\${ch}` : ch;
}
