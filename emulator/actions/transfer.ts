/**
 * CCaaS_InitiateAgentTransferBySupervisor: Active or Waiting, messaging only (not escalated to voice/video), to a
 * human in the same queue whose presence the workstream allows. Pending until the target accepts; on accept the
 * first agent stays as a consultant and msdyn_transfercount goes up (docs/platform.md#supervisor-actions).
 */
import { BASE_PRESENCE, MODE, REASON, STATUS } from '../schema/options';
import { notFoundRecord } from '../server/errors';
import { isBot } from '../server/identity';
import { baseOfPresence } from '../world/catalog';
import { agentStatusOf } from '../world/agents';
import { reserveCapacity } from '../world/capacity';
import { addParticipant } from '../world/operations';
import type { ActionRequest, ActionResult } from './request';
import { hasVoiceOrVideo, isRecordRouted, statusLabel, targetAgent, violated } from './rules';
import { scheduleDecision } from './pending';
import { cellText } from '../odata/values';

const TRANSFERABLE: readonly number[] = [STATUS.active, STATUS.waiting];

export function transferConversation(r: ActionRequest): ActionResult {
  const { conversation } = r;
  const world = r.c.state.world;
  const store = world.store;
  const id = String(conversation.activityid);
  if (!TRANSFERABLE.includes(Number(conversation.statuscode))) {
    throw violated('Status', `only Active or Waiting conversations can be transferred; this one is ${statusLabel(conversation)}.`);
  }
  if (isRecordRouted(conversation) || hasVoiceOrVideo(conversation)) {
    throw violated('Channel', 'only messaging conversations can be transferred by a supervisor (not voice, video or record-routed ones).');
  }
  if (world.pending.has(id))
    throw violated('Pending transfer', 'a transfer or assignment for this conversation is already waiting for the agent.');
  const agentId = targetAgent(r);
  const agent = store.get('systemusers', agentId);
  if (!agent) throw notFoundRecord('systemuser', agentId);
  if (isBot(agent)) throw violated('Human agent', 'conversations can be transferred only to human agents, not to AI agents.');
  if (agentId === conversation._msdyn_activeagentid_value) throw violated('Target agent', 'the agent already has this conversation.');
  if (!store.related('queuemembership', 1, agentId).includes(String(conversation._msdyn_cdsqueueid_value))) {
    throw violated('Same queue', "the target agent isn't a member of the conversation's queue.");
  }
  const workstream = store.get('msdyn_liveworkstreams', cellText(conversation._msdyn_liveworkstreamid_value ?? ''));
  const allowed = cellText(workstream?.msdyn_allowedpresences ?? '')
    .split(',')
    .filter(Boolean)
    .map(Number);
  const presence = baseOfPresence(agentStatusOf(world, agentId)?._msdyn_currentpresenceid_value);
  if (!allowed.includes(presence)) {
    throw violated(
      'Presence',
      `the target agent's presence (${BASE_PRESENCE[presence] ?? presence}) doesn't allow new conversations in this workstream.`,
    );
  }

  reserveCapacity(world, agentId, conversation);
  const now = world.clock.now().toISOString();
  store.update('msdyn_ocliveworkitems', id, { msdyn_statuschangereason: REASON.awaitingAcceptance, msdyn_modifiedon: now });
  const participant = addParticipant(world, conversation, agentId, MODE.primary, 'SupervisorTransferToAgent', false);
  scheduleDecision(world, {
    kind: 'transfer',
    conversationId: id,
    agentId,
    participantId: String(participant.msdyn_sessionparticipantid),
    previousAgentId: (conversation._msdyn_activeagentid_value as string | null) ?? null,
  });
  return { Status: 'PendingAcceptance' };
}
