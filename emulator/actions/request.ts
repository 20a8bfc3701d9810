/**
 * What every supervisor action checks before its own rules: the body's shape (per the contract in force), the
 * caller's role, the API-access-role failure, the org switch, the conversation, and queue membership.
 */
import { CONTRACT, type ActionName } from '../contract';
import { CONFIGURATION_ID } from '../world/catalog';
import type { Row } from '../world/store';
import { badRequest, DataverseError, ERROR_CODES, notFoundRecord } from '../server/errors';
import { hasRole, holdsSupervisorRole } from '../server/identity';
import type { WebApiContext } from '../server/webapi/context';
import { EDM_TYPES } from '../schema/edm';
import { contractInForce, type ParameterRole, type ParameterShape } from './shapes';
import { cellText } from '../odata/values';

export type SwitchName = 'monitor' | 'assign' | 'transfer' | 'forceClose';

export const SWITCH_COLUMNS: Record<SwitchName, string> = {
  monitor: 'msdyn_enable_supervisor_monitor',
  assign: 'msdyn_enable_supervisor_assign',
  transfer: 'msdyn_enable_supervisor_transfer',
  forceClose: 'msdyn_enable_supervisor_forceclose',
};

const SWITCH_LABELS: Record<SwitchName, string> = {
  monitor: 'Supervisor Monitor',
  assign: 'Supervisor Assign',
  transfer: 'Supervisor Transfer',
  forceClose: 'Force Close',
};

const SWITCH_OF: Record<ActionName, SwitchName> = {
  CCaaS_MonitorConversation: 'monitor',
  CCaaS_JoinConversation: 'monitor',
  CCaaS_AssignConversation: 'assign',
  CCaaS_InitiateQueueAssignment: 'assign',
  CCaaS_InitiateAgentTransferBySupervisor: 'transfer',
  CCaaS_ForceCloseConversation: 'forceClose',
};

export interface ActionRequest {
  c: WebApiContext;
  name: ActionName;
  caller: Row;
  conversation: Row;
  /** The targets the contract in force let the request name (an override may leave one out). */
  params: { agent?: string; queue?: string };
}

/** What an action reports; a 200 answer carries the properties its `…Response` type declares. */
export type ActionResult = { Status: string } & Record<string, unknown>;

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const forbidden = (message: string) => new DataverseError(403, ERROR_CODES.privilegeDenied, message);

export async function readActionRequest(c: WebApiContext, name: ActionName, boundId: string | undefined): Promise<ActionRequest> {
  const body = await readBody(c);
  const world = c.state.world;
  const contract = contractInForce(world.settings.actionContract);
  const declared = [...contract.actions[name].parameters];
  if (contract.servesBothBindings) {
    // The default answers both forms, so the conversation id is welcome in a body (and needed in the unbound form).
    const afterApiVersion = declared.findIndex((p) => p.role !== 'apiVersion');
    declared.splice(afterApiVersion === -1 ? declared.length : afterApiVersion, 0, {
      name: CONTRACT.conversationParameter,
      type: CONTRACT.idType,
      optional: boundId !== undefined,
      role: 'conversation',
    });
  }
  const known = new Set(declared.map((p) => p.name));
  for (const key of Object.keys(body)) {
    if (!known.has(key) && !key.startsWith('@')) {
      throw badRequest(`The parameter '${key}' in the request payload is not a valid parameter for the operation '${name}'.`);
    }
  }
  const values: Partial<Record<ParameterRole, string>> = {};
  for (const parameter of declared) {
    const value = readParameter(body, parameter, name);
    if (parameter.role === 'apiVersion' && value !== CONTRACT.apiVersion) {
      throw badRequest(`ApiVersion '${String(value)}' is not supported; use '${CONTRACT.apiVersion}'.`);
    }
    if (value !== undefined && parameter.role) values[parameter.role] = value;
  }
  const conversationId = boundId ?? values.conversation!;

  const store = world.store;
  const caller = store.get('systemusers', c.userId);
  if (!caller) throw forbidden('The calling user does not exist in this organization.');
  if (!holdsSupervisorRole(store, c.userId)) {
    throw forbidden(`Role rule: ${name} requires the '${world.settings.supervisorRoleName}' security role.`);
  }
  const apiAccess = CONTRACT.apiAccessRole;
  if (apiAccess.failsActions.includes(name) && hasRole(store, c.userId, apiAccess.name)) {
    throw new DataverseError(apiAccess.status, apiAccess.code, apiAccess.message);
  }
  const switchName = SWITCH_OF[name];
  const config = store.get('msdyn_omnichannelconfigurations', CONFIGURATION_ID);
  if (config?.[SWITCH_COLUMNS[switchName]] !== true) {
    throw forbidden(`Switch rule: '${SWITCH_LABELS[switchName]}' (${SWITCH_COLUMNS[switchName]}) is turned off for this organization.`);
  }
  const conversation = store.get('msdyn_ocliveworkitems', conversationId);
  if (!conversation) throw notFoundRecord('msdyn_ocliveworkitem', conversationId);
  const queueId = cellText(conversation._msdyn_cdsqueueid_value ?? '');
  if (!store.related('queuemembership', 1, c.userId).includes(queueId)) {
    throw forbidden(
      "Queue rule: supervisors can manage only conversations in queues they belong to; you aren't a member of this conversation's queue.",
    );
  }
  return { c, name, caller, conversation, params: { agent: values.agent, queue: values.queue } };
}

async function readBody(c: WebApiContext): Promise<Record<string, unknown>> {
  const text = await c.request.text();
  if (text.trim() === '') return {};
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw badRequest('The request body is not valid JSON.');
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw badRequest('The request body must be a JSON object.');
  return parsed as Record<string, unknown>;
}

/** A declared parameter's value, checked against its type; ids come back lower-case without braces. */
function readParameter(body: Record<string, unknown>, parameter: ParameterShape, action: string): string | undefined {
  const value = body[parameter.name];
  if (value === undefined || value === null || value === '') {
    if (parameter.optional) return undefined;
    throw badRequest(`Required parameter '${parameter.name}' is missing for the operation '${action}'.`);
  }
  const wrong = () =>
    badRequest(
      `Cannot convert the literal '${cellText(value)}' to the expected type '${EDM_TYPES[parameter.type]}' of parameter '${parameter.name}'.`,
    );
  switch (parameter.type) {
    case 'Guid':
      if (typeof value !== 'string' || !GUID.test(value.replace(/[{}]/g, '')))
        throw badRequest(`Parameter '${parameter.name}' must be a GUID.`);
      return value.replace(/[{}]/g, '').toLowerCase();
    case 'String':
      if (typeof value !== 'string') throw wrong();
      return value;
    case 'Boolean':
      if (typeof value !== 'boolean') throw wrong();
      return String(value);
    case 'Integer':
      if (typeof value !== 'number' || !Number.isInteger(value)) throw wrong();
      return String(value);
    case 'Decimal':
    case 'Float':
      if (typeof value !== 'number') throw wrong();
      return String(value);
    case 'DateTime':
      if (typeof value !== 'string' || Number.isNaN(Date.parse(value))) throw wrong();
      return value;
  }
}
