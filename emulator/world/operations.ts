/**
 * State changes on conversations shared by the supervisor actions, the simulation and the control API, so a
 * transfer accepted by the simulation and one accepted through /_emulator/…/respond leave the same rows behind.
 */
import { MODE, REASON, STATUS } from '../schema/options';
import { releaseCapacity } from './capacity';
import { insertParticipant, participantsOf } from './records';
import type { Row } from './store';
import type { World } from './world';
import { cellText } from '../odata/values';

// Looked up here by tests and tools since before capacity had a module of its own.
export { agentStatusOf } from './agents';

const CONVERSATIONS = 'msdyn_ocliveworkitems';
const PARTICIPANTS = 'msdyn_sessionparticipants';

export function addParticipant(world: World, conversation: Row, agentId: string, mode: number, reason: string, joined: boolean): Row {
  const now = world.clock.now().toISOString();
  const agent = world.store.get('systemusers', agentId);
  return insertParticipant(world.store, world.random, {
    sessionId: String(conversation._msdyn_lastsessionid_value),
    agentId,
    agentName: cellText(agent?.fullname ?? ''),
    mode,
    reason,
    addedOn: now,
    joinedOn: joined ? now : null,
  });
}

/** The participant leaves: msdyn_lefton is stamped; whether the row is also deactivated is the org's setting. */
export function leave(world: World, participant: Row, reason: string | null): void {
  world.store.update(PARTICIPANTS, String(participant.msdyn_sessionparticipantid), {
    msdyn_lefton: world.clock.now().toISOString(),
    msdyn_leftonreason: reason,
    ...leftState(world),
  });
}

/** statecode/statuscode of a participant who has left. */
const leftState = (world: World) =>
  world.settings.participantsOnLeave === 'keepActive' ? { statecode: 0, statuscode: 1 } : { statecode: 1, statuscode: 2 };

/** The agent accepts: an assignment makes the conversation Active; a transfer makes the target primary. */
export function acceptPending(world: World, conversationId: string): void {
  const pending = world.pending.get(conversationId);
  const conversation = world.store.get(CONVERSATIONS, conversationId);
  if (!pending || !conversation) return;
  world.pending.delete(conversationId);
  const now = world.clock.now().toISOString();
  world.store.update(PARTICIPANTS, pending.participantId, { msdyn_joinedon: now });
  if (pending.kind === 'transfer') {
    for (const p of participantsOf(world.store, conversation)) {
      if (p._msdyn_agentid_value === pending.previousAgentId && p.msdyn_mode === MODE.primary && !p.msdyn_lefton) {
        world.store.update(PARTICIPANTS, String(p.msdyn_sessionparticipantid), {
          msdyn_mode: MODE.consult,
          msdyn_assignreason: 'AgentConsult',
        });
      }
    }
    if (pending.previousAgentId) releaseCapacity(world, pending.previousAgentId, conversation);
    world.store.update(CONVERSATIONS, conversationId, {
      _msdyn_activeagentid_value: pending.agentId,
      msdyn_activeagentassignedon: now,
      _ownerid_value: pending.agentId,
      msdyn_transfercount: Number(conversation.msdyn_transfercount ?? 0) + 1,
      msdyn_statuschangereason: REASON.inConversation,
      msdyn_statusupdatedon: now,
      msdyn_modifiedon: now,
    });
  } else {
    const wait = Math.max(0, Math.round((Date.parse(now) - Date.parse(String(conversation.createdon))) / 1000));
    world.store.update(CONVERSATIONS, conversationId, {
      statuscode: STATUS.active,
      statecode: 0,
      msdyn_isagentaccepted: true,
      msdyn_startedon: now,
      msdyn_conversationfirstwaittimeinseconds: conversation.msdyn_conversationfirstwaittimeinseconds ?? wait,
      msdyn_statuschangereason: REASON.inConversation,
      msdyn_statusupdatedon: now,
      msdyn_modifiedon: now,
    });
  }
}

/** The agent rejects: the offer is withdrawn and the conversation returns to how it was. */
export function rejectPending(world: World, conversationId: string): void {
  const pending = world.pending.get(conversationId);
  const conversation = world.store.get(CONVERSATIONS, conversationId);
  if (!pending || !conversation) return;
  world.pending.delete(conversationId);
  const participant = world.store.get(PARTICIPANTS, pending.participantId);
  if (participant) leave(world, participant, 'AgentReject');
  const now = world.clock.now().toISOString();
  releaseCapacity(world, pending.agentId, conversation); // the capacity reserved for the offer
  if (pending.kind === 'transfer') {
    world.store.update(CONVERSATIONS, conversationId, { msdyn_statuschangereason: REASON.inConversation, msdyn_modifiedon: now });
  } else {
    world.store.update(CONVERSATIONS, conversationId, {
      _msdyn_activeagentid_value: null,
      msdyn_activeagentassignedon: null,
      msdyn_statuschangereason: REASON.awaitingAssignment,
      msdyn_statusupdatedon: now,
      msdyn_modifiedon: now,
    });
  }
}

/** Ends a conversation: Closed, stamps, the session closed with its closure reason, participants gone, capacity back. */
export function closeConversation(world: World, conversation: Row, reason: number, closure: number): void {
  const id = String(conversation.activityid);
  if (world.pending.has(id)) rejectPending(world, id);
  const now = world.clock.now().toISOString();
  const agentId = conversation._msdyn_activeagentid_value;
  if (typeof agentId === 'string' && conversation.statuscode !== STATUS.waiting) releaseCapacity(world, agentId, conversation);
  for (const p of participantsOf(world.store, conversation)) if (!p.msdyn_lefton) leave(world, p, null);
  const session = conversation._msdyn_lastsessionid_value;
  if (typeof session === 'string' && world.store.get('msdyn_ocsessions', session)) {
    world.store.update('msdyn_ocsessions', session, {
      msdyn_state: 192350002,
      msdyn_closurereason: closure,
      msdyn_sessionclosedon: now,
      statecode: 1,
    });
  }
  const started = conversation.msdyn_startedon ? Date.parse(cellText(conversation.msdyn_startedon)) : undefined;
  world.store.update(CONVERSATIONS, id, {
    statecode: 1,
    statuscode: STATUS.closed,
    msdyn_closedon: now,
    msdyn_statuschangereason: reason,
    msdyn_statusupdatedon: now,
    msdyn_modifiedon: now,
    msdyn_conversationhandletimeinseconds:
      started === undefined ? conversation.msdyn_conversationhandletimeinseconds : Math.round((Date.parse(now) - started) / 1000),
    ...(conversation.msdyn_conversationactivitystate ? { msdyn_conversationactivitystate: 3 } : {}),
  });
}
