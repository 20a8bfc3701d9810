/**
 * GET <set>(<id>)/<navigation>: N:N collections (systemuserroles_association, queuemembership_association,
 * teamroles_association, …) and 1:N ones (customapis(<id>)/CustomAPIRequestParameters) with query options, and
 * single-valued lookups as the related record.
 */
import { matches, parseQueryOptions } from '../../odata';
import type { TableDef } from '../../schema/define';
import { schemaOf, tableOf } from '../../schema/tables';
import { badRequest } from '../errors';
import { respondWithPage } from './collection';
import type { WebApiContext } from './context';
import { mustExist, retrieve } from './records';
import { relatedRows } from './shape';

export function navigate(c: WebApiContext, def: TableDef, id: string, navName: string): Response {
  const row = mustExist(c, def, id);
  const store = c.state.world.store;
  const collectionTarget = def.collections[navName]?.target ?? def.schema.oneToMany?.[navName]?.target;
  const relatedDef = collectionTarget === undefined ? undefined : tableOf(collectionTarget);
  if (relatedDef) {
    const query = parseQueryOptions(c.url.searchParams, relatedDef.schema, schemaOf);
    const rows = relatedRows(row, def, store, navName)
      .map((related) => related.row)
      .filter((related) => matches(query.filter, related));
    return respondWithPage(c, relatedDef, rows, query);
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
