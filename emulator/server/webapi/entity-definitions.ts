/**
 * EntityDefinitions(LogicalName='…'): the slice of a table's metadata a client asks before relying on it, chiefly
 * ChangeTrackingEnabled (the org's changeTracking switch decides it for every table). $select picks properties.
 */
import { tableByLogicalName } from '../../schema/tables';
import { stableGuid } from '../../world/random';
import { badRequest, DataverseError, ERROR_CODES } from '../errors';
import { json, type WebApiContext } from './context';

export function entityDefinition(c: WebApiContext, args: string): Response {
  const logicalName = /^\s*LogicalName\s*=\s*'([^']*)'\s*$/.exec(args)?.[1];
  if (logicalName === undefined) throw badRequest("Address a table's metadata as EntityDefinitions(LogicalName='<logical name>').");
  const def = tableByLogicalName(logicalName);
  if (!def) {
    throw new DataverseError(
      404,
      ERROR_CODES.notFound,
      `Entity with a name = '${logicalName}' with namemapping = 'Logical' was not found in the MetadataCache.`,
    );
  }
  const all: Record<string, unknown> = {
    MetadataId: stableGuid(`EntityDefinitions/${logicalName}`),
    LogicalName: def.schema.logicalName,
    EntitySetName: def.schema.entitySet,
    PrimaryIdAttribute: def.schema.key,
    PrimaryNameAttribute: def.primaryName,
    ChangeTrackingEnabled: c.state.world.settings.changeTracking,
  };
  const select = c.url.searchParams.get('$select');
  const names = select === null ? Object.keys(all) : select.split(',').map((n) => n.trim());
  for (const name of names) {
    if (!(name in all)) throw badRequest(`Could not find a property named '${name}' on type 'Microsoft.Dynamics.CRM.EntityMetadata'.`);
  }
  const body: Record<string, unknown> = {
    '@odata.context': `${c.base}/$metadata#EntityDefinitions${select === null ? '' : `(${names.join(',')})`}/$entity`,
  };
  for (const name of names) body[name] = all[name];
  body.MetadataId = all.MetadataId; // the key comes back whatever was selected
  return json(body);
}
