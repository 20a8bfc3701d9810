/**
 * What every supervisor action checks before its own rules: the body's shape (per the contract), the caller's
 * role, the API-access-role failure, the org switch, the conversation, and queue membership.
 */
import { CONTRACT, type ActionName } from '../contract';
import { CONFIGURATION_ID } from '../world/catalog';
import type { Row } from '../world/store';
import { badRequest, DataverseError, ERROR_CODES, notFoundRecord } from '../server/errors';
import { hasRole } from '../server/identity';
import type { WebApiContext } from '../server/webapi/context';

export type SwitchName = 'monitor' | 'assign' | 'transfer' | 'forceClose';

export const SWITCH_COLUMNS: Record<SwitchName, string> = {
  monitor: 'msdyn_enable_supervisor_monitor',
  assign: 'msdyn_enable_supervisor_assign',
  transfer: 'msdyn_enable_supervisor_transfer',
  forceClose: 'msdyn_enable_supervisor_forceclose',
};

const SWITCH_LABELS: Record<SwitchName, string> = {
  monitor: 'Supervisor Monitor', assign: 'Supervisor Assign', transfer: 'Supervisor Transfer', forceClose: 'Force Close',
};

export const SWITCH_OF: Record<ActionName, SwitchName> = {
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
  params: { AgentId?: string; QueueId?: string };
}

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export const forbidden = (message: string) => new DataverseError(403, ERROR_CODES.privilegeDenied, message);

export async function readActionRequest(c: WebApiContext, name: ActionName, boundId: string | undefined): Promise<ActionRequest> {
  const body = await readBody(c);
  const shape = CONTRACT.actions[name];
  const allowed = new Set<string>([CONTRACT.apiVersionParameter, CONTRACT.conversationIdParameter, ...shape.parameters]);
  for (const key of Object.keys(body)) {
    if (!allowed.has(key) && !key.startsWith('@')) {
      throw badRequest(`The parameter '${key}' in the request payload is not a valid parameter for the operation '${name}'.`);
    }
  }
  if (body[CONTRACT.apiVersionParameter] === undefined) {
    throw badRequest(`Required parameter '${CONTRACT.apiVersionParameter}' is missing for the operation '${name}'.`);
  }
  if (body[CONTRACT.apiVersionParameter] !== CONTRACT.apiVersion) {
    throw badRequest(`ApiVersion '${String(body[CONTRACT.apiVersionParameter])}' is not supported; use '${CONTRACT.apiVersion}'.`);
  }
  const conversationId = boundId ?? guidParam(body, CONTRACT.conversationIdParameter, name);
  const params: ActionRequest['params'] = {};
  for (const p of shape.parameters) params[p] = guidParam(body, p, name);

  const store = c.state.world.store;
  const caller = store.get('systemusers', c.userId);
  if (!caller) throw forbidden('The calling user does not exist in this organization.');
  if (!hasRole(store, c.userId, CONTRACT.supervisorRoleName)) {
    throw forbidden(`Role rule: ${name} requires the '${CONTRACT.supervisorRoleName}' security role.`);
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
  const queueId = String(conversation._msdyn_cdsqueueid_value ?? '');
  if (!store.related('queuemembership', 1, c.userId).includes(queueId)) {
    throw forbidden("Queue rule: supervisors can manage only conversations in queues they belong to; you aren't a member of this conversation's queue.");
  }
  return { c, name, caller, conversation, params };
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

function guidParam(body: Record<string, unknown>, name: string, action: string): string {
  const value = body[name];
  if (value === undefined || value === null || value === '') throw badRequest(`Required parameter '${name}' is missing for the operation '${action}'.`);
  if (typeof value !== 'string' || !GUID.test(value.replace(/[{}]/g, ''))) throw badRequest(`Parameter '${name}' must be a GUID.`);
  return value.replace(/[{}]/g, '').toLowerCase();
}
