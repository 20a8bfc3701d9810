/**
 * GET <set>(<id>)/<navigation>: N:N collections (systemuserroles_association, queuemembership_association,
 * teamroles_association, …) and 1:N ones (customapis(<id>)/CustomAPIRequestParameters) with query options, and
 * single-valued lookups as the related record.
 */
import { matches, parseQueryOptions } from '../../odata';
import type { TableDef } from '../../schema/define';
import { schemaOf, tableOf } from '../../schema/tables';
import type { Row } from '../../world/store';
import { badRequest } from '../errors';
import { respondWithPage } from './collection';
import type { WebApiContext } from './context';
import { mustExist, retrieve } from './records';
import { children } from './shape';

export function navigate(c: WebApiContext, def: TableDef, id: string, navName: string): Response {
  const row = mustExist(c, def, id);
  const store = c.state.world.store;
  const collection = def.collections[navName];
  if (collection) {
    const target = tableOf(collection.target);
    if (!target) throw new Error(`no table ${collection.target}`);
    const query = parseQueryOptions(c.url.searchParams, target.schema, schemaOf);
    const related: Row[] = [];
    for (const relatedId of store.related(collection.relation, collection.side, String(row[def.schema.key]))) {
      const r = store.get(collection.target, relatedId);
      if (r && matches(query.filter, r)) related.push(r);
    }
    return respondWithPage(c, target, related, query);
  }
  const many = def.schema.oneToMany?.[navName];
  const childDef = many && tableOf(many.target);
  if (childDef) {
    const query = parseQueryOptions(c.url.searchParams, childDef.schema, schemaOf);
    const rows = children(row, def, store, navName)
      .map((child) => child.row)
      .filter((child) => matches(query.filter, child));
    return respondWithPage(c, childDef, rows, query);
  }
  const single = def.schema.navigation[navName];
  if (single) {
    const target = tableOf(single.target);
    const relatedId = row[single.column];
    if (!target || typeof relatedId !== 'string') return new Response(null, { status: 204, headers: { 'OData-Version': '4.0' } });
    return retrieve(c, target, relatedId);
  }
  throw badRequest(`Could not find a property named '${navName}' on type 'Microsoft.Dynamics.CRM.${def.schema.logicalName}'.`);
}
