import { z } from 'zod';
import { failed, failureOf, malformed, succeeded, type Result } from './result';
import type { DataverseRequest, DataverseTransport } from './transport';

const CollectionSchema = z.object({
  value: z.array(z.unknown()),
  '@odata.nextLink': z.string().optional(),
  '@odata.deltaLink': z.string().optional(),
});

export interface Pages<T = unknown> {
  rows: T[];
  deltaLink: string | null;
}

/** Safety stop: 200 pages of 500 is 100,000 rows, far beyond any contact center's ongoing set. */
const MAX_PAGES = 200;

/**
 * What becomes of each page's rows (`more`: another page follows): kept as they are, or checked (read.ts) while the
 * next page is on its way.
 */
type Take<T> = (rows: unknown[], more: boolean) => T[];

/**
 * GET a collection and every following page. @odata.nextLink is used verbatim (docs/platform.md, "Querying and
 * paging": clients must not modify it) with the same headers, so the same maxpagesize is resent. Any failed page
 * fails the whole read: a partial list would look like removals.
 */
export async function readAllPages<T = unknown>(
  transport: DataverseTransport,
  first: DataverseRequest,
  take?: Take<T>,
): Promise<Result<Pages<T>>> {
  const result = await readPagesWithin(transport, first, MAX_PAGES, take);
  if (!result.ok) return result;
  return result.value ? succeeded(result.value) : failed(malformed(null, `More than ${MAX_PAGES} pages`));
}

/**
 * A page limit, or a function asked before each next page (given the pages read so far) for a limit that depends on
 * another read still under way; it may keep the read waiting until it knows.
 */
export type PageLimit = number | ((pagesRead: number) => number | Promise<number>);

/**
 * As readAllPages, but gives up (null) when the collection has more than `maxPages` pages. Each next page is asked
 * for before the page in hand is taken in, so its rows are checked while the platform serves the next one.
 */
export async function readPagesWithin<T = unknown>(
  transport: DataverseTransport,
  first: DataverseRequest,
  maxPages: PageLimit,
  take: Take<T> = (rows) => rows as T[],
): Promise<Result<Pages<T> | null>> {
  const rows: T[] = [];
  let answer = transport.send(first);
  for (let page = 1; ; page++) {
    const outcome = await answer;
    if (!outcome.ok) return failed(failureOf(outcome));
    const parsed = CollectionSchema.safeParse(outcome.body);
    if (!parsed.success) return failed(malformed(outcome.status, 'Expected a collection with a value array'));
    const next = parsed.data['@odata.nextLink'];
    if (next && page >= (typeof maxPages === 'number' ? maxPages : await maxPages(page))) return succeeded(null);
    if (next) answer = transport.send({ ...first, path: next });
    for (const row of take(parsed.data.value, next !== undefined)) rows.push(row);
    if (!next) return succeeded({ rows, deltaLink: parsed.data['@odata.deltaLink'] ?? null });
  }
}
