/** Unbound functions: WhoAmI() and RetrieveAadUserRoles(DirectoryObjectId=…) (platform-api.md §2.7, §3.7). */
import { BUSINESS_UNIT_ID, ORGANIZATION_ID } from '../../personas';
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

/** Parameters come inline (Name=value) or as @aliases (Name=@p1 with ?@p1=value). */
export function functionParameter(c: WebApiContext, inline: string, name: string): string | undefined {
  for (const part of inline.split(',')) {
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
