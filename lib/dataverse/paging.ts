import { z } from 'zod';
import { failed, failureOf, malformed, succeeded, type Result } from './result';
import type { DataverseOutcome, DataverseRequest, DataverseTransport } from './transport';

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
 * for as soon as the page in hand has come, before it is parsed (its link read off the body's end), so the platform
 * serves it while this page is parsed and its rows checked. The parsed link has the last word: a next page asked for
 * by a link it does not bear out is called off and the right one asked for.
 */
export async function readPagesWithin<T = unknown>(
  transport: DataverseTransport,
  first: DataverseRequest,
  maxPages: PageLimit,
  take: Take<T> = (rows) => rows as T[],
): Promise<Result<Pages<T> | null>> {
  const rows: T[] = [];
  const limitAt = (page: number) => (typeof maxPages === 'number' ? maxPages : maxPages(page));
  let early: AskedEarly | null = null;
  const takeEarly = (): AskedEarly | null => {
    const taken = early;
    early = null;
    return taken;
  };
  const ask = (path: string, page: number, called?: AbortSignal): Promise<DataverseOutcome> => {
    const signal = called && first.signal ? AbortSignal.any([first.signal, called]) : (called ?? first.signal);
    // Not past the limit, nor while the limit waits on another read: the next page is then asked for once this one
    // is in hand.
    const beforeParse = (body: string) => {
      const link = nextLinkAtEnd(body);
      const limit = link ? limitAt(page) : 0;
      if (!link || typeof limit !== 'number' || page >= limit) return;
      const off = new AbortController();
      early = { link, off, answer: ask(link, page + 1, off.signal) };
    };
    return transport.send({ ...first, path, ...(signal && { signal }), beforeParse });
  };
  let answer = ask(first.path, 1);
  for (let page = 1; ; page++) {
    const outcome = await answer;
    const ahead = takeEarly();
    const parsed = outcome.ok ? CollectionSchema.safeParse(outcome.body) : null;
    const next = parsed?.success ? parsed.data['@odata.nextLink'] : undefined;
    if (ahead && ahead.link !== next) ahead.off.abort();
    if (!outcome.ok) return failed(failureOf(outcome));
    if (!parsed?.success) return failed(malformed(outcome.status, 'Expected a collection with a value array'));
    if (next && page >= (await limitAt(page))) {
      ahead?.off.abort();
      return succeeded(null);
    }
    if (next) answer = ahead?.link === next ? ahead.answer : ask(next, page + 1);
    for (const row of take(parsed.data.value, next !== undefined)) rows.push(row);
    if (!next) return succeeded({ rows, deltaLink: parsed.data['@odata.deltaLink'] ?? null });
  }
}

/** A next page asked for by the link read off its previous page's body, before that page was parsed. */
interface AskedEarly {
  link: string;
  off: AbortController;
  answer: Promise<DataverseOutcome>;
}

const NEXT_LINK_KEY = '"@odata.nextLink"';
/** Far more than a link takes (Dataverse's paging cookie makes it a few KB at most). */
const LINK_WITHIN = 16_384;

/**
 * The @odata.nextLink a collection's body ends with (the platform writes it after the rows), read without parsing
 * the rows. A key inside a row's text has its quotes escaped and is not found; whatever is found is a hint only.
 */
export function nextLinkAtEnd(body: string): string | null {
  const at = body.lastIndexOf(NEXT_LINK_KEY);
  if (at < 0 || body.length - at > LINK_WITHIN) return null;
  const literal = /^\s*:\s*("(?:[^"\\]|\\.)*")\s*[,}]/.exec(body.slice(at + NEXT_LINK_KEY.length));
  if (!literal) return null;
  try {
    const link: unknown = JSON.parse(literal[1]!);
    return typeof link === 'string' ? link : null;
  } catch {
    return null;
  }
}
