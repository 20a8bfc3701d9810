/**
 * Server-driven paging (docs/platform.md#queries-and-paging): Prefer odata.maxpagesize (≤ 5,000), an opaque $skiptoken shaped
 * like Dataverse's paging cookie, carrying the last row's sort values and key. The next page starts strictly after
 * that row in the same order, so rows added or changed meanwhile neither repeat nor shift the pages.
 */
import { compareRows, type OrderKey } from '../../odata';
import type { Row } from '../../world/store';
import { badRequest } from '../errors';

export const MAX_PAGE_SIZE = 5000;

interface Cursor {
  values: unknown[];
  key: string;
}

export function encodeSkipToken(page: number, order: readonly OrderKey[], last: Row, key: string): string {
  const cursor: Cursor = { values: order.map((o) => last[o.column] ?? null), key: String(last[key]) };
  return encodeCookie(page, cursor, false);
}

export function decodeSkipToken(token: string): { page: number; cursor: Cursor } {
  const { page, payload } = decodeCookie(token);
  const cursor = payload as unknown as Cursor;
  if (!Array.isArray(cursor.values) || typeof cursor.key !== 'string') throw invalidToken();
  return { page, cursor };
}

/** The paging cookie's envelope; `tracking` pages belong to a change-tracking read (istracking="True"). */
export function encodeCookie(page: number, payload: unknown, tracking: boolean): string {
  const cookie = Buffer.from(JSON.stringify(payload)).toString('base64url');
  return `<cookie pagenumber="${page}" pagingcookie="${cookie}" istracking="${tracking ? 'True' : 'False'}" />`;
}

export function decodeCookie(token: string): { page: number; payload: Record<string, unknown>; tracking: boolean } {
  const page = Number(/pagenumber="(\d+)"/.exec(token)?.[1]);
  const cookie = /pagingcookie="([^"]*)"/.exec(token)?.[1];
  let payload: unknown;
  try {
    payload = JSON.parse(Buffer.from(cookie ?? '', 'base64url').toString());
  } catch {
    throw invalidToken();
  }
  if (!Number.isInteger(page) || typeof payload !== 'object' || payload === null) throw invalidToken();
  return { page, payload: payload as Record<string, unknown>, tracking: /istracking="True"/.test(token) };
}

const invalidToken = () =>
  badRequest('The $skiptoken is not valid. Use the @odata.nextLink returned by the previous page without changes.');

/** Rows strictly after the cursor, in the page order (the ordering keys plus the primary key as tie-breaker). */
export function afterCursor(rows: readonly Row[], order: readonly OrderKey[], key: string, cursor: Cursor): Row[] {
  const probe: Row = { [key]: cursor.key };
  order.forEach((o, i) => {
    probe[o.column] = cursor.values[i];
  });
  const full = [...order, { column: key, desc: false }];
  return rows.filter((row) => compareRows(full, row, probe) > 0);
}

/** The request's own URL with $skiptoken replaced, keeping the client's other options byte for byte. */
export function nextLinkOf(url: URL, token: string): string {
  const kept = url.search
    .replace(/^\?/, '')
    .split('&')
    .filter((p) => p && !/^(\$|%24)skiptoken=/i.test(p));
  kept.push(`$skiptoken=${encodeURIComponent(token)}`);
  return `${url.origin}${url.pathname}?${kept.join('&')}`;
}
