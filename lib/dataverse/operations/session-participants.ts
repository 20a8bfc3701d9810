import { z } from 'zod';
import type { DataverseRequest } from '../transport';
import {
  dateTimeLiteral,
  GuidSchema,
  GuidTextSchema,
  guidLiteral,
  inFilter,
  lowerOrNull,
  NullableGuidSchema,
  OptionalDateTime,
  OptionalGuid,
  OptionalInt,
  OptionalText,
  query,
} from '../odata';

/**
 * Session participants (docs/platform.md#sessions-and-participants): who is in a conversation's current session besides the customer —
 * primary agent, consultants, monitoring supervisors — and, with no joined-on time yet, a transfer or assignment
 * the target agent has not accepted.
 */
const COLUMNS =
  'msdyn_sessionparticipantid,_msdyn_agentid_value,_msdyn_omnichannelsession_value,msdyn_mode,msdyn_assignreason,msdyn_addedon,msdyn_joinedon,msdyn_lefton,statecode,modifiedon';

export const PARTICIPANT_ENTITY = 'msdyn_sessionparticipant';

/**
 * Participants of the given sessions (the conversations' msdyn_lastsessionid), in any state: whether the platform
 * deactivates a participant who leaves or keeps the row active with msdyn_lefton set differs between orgs, so
 * incremental reads never rely on "every active participant", which on an org that keeps them grows without end.
 * `lane` lets a few batches be in flight at once (requests with the same key never overlap).
 */
export function participantsOfSessionsRequest(sessionIds: readonly string[], lane = 0): DataverseRequest {
  return {
    method: 'GET',
    path: `msdyn_sessionparticipants${query({ $select: COLUMNS, $filter: inFilter('msdyn_omnichannelsession', sessionIds.map(guidLiteral)) })}`,
    queryKey: `participants:full:${lane}`,
  };
}

/**
 * Every participant still in a session, org-wide: for a first load of many sessions, pages of 5,000 rows instead of
 * 200 sessions a request. Not left (`msdyn_lefton eq null`) as well as active, for orgs that keep left participants
 * active; the caller gives up after a few pages on an org with far more sessions than its own (read-full.ts).
 */
export function presentParticipantsRequest(): DataverseRequest {
  return {
    method: 'GET',
    path: `msdyn_sessionparticipants${query({ $select: COLUMNS, $filter: 'statecode eq 0 and msdyn_lefton eq null' })}`,
    queryKey: 'participants:present',
  };
}

/**
 * Active participants as id and version only, for a reconcile to compare with what it holds (at 50,000 ongoing
 * 2.9 MB, where with each one's session it was 5.0 MB). Whose session a participant is in rarely changes and is
 * mostly known already; the rest are asked for by id (participantSessionsRequest).
 */
export function activeParticipantVersionsRequest(): DataverseRequest {
  return {
    method: 'GET',
    path: `msdyn_sessionparticipants${query({ $select: 'msdyn_sessionparticipantid', $filter: 'statecode eq 0' })}`,
    queryKey: 'participants:versions',
  };
}

/** Active participants with their sessions, org-wide: when too many listed ones are unknown to ask for by id. */
export function activeParticipantSessionsRequest(): DataverseRequest {
  return {
    method: 'GET',
    path: `msdyn_sessionparticipants${query({ $select: SESSION_COLUMNS, $filter: 'statecode eq 0' })}`,
    queryKey: 'participants:sessions',
  };
}

/** The sessions of the given participants. */
export function participantSessionsRequest(ids: readonly string[]): DataverseRequest {
  return {
    method: 'GET',
    path: `msdyn_sessionparticipants${query({ $select: SESSION_COLUMNS, $filter: inFilter('msdyn_sessionparticipantid', ids.map(guidLiteral)) })}`,
    queryKey: 'participants:sessionsById',
  };
}

const SESSION_COLUMNS = 'msdyn_sessionparticipantid,_msdyn_omnichannelsession_value';

/** Participants by id, whole rows. */
export function participantsByIdRequest(ids: readonly string[]): DataverseRequest {
  return {
    method: 'GET',
    path: `msdyn_sessionparticipants${query({ $select: COLUMNS, $filter: inFilter('msdyn_sessionparticipantid', ids.map(guidLiteral)) })}`,
    queryKey: 'participants:byId',
  };
}

export const ParticipantVersionSchema = z.object({
  msdyn_sessionparticipantid: GuidSchema,
  '@odata.etag': z.string().min(1),
});

export const ParticipantSessionSchema = z.object({
  msdyn_sessionparticipantid: GuidSchema,
  _msdyn_omnichannelsession_value: NullableGuidSchema,
});

/** Participant rows changed since a time: joins, leaves, new pending transfers. */
export function participantsChangedRequest(modifiedSince: number): DataverseRequest {
  return {
    method: 'GET',
    path: `msdyn_sessionparticipants${query({ $select: COLUMNS, $filter: `modifiedon ge ${dateTimeLiteral(modifiedSince)}`, $orderby: 'modifiedon asc' })}`,
    queryKey: 'participants:delta',
  };
}

/** Checked field by field, normalised in one transform (odata.ts says why): thousands are read at sign-in. */
export const ParticipantRowSchema = z
  .object({
    msdyn_sessionparticipantid: GuidTextSchema,
    /** Its version, for a reconcile to tell whether it changed; absent in snapshots a previous version stored. */
    '@odata.etag': z.string().optional(),
    _msdyn_agentid_value: OptionalGuid,
    _msdyn_omnichannelsession_value: OptionalGuid,
    msdyn_mode: OptionalInt,
    msdyn_assignreason: OptionalText,
    msdyn_addedon: OptionalDateTime,
    msdyn_joinedon: OptionalDateTime,
    msdyn_lefton: OptionalDateTime,
    statecode: OptionalInt,
    modifiedon: z.string(),
  })
  .transform((row) => ({
    msdyn_sessionparticipantid: row.msdyn_sessionparticipantid.toLowerCase(),
    ...(row['@odata.etag'] === undefined ? {} : { '@odata.etag': row['@odata.etag'] }),
    _msdyn_agentid_value: lowerOrNull(row._msdyn_agentid_value),
    _msdyn_omnichannelsession_value: lowerOrNull(row._msdyn_omnichannelsession_value),
    msdyn_mode: row.msdyn_mode ?? null,
    msdyn_assignreason: row.msdyn_assignreason ?? null,
    msdyn_addedon: row.msdyn_addedon ?? null,
    msdyn_joinedon: row.msdyn_joinedon ?? null,
    msdyn_lefton: row.msdyn_lefton ?? null,
    statecode: row.statecode ?? null,
    modifiedon: row.modifiedon,
  }));
export type ParticipantRow = z.infer<typeof ParticipantRowSchema>;
