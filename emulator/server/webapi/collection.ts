/** GET <entityset>: query options through the OData engine, server paging, $count, annotations. */
import { constraintsOf, firstInOrder, matches, parseQueryOptions, type QueryOptions } from '../../odata';
import type { TableDef } from '../../schema/define';
import { schemaOf } from '../../schema/tables';
import type { Row } from '../../world/store';
import { json, type WebApiContext } from './context';
import { appliedPreferences } from './prefer';
import { afterCursor, decodeSkipToken, encodeSkipToken, MAX_PAGE_SIZE, nextLinkOf } from './paging';
import { shapeRow } from './shape';
import { isTrackingRead, trackedChanges } from './changes';

export function listCollection(c: WebApiContext, def: TableDef): Response {
  // Without the org switch the preference is ignored (no deltaLink), like a table without change tracking.
  if (c.state.world.settings.changeTracking && isTrackingRead(c)) return trackedChanges(c, def);
  const query = parseQueryOptions(c.url.searchParams, def.schema, schemaOf);
  const store = c.state.world.store;
  const all: Row[] = [];
  for (const row of store.candidates(def.schema.entitySet, constraintsOf(query.filter))) if (matches(query.filter, row)) all.push(row);
  return respondWithPage(c, def, all, query);
}

export type PageQuery = Omit<QueryOptions, 'filter'>;

/** Sorts, pages and shapes already-filtered rows; shared by entity sets and navigation collections. */
export function respondWithPage(c: WebApiContext, def: TableDef, matched: Row[], query: PageQuery): Response {
  const key = def.schema.key;
  const order = query.orderby ?? [];
  const token = c.url.searchParams.get('$skiptoken');
  let rows = matched;
  let page = 1;
  if (token) {
    const decoded = decodeSkipToken(token);
    page = decoded.page;
    rows = afterCursor(matched, order, key, decoded.cursor);
  }
  const maxPageSize = c.prefer.maxPageSize === undefined ? undefined : Math.min(c.prefer.maxPageSize, MAX_PAGE_SIZE);
  // $top is ignored when odata.maxpagesize is sent (docs/platform.md#queries-and-paging).
  const limit = maxPageSize ?? Math.min(query.top ?? MAX_PAGE_SIZE, MAX_PAGE_SIZE);
  const pageRows = firstInOrder([...order, { column: key, desc: false }], rows, limit);
  const more = rows.length > limit && (maxPageSize !== undefined || query.top === undefined);

  const store = c.state.world.store;
  const context = query.select ? `${def.schema.entitySet}(${query.select.join(',')})` : def.schema.entitySet;
  const body: Record<string, unknown> = { '@odata.context': `${c.base}/$metadata#${context}` };
  if (query.count) body['@odata.count'] = Math.min(matched.length, MAX_PAGE_SIZE);
  body.value = pageRows.map((row) =>
    shapeRow(row, def, store, { select: query.select, expand: query.expand, annotations: c.prefer.annotations }),
  );
  const last = pageRows[pageRows.length - 1];
  if (more && last) body['@odata.nextLink'] = nextLinkOf(c.url, encodeSkipToken(page + 1, order, last, key));
  return json(body, 200, appliedPreferences(c.prefer, maxPageSize));
}
