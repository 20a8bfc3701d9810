import { z } from 'zod';
import type { DataverseOutcome, DataverseRequest, DataverseTransport } from './transport';

const CollectionSchema = z.object({
  value: z.array(z.unknown()),
  '@odata.nextLink': z.string().optional(),
  '@odata.deltaLink': z.string().optional(),
});

export type PagedResult =
  | { ok: true; rows: unknown[]; deltaLink: string | null }
  | { ok: false; outcome: Extract<DataverseOutcome, { ok: false }> };

/** Safety stop: 200 pages of 500 is 100,000 rows, far beyond any contact center's ongoing set. */
const MAX_PAGES = 200;

/**
 * GET a collection and every following page. @odata.nextLink is used verbatim (platform-api.md §3.5: clients must
 * not modify it) with the same headers, so the same maxpagesize is resent. Any failed page fails the whole read:
 * a partial list would look like removals.
 */
export async function readAllPages(transport: DataverseTransport, first: DataverseRequest): Promise<PagedResult> {
  const rows: unknown[] = [];
  let request: DataverseRequest = first;
  for (let page = 0; page < MAX_PAGES; page++) {
    const outcome = await transport.send(request);
    if (!outcome.ok) return { ok: false, outcome };
    const parsed = CollectionSchema.safeParse(outcome.body);
    if (!parsed.success) {
      return {
        ok: false,
        outcome: { ok: false, failure: 'malformed', status: outcome.status, code: null, message: 'Expected a collection with a value array', retryAt: null },
      };
    }
    rows.push(...parsed.data.value);
    const next = parsed.data['@odata.nextLink'];
    if (!next) return { ok: true, rows, deltaLink: parsed.data['@odata.deltaLink'] ?? null };
    request = { ...first, path: next };
  }
  return {
    ok: false,
    outcome: { ok: false, failure: 'malformed', status: null, code: null, message: `More than ${MAX_PAGES} pages`, retryAt: null },
  };
}
