import { z } from 'zod';
import type { DataverseRequest } from '../transport';
import {
  dateTimeLiteral,
  DateTimeSchema,
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

/** The columns the panel needs from msdyn_ocliveworkitem (docs/platform.md#conversation-columns). */
const COLUMNS = [
  'activityid',
  'subject',
  'statecode',
  'statuscode',
  'msdyn_channel',
  '_msdyn_activeagentid_value',
  '_msdyn_cdsqueueid_value',
  '_msdyn_liveworkstreamid_value',
  '_msdyn_customer_value',
  '_msdyn_lastsessionid_value',
  'createdon',
  'modifiedon',
  'msdyn_activeagentassignedon',
  'msdyn_statusupdatedon',
  'msdyn_conversationfirstwaittimeinseconds',
  'msdyn_customersentimentlabel',
  'msdyn_transfercount',
  'msdyn_statuschangereason',
].join(',');

export const CONVERSATION_ENTITY = 'msdyn_ocliveworkitem';

/**
 * Conversations. Without `modifiedSince`: the ongoing set (statecode 0) in the given queues, for a full load.
 * With it: every row changed since then, in any state and (with `inQueuesOnly` false) any queue, so rows that
 * closed or moved out of the supervised queues are seen and removed.
 */
export function conversationsRequest(queueIds: readonly string[], modifiedSince?: number, inQueuesOnly = true): DataverseRequest {
  const parts = modifiedSince === undefined ? ['statecode eq 0'] : [`modifiedon ge ${dateTimeLiteral(modifiedSince)}`];
  if (inQueuesOnly) parts.push(inFilter('msdyn_cdsqueueid', queueIds.map(guidLiteral)));
  return {
    method: 'GET',
    path: `msdyn_ocliveworkitems${query({ $select: COLUMNS, $filter: parts.join(' and '), $orderby: 'modifiedon asc' })}`,
    queryKey: modifiedSince === undefined ? 'conversations:full' : 'conversations:delta',
  };
}

/**
 * The ongoing set in the given queues as ids and versions only (the ETag comes with every row): what a reconcile
 * compares with the picture, at a twentieth of the bytes of the rows themselves.
 */
export function ongoingVersionsRequest(queueIds: readonly string[]): DataverseRequest {
  const filter = ['statecode eq 0', inFilter('msdyn_cdsqueueid', queueIds.map(guidLiteral))].join(' and ');
  return {
    method: 'GET',
    path: `msdyn_ocliveworkitems${query({ $select: 'activityid', $filter: filter })}`,
    annotations: false,
    queryKey: 'conversations:versions',
  };
}

/** Conversations by id, whole rows (the ones a reconcile found different); callers keep the list short. */
export function conversationsByIdRequest(ids: readonly string[]): DataverseRequest {
  return {
    method: 'GET',
    path: `msdyn_ocliveworkitems${query({ $select: COLUMNS, $filter: inFilter('activityid', ids.map(guidLiteral)) })}`,
    queryKey: 'conversations:byId',
  };
}

export const ConversationVersionSchema = z.object({ activityid: GuidSchema, '@odata.etag': z.string().min(1) });

/** The whole table with change tracking asked for (no $filter allowed, docs/platform.md#change-tracking). */
export function trackedConversationsRequest(): DataverseRequest {
  return {
    method: 'GET',
    path: `msdyn_ocliveworkitems${query({ $select: COLUMNS })}`,
    headers: { Prefer: 'odata.track-changes' },
    queryKey: 'conversations:track',
  };
}

/** One conversation re-read from the platform (after an action); 404 means it is gone. */
export function conversationRequest(id: string): DataverseRequest {
  return { method: 'GET', path: `msdyn_ocliveworkitems(${guidLiteral(id)})${query({ $select: COLUMNS })}`, queryKey: `conversation:${id}` };
}

/** A multi-select choice (msdyn_channel, msdyn_allowedpresences): a comma-separated string of option values on the wire (docs/platform.md#channels). */
export const OptionListSchema = z
  .string()
  .nullable()
  .optional()
  .transform((text, ctx) => {
    const values = (text ?? '')
      .split(',')
      .map((part) => part.trim())
      .filter((part) => part !== '');
    if (values.some((value) => !/^\d+$/.test(value))) {
      ctx.addIssue({ code: 'custom', message: 'not a list of option values' });
      return z.NEVER;
    }
    return values.map(Number);
  });

const Text = z.string().nullable().optional();

export const ConversationRowSchema = z.object({
  activityid: GuidSchema,
  '@odata.etag': z.string().min(1),
  subject: Text.transform((text) => text ?? ''),
  statecode: z.number().int(),
  statuscode: z.number().int(),
  msdyn_channel: OptionListSchema,
  _msdyn_activeagentid_value: NullableGuidSchema,
  [`_msdyn_activeagentid_value${FORMATTED}`]: NullableTextSchema,
  _msdyn_cdsqueueid_value: NullableGuidSchema,
  [`_msdyn_cdsqueueid_value${FORMATTED}`]: NullableTextSchema,
  _msdyn_liveworkstreamid_value: NullableGuidSchema,
  _msdyn_customer_value: NullableGuidSchema,
  [`_msdyn_customer_value${FORMATTED}`]: NullableTextSchema,
  _msdyn_lastsessionid_value: NullableGuidSchema,
  createdon: DateTimeSchema,
  modifiedon: DateTimeSchema,
  msdyn_activeagentassignedon: NullableDateTimeSchema,
  msdyn_statusupdatedon: NullableDateTimeSchema,
  msdyn_conversationfirstwaittimeinseconds: NullableIntSchema,
  msdyn_customersentimentlabel: NullableIntSchema,
  msdyn_transfercount: NullableIntSchema,
  msdyn_statuschangereason: NullableIntSchema,
});
export type ConversationRow = z.infer<typeof ConversationRowSchema>;
