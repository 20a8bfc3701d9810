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

/** What a read keeps of each page's rows (by default all of them, unchecked). */
type PageRows<T> = (rows: unknown[]) => T[];
const asIs = <T>(rows: unknown[]) => rows as T[];

/**
 * GET a collection and every following page. @odata.nextLink is used verbatim (docs/platform.md, "Querying and
 * paging": clients must not modify it) with the same headers, so the same maxpagesize is resent. Any failed page
 * fails the whole read: a partial list would look like removals.
 */
export async function readAllPages<T = unknown>(
  transport: DataverseTransport,
  first: DataverseRequest,
  eachPage: PageRows<T> = asIs,
): Promise<Result<Pages<T>>> {
  const result = await readPagesWithin(transport, first, MAX_PAGES, eachPage);
  if (!result.ok) return result;
  return result.value ? succeeded(result.value) : failed(malformed(null, `More than ${MAX_PAGES} pages`));
}

/**
 * As readAllPages, but gives up (null) when the collection has more than `maxPages` pages. Each page goes through
 * `eachPage` while the next one is already asked for: at 10,000 ongoing, checking a page of 5,000 conversations
 * takes about as long as the platform takes to send the next.
 */
export async function readPagesWithin<T = unknown>(
  transport: DataverseTransport,
  first: DataverseRequest,
  maxPages: number,
  eachPage: PageRows<T> = asIs,
): Promise<Result<Pages<T> | null>> {
  const rows: T[] = [];
  let request: DataverseRequest = first;
  let answer = transport.send(request);
  for (let page = 0; page < maxPages; page++) {
    const outcome = await answer;
    if (!outcome.ok) return failed(failureOf(outcome));
    const parsed = CollectionSchema.safeParse(outcome.body);
    if (!parsed.success) return failed(malformed(outcome.status, 'Expected a collection with a value array'));
    const next = parsed.data['@odata.nextLink'];
    if (next && page + 1 < maxPages) {
      request = { ...first, path: next };
      answer = transport.send(request);
    }
    for (const row of eachPage(parsed.data.value)) rows.push(row);
    if (!next) return succeeded({ rows, deltaLink: parsed.data['@odata.deltaLink'] ?? null });
  }
  return succeeded(null);
}
