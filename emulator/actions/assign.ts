/**
 * CCaaS_AssignConversation (to an agent, overriding presence and capacity) and CCaaS_InitiateQueueAssignment
 * (to another queue). An assignment stays pending until the agent accepts (docs/platform.md#supervisor-actions: Active after
 * acceptance), visible as statuschangereason AssignedBySupervisor and a participant row with no msdyn_joinedon.
 */
import { MODE, REASON, STATUS } from '../schema/options';
import { notFoundRecord } from '../server/errors';
import { isBot } from '../server/identity';
import { baseOfPresence } from '../world/catalog';
import { agentStatusOf } from '../world/agents';
import { freeCapacity, releaseCapacity, requiredCapacity, reserveCapacity } from '../world/capacity';
import { addParticipant, leave } from '../world/operations';
import { insertSession, participantsOf } from '../world/records';
import type { ActionRequest, ActionResult } from './request';
import { statusLabel, targetAgent, violated } from './rules';
import { scheduleDecision } from './pending';
import { cellText } from '../odata/values';

export function assignConversation(r: ActionRequest): ActionResult {
  const { conversation } = r;
  const world = r.c.state.world;
  const store = world.store;
  if (conversation.statuscode !== STATUS.open) {
    throw violated('Status', `only Open conversations can be assigned; this one is ${statusLabel(conversation)}.`);
  }
  if (conversation._msdyn_activeagentid_value || world.pending.has(String(conversation.activityid))) {
    throw violated('Unassigned', 'the conversation already has an agent or a pending assignment.');
  }
  const agentId = targetAgent(r);
  const agent = store.get('systemusers', agentId);
  if (!agent) throw notFoundRecord('systemuser', agentId);
  if (isBot(agent)) throw violated('Human agent', 'conversations can be assigned only to human agents, not to AI agents.');
  if (agent.isdisabled === true) throw violated('Active user', 'the agent is disabled.');

  const status = agentStatusOf(world, agentId);
  const capacityExceededBy = Math.max(0, requiredCapacity(world, conversation) - freeCapacity(world, agentId, conversation));
  const workstream = store.get('msdyn_liveworkstreams', cellText(conversation._msdyn_liveworkstreamid_value ?? ''));
  const allowed = cellText(workstream?.msdyn_allowedpresences ?? '')
    .split(',')
    .map(Number);
  const presenceOverridden = !allowed.includes(baseOfPresence(status?._msdyn_currentpresenceid_value));

  const now = world.clock.now().toISOString();
  reserveCapacity(world, agentId, conversation);
  store.update('msdyn_ocliveworkitems', String(conversation.activityid), {
    _msdyn_activeagentid_value: agentId,
    msdyn_activeagentassignedon: now,
    _ownerid_value: agentId,
    msdyn_statuschangereason: REASON.assignedBySupervisor,
    msdyn_statusupdatedon: now,
    msdyn_modifiedon: now,
  });
  const participant = addParticipant(world, conversation, agentId, MODE.primary, 'SupervisorAssign', false);
  scheduleDecision(world, {
    kind: 'assign',
    conversationId: String(conversation.activityid),
    agentId,
    participantId: String(participant.msdyn_sessionparticipantid),
    previousAgentId: null,
  });
  return { Status: 'PendingAcceptance', CapacityExceededBy: capacityExceededBy, PresenceOverridden: presenceOverridden };
}

export function initiateQueueAssignment(r: ActionRequest): ActionResult {
  const { conversation } = r;
  const world = r.c.state.world;
  const store = world.store;
  if (conversation.statuscode !== STATUS.open) {
    throw violated('Status', `only Open conversations can be moved to another queue; this one is ${statusLabel(conversation)}.`);
  }
  const queueId = r.params.queue;
  if (!queueId) throw violated('Target queue', 'the request names no queue.');
  if (!store.get('queues', queueId)) throw notFoundRecord('queue', queueId);
  if (conversation._msdyn_cdsqueueid_value === queueId) throw violated('Target queue', 'the conversation is already in that queue.');

  const id = String(conversation.activityid);
  if (world.pending.has(id)) world.pending.delete(id);
  const agentId = conversation._msdyn_activeagentid_value;
  if (typeof agentId === 'string') releaseCapacity(world, agentId, conversation);
  for (const p of participantsOf(store, conversation)) if (!p.msdyn_lefton) leave(world, p, null);
  const now = world.clock.now().toISOString();
  const oldSession = conversation._msdyn_lastsessionid_value;
  if (typeof oldSession === 'string' && store.get('msdyn_ocsessions', oldSession)) {
    // Closure reason SupervisorAssignToQueue (docs/platform.md#sessions-and-participants).
    store.update('msdyn_ocsessions', oldSession, {
      msdyn_state: 192350002,
      msdyn_closurereason: 192350011,
      msdyn_sessionclosedon: now,
      statecode: 1,
    });
  }
  const session = insertSession(store, world.random, { conversationId: id, queueId, at: now });
  store.update('msdyn_ocliveworkitems', id, {
    _msdyn_cdsqueueid_value: queueId,
    _msdyn_lastsessionid_value: session.activityid,
    _msdyn_activeagentid_value: null,
    msdyn_activeagentassignedon: null,
    msdyn_statuschangereason: REASON.awaitingAssignment,
    msdyn_statusupdatedon: now,
    msdyn_modifiedon: now,
  });
  return { Status: 'Queued' };
}
