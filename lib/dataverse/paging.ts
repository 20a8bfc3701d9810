import { z } from 'zod';
import { failed, failureOf, malformed, succeeded, type Result } from './result';
import type { DataverseRequest, DataverseTransport } from './transport';

const CollectionSchema = z.object({
  value: z.array(z.unknown()),
  '@odata.nextLink': z.string().optional(),
  '@odata.deltaLink': z.string().optional(),
});

export interface Pages {
  rows: unknown[];
  deltaLink: string | null;
}

/** Safety stop: 200 pages of 500 is 100,000 rows, far beyond any contact center's ongoing set. */
const MAX_PAGES = 200;

/**
 * GET a collection and every following page. @odata.nextLink is used verbatim (docs/platform.md, "Querying and
 * paging": clients must not modify it) with the same headers, so the same maxpagesize is resent. Any failed page
 * fails the whole read: a partial list would look like removals.
 */
export async function readAllPages(transport: DataverseTransport, first: DataverseRequest): Promise<Result<Pages>> {
  const result = await readPagesWithin(transport, first, MAX_PAGES);
  if (!result.ok) return result;
  return result.value ? succeeded(result.value) : failed(malformed(null, `More than ${MAX_PAGES} pages`));
}

/** As readAllPages, but gives up (null) when the collection has more than `maxPages` pages. */
export async function readPagesWithin(
  transport: DataverseTransport,
  first: DataverseRequest,
  maxPages: number,
): Promise<Result<Pages | null>> {
  const rows: unknown[] = [];
  let request: DataverseRequest = first;
  for (let page = 0; page < maxPages; page++) {
    const outcome = await transport.send(request);
    if (!outcome.ok) return failed(failureOf(outcome));
    const parsed = CollectionSchema.safeParse(outcome.body);
    if (!parsed.success) return failed(malformed(outcome.status, 'Expected a collection with a value array'));
    rows.push(...parsed.data.value);
    const next = parsed.data['@odata.nextLink'];
    if (!next) return succeeded({ rows, deltaLink: parsed.data['@odata.deltaLink'] ?? null });
    request = { ...first, path: next };
  }
  return succeeded(null);
}
