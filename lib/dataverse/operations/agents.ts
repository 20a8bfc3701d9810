import { z } from 'zod';
import type { DataverseRequest } from '../transport';
import {
  dateTimeLiteral,
  FORMATTED,
  guidLiteral,
  GuidSchema,
  inFilter,
  NullableDateTimeSchema,
  NullableGuidSchema,
  NullableIntSchema,
  NullableTextSchema,
  query,
} from '../odata';

const MEMBER_COLUMNS = 'systemuserid,fullname,msdyn_botapplicationid,isdisabled';
const MEMBERS = 'queuemembership_association';

/** Members of one queue (N:N queuemembership): the agents a supervisor of that queue sees. */
export const queueMembersRequest = (queueId: string): DataverseRequest => ({
  method: 'GET',
  path: `queues(${guidLiteral(queueId)})/${MEMBERS}${query({ $select: MEMBER_COLUMNS })}`,
  queryKey: `queueMembers:${queueId}`,
});

/** Several queues with their members expanded: one request instead of one a queue (docs/platform.md#queries-and-paging). */
export const membersOfQueuesRequest = (queueIds: readonly string[]): DataverseRequest => ({
  method: 'GET',
  path: `queues${query({
    $select: 'queueid',
    $filter: inFilter('queueid', queueIds.map(guidLiteral)),
    $expand: `${MEMBERS}($select=${MEMBER_COLUMNS})`,
  })}`,
  queryKey: 'queueMembers:expanded',
});

/**
 * A queue with its expanded members, each checked on its own later. Without the collection, or with a next link on
 * it, the members did not all come, and the queue is read alone.
 */
export const QueueWithMembersRowSchema = z.object({
  queueid: GuidSchema,
  [MEMBERS]: z.array(z.unknown()).optional(),
  [`${MEMBERS}@odata.nextLink`]: z.string().optional(),
});
export type QueueWithMembersRow = z.infer<typeof QueueWithMembersRowSchema>;

/** The members that came expanded with a queue, or null when they did not all come. */
export const expandedMembersOf = (row: QueueWithMembersRow): readonly unknown[] | null =>
  row[`${MEMBERS}@odata.nextLink`] === undefined ? (row[MEMBERS] ?? null) : null;

export const QueueMemberRowSchema = z.object({
  systemuserid: GuidSchema,
  fullname: NullableTextSchema,
  msdyn_botapplicationid: NullableTextSchema,
  isdisabled: z.boolean().nullable().optional(),
});
export type QueueMemberRow = z.infer<typeof QueueMemberRowSchema>;

const STATUS_COLUMNS =
  'msdyn_agentstatusid,_msdyn_agentid_value,_msdyn_currentpresenceid_value,msdyn_presencemodifiedon,msdyn_availableunitscapacity,msdyn_capacitymodifiedon,modifiedon';

/** Agent presence and free capacity (msdyn_agentstatus, one per agent, docs/platform.md#presence-and-capacity); all, or those changed since a time. */
export function agentStatusesRequest(modifiedSince?: number): DataverseRequest {
  const filter = modifiedSince === undefined ? undefined : `modifiedon ge ${dateTimeLiteral(modifiedSince)}`;
  return {
    method: 'GET',
    path: `msdyn_agentstatuses${query({ $select: STATUS_COLUMNS, $filter: filter })}`,
    formatted: true,
    queryKey: modifiedSince === undefined ? 'agentStatuses:full' : 'agentStatuses:delta',
  };
}

export const AgentStatusRowSchema = z.object({
  msdyn_agentstatusid: GuidSchema,
  _msdyn_agentid_value: GuidSchema,
  _msdyn_currentpresenceid_value: NullableGuidSchema,
  [`_msdyn_currentpresenceid_value${FORMATTED}`]: NullableTextSchema,
  msdyn_presencemodifiedon: NullableDateTimeSchema,
  msdyn_availableunitscapacity: NullableIntSchema,
  modifiedon: z.string(),
});
export type AgentStatusRow = z.infer<typeof AgentStatusRowSchema>;

/** The org's presences: base status and display name of each (docs/platform.md#presence-and-capacity); custom presences map onto a base one. */
export const presencesRequest = (): DataverseRequest => ({
  method: 'GET',
  path: `msdyn_presences${query({ $select: 'msdyn_presenceid,msdyn_name,msdyn_presencestatustext,msdyn_basepresencestatus' })}`,
  queryKey: 'presences',
});

export const PresenceRowSchema = z.object({
  msdyn_presenceid: GuidSchema,
  msdyn_name: NullableTextSchema,
  msdyn_presencestatustext: NullableTextSchema,
  msdyn_basepresencestatus: NullableIntSchema,
});
export type PresenceRow = z.infer<typeof PresenceRowSchema>;

/** Which bookable resource is which user: skills hang off the resource, not the user. */
export const bookableResourcesRequest = (): DataverseRequest => ({
  method: 'GET',
  path: `bookableresources${query({ $select: 'bookableresourceid,_userid_value', $filter: 'resourcetype eq 3' })}`,
  queryKey: 'bookableResources',
});

export const BookableResourceRowSchema = z.object({ bookableresourceid: GuidSchema, _userid_value: NullableGuidSchema });

/** Skills with proficiency (bookableresourcecharacteristic → characteristic, ratingvalue). */
export const resourceSkillsRequest = (): DataverseRequest => ({
  method: 'GET',
  path: `bookableresourcecharacteristics${query({ $select: '_characteristic_value,_resource_value,_ratingvalue_value' })}`,
  formatted: true,
  queryKey: 'resourceSkills',
});

export const ResourceSkillRowSchema = z.object({
  _resource_value: GuidSchema,
  _characteristic_value: GuidSchema,
  [`_characteristic_value${FORMATTED}`]: NullableTextSchema,
  _ratingvalue_value: NullableGuidSchema,
});

/** Rating values (proficiency levels) by id, so a skill's level is a number. */
export const ratingValuesRequest = (): DataverseRequest => ({
  method: 'GET',
  path: `ratingvalues${query({ $select: 'ratingvalueid,value' })}`,
  queryKey: 'ratingValues',
});

export const RatingValueRowSchema = z.object({ ratingvalueid: GuidSchema, value: NullableIntSchema });
