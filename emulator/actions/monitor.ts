/** CCaaS_MonitorConversation and CCaaS_JoinConversation (docs/platform.md#supervisor-actions). */
import { MODE, STATUS } from '../schema/options';
import { addParticipant } from '../world/operations';
import type { ActionRequest, ActionResult } from './request';
import { activeParticipant, isRecordRouted, statusLabel, violated } from './rules';

const MONITORABLE: readonly number[] = [STATUS.active, STATUS.waiting, STATUS.wrapup];

function checkMonitorable(r: ActionRequest): void {
  const { conversation } = r;
  if (!MONITORABLE.includes(Number(conversation.statuscode))) {
    throw violated('Status', `only Active, Waiting or Wrap-up conversations can be monitored; this one is ${statusLabel(conversation)}.`);
  }
  if (isRecordRouted(conversation)) throw violated('Channel', 'record-routed conversations cannot be monitored.');
  if (conversation._msdyn_activeagentid_value === r.c.userId) {
    throw violated('Own conversation', 'you cannot monitor a conversation you are handling yourself.');
  }
}

export function monitorConversation(r: ActionRequest): ActionResult {
  checkMonitorable(r);
  const world = r.c.state.world;
  // Monitoring twice is harmless: the supervisor already has a monitor seat.
  if (!activeParticipant(world.store, r.conversation, r.c.userId, MODE.monitor)) {
    addParticipant(world, r.conversation, r.c.userId, MODE.monitor, 'AgentMonitor', true);
  }
  return { Status: 'Monitoring' };
}

export function joinConversation(r: ActionRequest): ActionResult {
  checkMonitorable(r);
  const world = r.c.state.world;
  const seat = activeParticipant(world.store, r.conversation, r.c.userId, MODE.monitor);
  if (!seat) {
    if (activeParticipant(world.store, r.conversation, r.c.userId, MODE.consult)) return { Status: 'Joined' }; // already joined
    throw violated('Join', 'start monitoring the conversation (CCaaS_MonitorConversation) before joining it.');
  }
  world.store.update('msdyn_sessionparticipants', String(seat.msdyn_sessionparticipantid), {
    msdyn_mode: MODE.consult,
    msdyn_assignreason: 'AgentConversationJoin',
  });
  world.addNotice(String(r.conversation.activityid), `${String(r.caller.fullname)} joined the conversation`);
  return { Status: 'Joined' };
}
