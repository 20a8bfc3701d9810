/** Maps a /api/data/v9.2/… request to its operation, answering unknown segments as Dataverse does. */
import { TABLES, tableOf } from '../../schema/tables';
import { runAction, SUPERVISOR_ACTIONS } from '../../actions';
import { contractInForce, servesForm } from '../../actions/shapes';
import type { ActionName } from '../../contract';
import { badRequest, DataverseError, ERROR_CODES } from '../errors';
import { checkReadable } from './access';
import { API_PATH, json, type WebApiContext } from './context';
import { listCollection } from './collection';
import { entityDefinition } from './entity-definitions';
import { retrieveAadUserRoles, retrieveTotalRecordCount, retrieveVersion, whoAmI } from './functions';
import { metadataDocument } from './metadata';
import { navigate } from './navigation';
import { create, remove, retrieve, update } from './records';

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const NAMESPACE = 'Microsoft.Dynamics.CRM.';

interface Segment {
  name: string;
  args?: string;
}

export async function routeWebApi(c: WebApiContext): Promise<Response> {
  const path = decodeURIComponent(c.url.pathname.slice(API_PATH.length)).replace(/^\/+/, '');
  const segments = path.split('/').map(parseSegment);
  const method = c.request.method.toUpperCase();
  const [first, second, third] = segments;
  if (!first || first.name === '') return serviceDocument(c);
  if (third) throw notFoundSegment(third.name);

  if (first.name === '$metadata' && !second) return metadataDocument(c);
  if (first.name === 'WhoAmI' && !second) return only(method, 'GET', () => whoAmI(c));
  if (first.name === 'RetrieveAadUserRoles' && !second) return only(method, 'GET', () => retrieveAadUserRoles(c, first.args ?? ''));
  if (first.name === 'RetrieveVersion' && !second) return only(method, 'GET', () => retrieveVersion(c));
  if (first.name === 'RetrieveTotalRecordCount' && !second) return only(method, 'GET', () => retrieveTotalRecordCount(c, first.args ?? ''));
  if (first.name === 'EntityDefinitions' && first.args !== undefined && !second)
    return only(method, 'GET', () => entityDefinition(c, first.args!));
  if (SUPERVISOR_ACTIONS.includes(first.name) && !second) {
    if (!serves(c, first.name, false)) throw notFoundSegment(first.name);
    return only(method, 'POST', () => runAction(c, first.name, undefined));
  }

  const def = tableOf(first.name);
  if (!def) throw notFoundSegment(first.name);
  checkReadable(c, def);
  if (first.args === undefined) {
    if (second) throw notFoundSegment(second.name);
    if (method === 'GET') return listCollection(c, def);
    if (method === 'POST') return create(c, def);
    throw methodNotAllowed(method);
  }
  const id = parseKey(first.args, def.schema.key);
  if (second) {
    const bound = second.name.startsWith(NAMESPACE) ? second.name.slice(NAMESPACE.length) : undefined;
    if (bound !== undefined && SUPERVISOR_ACTIONS.includes(bound) && def.schema.entitySet === 'msdyn_ocliveworkitems') {
      if (!serves(c, bound, true)) throw notFoundSegment(second.name);
      return only(method, 'POST', () => runAction(c, bound, id));
    }
    if (SUPERVISOR_ACTIONS.includes(second.name)) {
      // Bound operations must be namespace-qualified (docs/platform.md#errors).
      throw badRequest(
        `Request message has unresolved parameters. Qualify bound operation '${second.name}' as '${NAMESPACE}${second.name}'.`,
      );
    }
    return only(method, 'GET', () => navigate(c, def, id, second.name));
  }
  switch (method) {
    case 'GET':
      return retrieve(c, def, id);
    case 'PATCH':
      return update(c, def, id);
    case 'DELETE':
      return remove(c, def, id);
    default:
      throw methodNotAllowed(method);
  }
}

/** Whether the contract in force answers the action in this form; the other form is an unknown segment. */
const serves = (c: WebApiContext, name: string, bound: boolean): boolean =>
  servesForm(contractInForce(c.state.world.settings.actionContract), name as ActionName, bound);

function parseSegment(text: string): Segment {
  const open = text.indexOf('(');
  if (open === -1 || !text.endsWith(')')) return { name: text };
  return { name: text.slice(0, open), args: text.slice(open + 1, -1) };
}

function parseKey(args: string, keyName: string): string {
  const value = args.includes('=') ? (args.split('=')[0]?.trim() === keyName ? args.split('=')[1]?.trim() : undefined) : args.trim();
  if (!value || !GUID.test(value)) throw badRequest('Bad Request - Error in query syntax.');
  return value.toLowerCase();
}

async function only(method: string, allowed: string, run: () => Response | Promise<Response>): Promise<Response> {
  if (method !== allowed) throw methodNotAllowed(method);
  return run();
}

const notFoundSegment = (segment: string) =>
  new DataverseError(404, ERROR_CODES.resourceNotFound, `Resource not found for the segment '${segment}'.`);

const methodNotAllowed = (method: string) =>
  new DataverseError(405, ERROR_CODES.notSupported, `The requested resource does not support http method '${method}'.`);

function serviceDocument(c: WebApiContext): Response {
  return json({
    '@odata.context': `${c.base}/$metadata`,
    value: TABLES.map((t) => ({ name: t.schema.entitySet, kind: 'EntitySet', url: t.schema.entitySet })),
  });
}
