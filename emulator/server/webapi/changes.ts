/**
 * Change tracking (docs/platform.md#change-tracking), on only when the org switch is: Prefer odata.track-changes returns every
 * row ever (closed history included) and an @odata.deltaLink; the delta link returns rows changed since, and deleted
 * ones as $deletedEntity. Both are paged like any read (≤ 5,000 rows a page, in row-version order): each page but the
 * last carries an @odata.nextLink whose $skiptoken remembers where the read stands, the last one the deltaLink.
 */
import { parseQueryOptions, type Constraints } from '../../odata';
import type { TableDef } from '../../schema/define';
import { schemaOf } from '../../schema/tables';
import { badRequest } from '../errors';
import { json, type WebApiContext } from './context';
import { decodeCookie, encodeCookie, MAX_PAGE_SIZE, nextLinkOf } from './paging';
import { appliedPreferences } from './prefer';
import { shapeRow } from './shape';

const REFUSED = ['$filter', '$orderby', '$expand', '$top'] as const;

/** Where a tracked read stands: rows with a version in (after, until]; `since` is the delta token it started from. */
interface TrackingCursor {
  after: number;
  until: number;
  since: number | null;
}

/** A tracked read: the preference, a delta link, or the next page of either. */
export function isTrackingRead(c: WebApiContext): boolean {
  const skipToken = c.url.searchParams.get('$skiptoken');
  return c.prefer.trackChanges || c.url.searchParams.has('$deltatoken') || (skipToken !== null && decodeCookie(skipToken).tracking);
}

export function trackedChanges(c: WebApiContext, def: TableDef): Response {
  for (const option of REFUSED) {
    if (c.url.searchParams.has(option)) {
      throw badRequest(
        `The query parameter ${option} is not supported when change tracking is requested (Prefer: odata.track-changes or $deltatoken).`,
      );
    }
  }
  const query = parseQueryOptions(c.url.searchParams, def.schema, schemaOf);
  const world = c.state.world;
  const store = world.store;
  const set = def.schema.entitySet;
  const skipToken = c.url.searchParams.get('$skiptoken');
  const { page, cursor } = skipToken === null ? { page: 1, cursor: firstCursor(c) } : readCursor(skipToken);

  const versions: Constraints = {
    equals: new Map(),
    ranges: new Map([
      ['versionnumber', { low: { value: cursor.after, inclusive: false }, high: { value: cursor.until, inclusive: true } }],
    ]),
  };
  const rows = [...store.candidates(set, versions)]
    .filter((row) => Number(row.versionnumber) > cursor.after && Number(row.versionnumber) <= cursor.until)
    .sort((a, b) => Number(a.versionnumber) - Number(b.versionnumber));
  const pageSize = Math.min(c.prefer.maxPageSize ?? MAX_PAGE_SIZE, MAX_PAGE_SIZE);
  const pageRows = rows.slice(0, pageSize);
  const value: Record<string, unknown>[] = pageRows.map((row) =>
    shapeRow(row, def, store, { select: query.select, annotations: c.prefer.annotations }),
  );
  const last = pageRows[pageRows.length - 1];
  const more = rows.length > pageSize && last !== undefined;
  if (!more && cursor.since !== null) {
    for (const d of store.deletions) {
      if (d.entitySet === set && d.version > cursor.since && d.version <= cursor.until) {
        value.push({ '@odata.context': `${c.base}/$metadata#${set}/$deletedEntity`, id: d.id, reason: 'deleted' });
      }
    }
  }
  const selected = query.select ? `(${query.select.join(',')})` : '';
  const body: Record<string, unknown> = {
    '@odata.context': `${c.base}/$metadata#${set}${selected}${cursor.since === null ? '' : '/$delta'}`,
  };
  if (query.count) body['@odata.count'] = value.length;
  body.value = value;
  if (more) {
    const next: TrackingCursor = { ...cursor, after: Number(last.versionnumber) };
    body['@odata.nextLink'] = nextLinkOf(c.url, encodeCookie(page + 1, next, true));
  } else {
    const stamp = world.clock.now().toISOString().replace('T', ' ').slice(0, 19);
    const deltaToken = encodeURIComponent(`${cursor.until}!${stamp}`);
    const select = c.url.searchParams.get('$select');
    body['@odata.deltaLink'] = `${c.base}/${set}?${select ? `$select=${select}&` : ''}$deltatoken=${deltaToken}`;
  }
  const applied = appliedPreferences(c.prefer, c.prefer.maxPageSize === undefined ? undefined : pageSize)['Preference-Applied'];
  return json(body, 200, { 'Preference-Applied': ['odata.track-changes', applied].filter(Boolean).join(',') });
}

/** A first read takes every row up to now; a delta read those changed since its token. */
function firstCursor(c: WebApiContext): TrackingCursor {
  const token = c.url.searchParams.get('$deltatoken');
  const since = token === null ? null : parseDeltaToken(token);
  return { after: since ?? 0, until: c.state.world.store.currentVersion(), since };
}

function readCursor(token: string): { page: number; cursor: TrackingCursor } {
  const { page, payload, tracking } = decodeCookie(token);
  const { after, until, since } = payload;
  if (!tracking || typeof after !== 'number' || typeof until !== 'number' || (since !== null && typeof since !== 'number')) {
    throw badRequest('The $skiptoken is not valid. Use the @odata.nextLink returned by the previous page without changes.');
  }
  return { page, cursor: { after, until, since } };
}

function parseDeltaToken(token: string): number {
  const version = Number(token.split('!')[0]);
  if (!Number.isInteger(version) || version < 0)
    throw badRequest('The delta token is not valid or has expired. Synchronize again without a delta token.');
  return version;
}
