/** The supervisor CCaaS actions, bound or unbound, dispatched by name and answered per the contract in force. */
import { ACTION_NAMES, type ActionName } from '../contract';
import { json, type WebApiContext } from '../server/webapi/context';
import { assignConversation, initiateQueueAssignment } from './assign';
import { forceCloseConversation } from './force-close';
import { joinConversation, monitorConversation } from './monitor';
import { readActionRequest, type ActionRequest, type ActionResult } from './request';
import { contractInForce } from './shapes';
import { transferConversation } from './transfer';

export const SUPERVISOR_ACTIONS: readonly string[] = ACTION_NAMES;

const HANDLERS: Record<ActionName, (r: ActionRequest) => ActionResult> = {
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
  const shape = contractInForce(c.state.world.settings.actionContract).actions[action];
  if (shape.successStatus === 204) return new Response(null, { status: 204, headers: { 'OData-Version': '4.0' } });
  const body: Record<string, unknown> = { '@odata.context': `${c.base}/$metadata#Microsoft.Dynamics.CRM.${action}Response` };
  for (const property of Object.keys(shape.response)) body[property] = result[property] ?? null;
  return json(body, 200);
}
