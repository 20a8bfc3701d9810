/**
 * Unbound functions: WhoAmI(), RetrieveAadUserRoles(DirectoryObjectId=…) (docs/platform.md#roles and #functions-and-actions),
 * RetrieveTotalRecordCount(EntityNames=[…]) and RetrieveVersion().
 */
import { BUSINESS_UNIT_ID, ORGANIZATION_ID } from '../../personas';
import { tableByLogicalName } from '../../schema/tables';
import { badRequest } from '../errors';
import { rolesOf } from '../identity';
import { json, type WebApiContext } from './context';

export function whoAmI(c: WebApiContext): Response {
  return json({
    '@odata.context': `${c.base}/$metadata#Microsoft.Dynamics.CRM.WhoAmIResponse`,
    BusinessUnitId: BUSINESS_UNIT_ID,
    UserId: c.userId,
    OrganizationId: ORGANIZATION_ID,
  });
}

/**
 * RetrieveVersion(): the org's version. A real org's version moves when an update changes what it offers; here it
 * moves with the org settings that change what a client discovers (the action contract, who may read customapis,
 * the capacity model, change tracking), so a client that caches per version sees a reconfigured org as updated.
 */
export function retrieveVersion(c: WebApiContext): Response {
  const settings = c.state.world.settings;
  const shape = JSON.stringify([settings.actionContract, settings.customApisReadable, settings.capacityModel, settings.changeTracking]);
  let hash = 0;
  for (const char of shape) hash = (hash * 31 + char.charCodeAt(0)) % 100_000;
  return json({ '@odata.context': `${c.base}/$metadata#Microsoft.Dynamics.CRM.RetrieveVersionResponse`, Version: `9.2.25111.${hash}` });
}

/** Parameters come inline (Name=value) or as @aliases (Name=@p1 with ?@p1=value). */
function functionParameter(c: WebApiContext, inline: string, name: string): string | undefined {
  // Commas inside an array literal or a quoted string do not separate parameters.
  for (const part of inline.match(/(?:\[[^\]]*\]|'[^']*'|[^,])+/g) ?? []) {
    const [k, ...rest] = part.split('=');
    if (k?.trim() !== name) continue;
    let value = rest.join('=').trim();
    if (value.startsWith('@')) value = c.url.searchParams.get(value) ?? '';
    return value.replace(/^'(.*)'$/, '$1');
  }
  return undefined;
}

export function retrieveAadUserRoles(c: WebApiContext, inline: string): Response {
  const objectId = functionParameter(c, inline, 'DirectoryObjectId')?.toLowerCase();
  if (!objectId || !/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/.test(objectId)) {
    throw badRequest("Invalid value for parameter 'DirectoryObjectId'. A GUID is required.");
  }
  const store = c.state.world.store;
  let userId: string | undefined;
  for (const u of store.rows('systemusers')) {
    if (u.azureactivedirectoryobjectid === objectId) userId = u.systemuserid as string;
  }
  const roles = userId ? rolesOf(store, userId) : [];
  return json({
    '@odata.context': `${c.base}/$metadata#roles(roleid,name,_businessunitid_value)`,
    value: roles.map((r) => ({
      '@odata.etag': `W/"${String(store.get('roles', r.id)?.versionnumber)}"`,
      roleid: r.id,
      name: r.name,
      _businessunitid_value: store.get('roles', r.id)?._businessunitid_value ?? null,
    })),
  });
}

/**
 * RetrieveTotalRecordCount(EntityNames=@p1)?@p1=['a','b']: rows per table. The platform answers from a snapshot
 * up to a day old; the emulator counts now.
 */
export function retrieveTotalRecordCount(c: WebApiContext, inline: string): Response {
  const raw = functionParameter(c, inline, 'EntityNames');
  const names = raw === undefined ? undefined : parseStringArray(raw);
  if (!names || names.length === 0)
    throw badRequest("Parameter 'EntityNames' must be a non-empty array of table logical names, e.g. EntityNames=['account'].");
  const values = names.map((name) => {
    const def = tableByLogicalName(name);
    if (!def) throw badRequest(`The entity with a name = '${name}' was not found in the MetadataCache.`);
    return c.state.world.store.count(def.schema.entitySet);
  });
  return json({
    '@odata.context': `${c.base}/$metadata#Microsoft.Dynamics.CRM.RetrieveTotalRecordCountResponse`,
    EntityRecordCountCollection: { Count: names.length, IsReadOnly: false, Keys: names, Values: values },
  });
}

/** `['a','b']` (or a JSON array) → its strings; anything else → undefined. */
function parseStringArray(text: string): string[] | undefined {
  const match = /^\[(.*)\]$/s.exec(text.trim());
  if (!match) return undefined;
  const items = match[1]!
    .split(',')
    .map((item) => item.trim())
    .filter((item) => item !== '');
  const strings = items.map((item) => /^'(.*)'$/.exec(item)?.[1] ?? /^"(.*)"$/.exec(item)?.[1]);
  return strings.every((s): s is string => s !== undefined) ? strings : undefined;
}
