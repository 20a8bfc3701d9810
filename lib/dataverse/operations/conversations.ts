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

/** The columns the panel needs from msdyn_ocliveworkitem (platform-api.md §1.4). */
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
 * Conversations in the given queues. Without `modifiedSince`: the ongoing set (statecode 0), for a full load.
 * With it: every row changed since then whatever its state, so rows that closed are seen and removed.
 */
export function conversationsRequest(queueIds: readonly string[], modifiedSince?: number): DataverseRequest {
  const inQueues = inFilter('_msdyn_cdsqueueid_value', queueIds.map(guidLiteral));
  const filter = modifiedSince === undefined ? `statecode eq 0 and ${inQueues}` : `modifiedon ge ${dateTimeLiteral(modifiedSince)} and ${inQueues}`;
  return {
    method: 'GET',
    path: `msdyn_ocliveworkitems${query({ $select: COLUMNS, $filter: filter, $orderby: 'modifiedon asc' })}`,
    queryKey: modifiedSince === undefined ? 'conversations:full' : 'conversations:delta',
  };
}

/** One conversation re-read from the platform (after an action); 404 means it is gone. */
export function conversationRequest(id: string): DataverseRequest {
  return { method: 'GET', path: `msdyn_ocliveworkitems(${guidLiteral(id)})${query({ $select: COLUMNS })}`, queryKey: `conversation:${id}` };
}

/** msdyn_channel is a multi-select choice: a comma-separated string of option values on the wire (§1.3). */
const ChannelsSchema = z
  .string()
  .nullable()
  .optional()
  .transform((text, ctx) => {
    const values = (text ?? '').split(',').map((part) => part.trim()).filter((part) => part !== '');
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
  msdyn_channel: ChannelsSchema,
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
