/** The supervisor CCaaS actions, bound or unbound, dispatched by name (shapes in ../contract). */
import { ACTION_NAMES, CONTRACT, type ActionName } from '../contract';
import { json, type WebApiContext } from '../server/webapi/context';
import { assignConversation, initiateQueueAssignment } from './assign';
import { forceCloseConversation } from './force-close';
import { joinConversation, monitorConversation } from './monitor';
import { readActionRequest, type ActionRequest } from './request';
import { transferConversation } from './transfer';

export const SUPERVISOR_ACTIONS: readonly string[] = ACTION_NAMES;

const HANDLERS: Record<ActionName, (r: ActionRequest) => Record<string, unknown> | void> = {
  CCaaS_MonitorConversation: monitorConversation,
  CCaaS_JoinConversation: joinConversation,
  CCaaS_AssignConversation: assignConversation,
  CCaaS_InitiateQueueAssignment: initiateQueueAssignment,
  CCaaS_InitiateAgentTransferBySupervisor: transferConversation,
  CCaaS_ForceCloseConversation: forceCloseConversation,
};

export async function runAction(c: WebApiContext, name: string, boundId: string | undefined): Promise<Response> {
  const action = name as ActionName;
  const request = await readActionRequest(c, action, boundId);
  const result = HANDLERS[action](request);
  if (CONTRACT.actions[action].successStatus === 204) return new Response(null, { status: 204, headers: { 'OData-Version': '4.0' } });
  return json(result ?? { '@odata.context': `${c.base}/$metadata#Microsoft.Dynamics.CRM.${action}Response` }, 200);
}
