import { z } from 'zod';
import type { DataverseRequest } from '../transport';
import { dateTimeLiteral, GuidSchema, guidLiteral, inFilter, NullableDateTimeSchema, NullableGuidSchema, NullableIntSchema, NullableTextSchema, query } from '../odata';

/**
 * Session participants (docs/platform.md#sessions-and-participants): who is in a conversation's current session besides the customer —
 * primary agent, consultants, monitoring supervisors — and, with no joined-on time yet, a transfer or assignment
 * the target agent has not accepted.
 */
const COLUMNS = 'msdyn_sessionparticipantid,_msdyn_agentid_value,_msdyn_omnichannelsession_value,msdyn_mode,msdyn_assignreason,msdyn_addedon,msdyn_joinedon,msdyn_lefton,statecode,modifiedon';

export const PARTICIPANT_ENTITY = 'msdyn_sessionparticipant';

/** Participants of the given sessions (the conversations' msdyn_lastsessionid). */
export function participantsOfSessionsRequest(sessionIds: readonly string[]): DataverseRequest {
  return {
    method: 'GET',
    path: `msdyn_sessionparticipants${query({ $select: COLUMNS, $filter: inFilter('msdyn_omnichannelsession', sessionIds.map(guidLiteral)) })}`,
    queryKey: 'participants:full',
  };
}

/** Every participant still in a session (statecode 0): one paged read instead of one per batch of sessions. */
export function activeParticipantsRequest(): DataverseRequest {
  return {
    method: 'GET',
    path: `msdyn_sessionparticipants${query({ $select: COLUMNS, $filter: 'statecode eq 0' })}`,
    queryKey: 'participants:active',
  };
}

/** Participant rows changed since a time: joins, leaves, new pending transfers. */
export function participantsChangedRequest(modifiedSince: number): DataverseRequest {
  return {
    method: 'GET',
    path: `msdyn_sessionparticipants${query({ $select: COLUMNS, $filter: `modifiedon ge ${dateTimeLiteral(modifiedSince)}`, $orderby: 'modifiedon asc' })}`,
    queryKey: 'participants:delta',
  };
}

export const ParticipantRowSchema = z.object({
  msdyn_sessionparticipantid: GuidSchema,
  _msdyn_agentid_value: NullableGuidSchema,
  _msdyn_omnichannelsession_value: NullableGuidSchema,
  msdyn_mode: NullableIntSchema,
  msdyn_assignreason: NullableTextSchema,
  msdyn_addedon: NullableDateTimeSchema,
  msdyn_joinedon: NullableDateTimeSchema,
  msdyn_lefton: NullableDateTimeSchema,
  statecode: NullableIntSchema,
  modifiedon: z.string(),
});
export type ParticipantRow = z.infer<typeof ParticipantRowSchema>;
