/**
 * Row builders shared by the seeded scenario, the simulation and the supervisor actions, so a conversation,
 * its session and its participants look the same however they came to exist.
 */
import type { Row, Store } from './store';
import type { Random } from './random';
import { PARTICIPANT_MODE } from '../schema/options';

export interface SessionInput {
  conversationId: string;
  queueId: string;
  at: string;
  closedAt?: string | null;
}

export function insertSession(store: Store, random: Random, input: SessionInput): Row {
  const values: Row = {
    activityid: random.guid(),
    subject: 'Session',
    _msdyn_liveworkitemid_value: input.conversationId,
    _msdyn_cdsqueueid_value: input.queueId,
    msdyn_sessioncreatedon: input.at,
    createdon: input.at,
    modifiedon: input.closedAt ?? input.at,
  };
  if (input.closedAt) {
    values.msdyn_state = 192350002;
    values.statecode = 1;
    values.msdyn_sessionclosedon = input.closedAt;
  }
  return store.insert('msdyn_ocsessions', values);
}

export interface ParticipantInput {
  sessionId: string;
  agentId: string;
  agentName: string;
  mode: number;
  reason: string;
  addedOn: string;
  /** Null while the agent has not accepted yet (a pending assignment or transfer). */
  joinedOn: string | null;
  /** When the agent left (a closed conversation), and whether the org keeps such a row active. */
  leftOn?: string;
  keptActive?: boolean;
}

export function insertParticipant(store: Store, random: Random, input: ParticipantInput): Row {
  const values: Row = {
    msdyn_sessionparticipantid: random.guid(),
    msdyn_name: `${input.agentName} (${PARTICIPANT_MODE[input.mode] ?? 'Participant'})`,
    _msdyn_agentid_value: input.agentId,
    _msdyn_omnichannelsession_value: input.sessionId,
    _ownerid_value: input.agentId,
    msdyn_mode: input.mode,
    msdyn_assignreason: input.reason,
    msdyn_addedon: input.addedOn,
    msdyn_joinedon: input.joinedOn,
    createdon: input.addedOn,
    modifiedon: input.leftOn ?? input.joinedOn ?? input.addedOn,
  };
  if (input.leftOn !== undefined) {
    values.msdyn_lefton = input.leftOn;
    if (!input.keptActive) {
      values.statecode = 1;
      values.statuscode = 2;
    }
  }
  return store.insert('msdyn_sessionparticipants', values);
}

/** Participants of a conversation's current session (the one its msdyn_lastsessionid points at). */
export function participantsOf(store: Store, conversation: Row): Row[] {
  const session = conversation._msdyn_lastsessionid_value;
  return typeof session === 'string' ? store.lookup('msdyn_sessionparticipants', '_msdyn_omnichannelsession_value', session) : [];
}

export const isoMinus = (now: number, seconds: number): string => new Date(now - seconds * 1000).toISOString();
