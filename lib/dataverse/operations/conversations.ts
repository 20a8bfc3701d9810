import { z } from 'zod';
import type { DataverseRequest } from '../transport';
import {
  dateTimeLiteral,
  DateTimeSchema,
  FORMATTED,
  guidLiteral,
  GuidSchema,
  GuidTextSchema,
  inFilter,
  lowerOrNull,
  OptionalDateTime,
  OptionalGuid,
  OptionalInt,
  OptionalText,
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

/**
 * The names a row shows, expanded from the looked-up rows (docs/platform.md#conversation-columns) instead of asking
 * for formatted values: those come with every column (choices, dates, numbers) and made a row 2.0 KB instead of
 * 1.1 KB, and a 10,000-row read twice as long to serve and to parse. The queue's name comes from the queues read.
 */
const NAMES = {
  agent: 'msdyn_activeagentid_msdyn_ocliveworkitem',
  contact: 'msdyn_customer_msdyn_ocliveworkitem_contact',
  account: 'msdyn_customer_msdyn_ocliveworkitem_account',
} as const;
const EXPAND_NAMES = `${NAMES.agent}($select=fullname),${NAMES.contact}($select=fullname),${NAMES.account}($select=name)`;

export const CONVERSATION_ENTITY = 'msdyn_ocliveworkitem';

/**
 * Conversations. Without `modifiedSince`: the ongoing set (statecode 0) in the given queues, for a full load, in
 * the platform's own order: sorting the whole set by `modifiedon` for every page made each page of a 50,000-row read
 * cost the platform's stand-in ~0.35 s instead of ~0.2 s. A row changed while the pages are read may then be on a
 * page already read; the load's watermark is the read's start for that (picture-sync.ts). With `modifiedSince`:
 * every row changed since then, in any state and (with `inQueuesOnly` false) any queue, so rows that closed or moved
 * out of the supervised queues are seen and removed.
 */
export function conversationsRequest(queueIds: readonly string[], modifiedSince?: number, inQueuesOnly = true): DataverseRequest {
  const full = modifiedSince === undefined;
  const parts = full ? ['statecode eq 0'] : [`modifiedon ge ${dateTimeLiteral(modifiedSince)}`];
  if (inQueuesOnly) parts.push(inFilter('msdyn_cdsqueueid', queueIds.map(guidLiteral)));
  const order = full ? {} : { $orderby: 'modifiedon asc' };
  return {
    method: 'GET',
    path: `msdyn_ocliveworkitems${query({ $select: COLUMNS, $expand: EXPAND_NAMES, $filter: parts.join(' and '), ...order })}`,
    queryKey: full ? 'conversations:full' : 'conversations:delta',
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
    queryKey: 'conversations:versions',
  };
}

/** Conversations by id, whole rows (the ones a reconcile found different); callers keep the list short. */
export function conversationsByIdRequest(ids: readonly string[]): DataverseRequest {
  return {
    method: 'GET',
    path: `msdyn_ocliveworkitems${query({ $select: COLUMNS, $expand: EXPAND_NAMES, $filter: inFilter('activityid', ids.map(guidLiteral)) })}`,
    queryKey: 'conversations:byId',
  };
}

export const ConversationVersionSchema = z.object({ activityid: GuidSchema, '@odata.etag': z.string().min(1) });

/**
 * The whole table with change tracking asked for. Neither $filter nor $expand is allowed with it
 * (docs/platform.md#change-tracking), so its rows carry their names as formatted values.
 */
export function trackedConversationsRequest(): DataverseRequest {
  return {
    method: 'GET',
    path: `msdyn_ocliveworkitems${query({ $select: COLUMNS })}`,
    headers: { Prefer: 'odata.track-changes' },
    formatted: true,
    queryKey: 'conversations:track',
  };
}

/** One conversation re-read from the platform (after an action); 404 means it is gone. */
export function conversationRequest(id: string): DataverseRequest {
  return {
    method: 'GET',
    path: `msdyn_ocliveworkitems(${guidLiteral(id)})${query({ $select: COLUMNS, $expand: EXPAND_NAMES })}`,
    queryKey: `conversation:${id}`,
  };
}

/** The option values of a multi-select choice's text ("1,2"), or null when it is not such a list. */
function optionValues(text: string | null | undefined): number[] | null {
  const values = (text ?? '')
    .split(',')
    .map((part) => part.trim())
    .filter((part) => part !== '');
  return values.every((value) => /^\d+$/.test(value)) ? values.map(Number) : null;
}
const OPTION_LIST = 'not a list of option values';

/** A multi-select choice (msdyn_channel, msdyn_allowedpresences): a comma-separated string of option values on the wire (docs/platform.md#channels). */
export const OptionListSchema = z
  .string()
  .nullable()
  .optional()
  .transform((text, ctx) => {
    const values = optionValues(text);
    if (values) return values;
    ctx.addIssue({ code: 'custom', message: OPTION_LIST });
    return z.NEVER;
  });

/** Expanded looked-up rows: only their names are read. */
const FullName = z.object({ fullname: OptionalText }).nullable().optional();
const AccountName = z.object({ name: OptionalText }).nullable().optional();

export const ConversationRowSchema = z
  .object({
    activityid: GuidTextSchema,
    '@odata.etag': z.string().min(1),
    subject: OptionalText,
    statecode: z.number().int(),
    statuscode: z.number().int(),
    msdyn_channel: OptionalText,
    _msdyn_activeagentid_value: OptionalGuid,
    [`_msdyn_activeagentid_value${FORMATTED}`]: OptionalText,
    _msdyn_cdsqueueid_value: OptionalGuid,
    [`_msdyn_cdsqueueid_value${FORMATTED}`]: OptionalText,
    _msdyn_liveworkstreamid_value: OptionalGuid,
    _msdyn_customer_value: OptionalGuid,
    [`_msdyn_customer_value${FORMATTED}`]: OptionalText,
    _msdyn_lastsessionid_value: OptionalGuid,
    [NAMES.agent]: FullName,
    [NAMES.contact]: FullName,
    [NAMES.account]: AccountName,
    createdon: DateTimeSchema,
    modifiedon: DateTimeSchema,
    msdyn_activeagentassignedon: OptionalDateTime,
    msdyn_statusupdatedon: OptionalDateTime,
    msdyn_conversationfirstwaittimeinseconds: OptionalInt,
    msdyn_customersentimentlabel: OptionalInt,
    msdyn_transfercount: OptionalInt,
    msdyn_statuschangereason: OptionalInt,
  })
  .transform((row, ctx) => {
    const channels = optionValues(row.msdyn_channel);
    if (!channels) {
      ctx.addIssue({ code: 'custom', message: OPTION_LIST, path: ['msdyn_channel'] });
      return z.NEVER;
    }
    return {
      activityid: row.activityid.toLowerCase(),
      '@odata.etag': row['@odata.etag'],
      subject: row.subject ?? '',
      statecode: row.statecode,
      statuscode: row.statuscode,
      msdyn_channel: channels,
      _msdyn_activeagentid_value: lowerOrNull(row._msdyn_activeagentid_value),
      _msdyn_cdsqueueid_value: lowerOrNull(row._msdyn_cdsqueueid_value),
      _msdyn_liveworkstreamid_value: lowerOrNull(row._msdyn_liveworkstreamid_value),
      _msdyn_customer_value: lowerOrNull(row._msdyn_customer_value),
      _msdyn_lastsessionid_value: lowerOrNull(row._msdyn_lastsessionid_value),
      // Expanded (most reads) or as formatted values (a tracked read, where $expand is refused).
      agentName: row[NAMES.agent]?.fullname ?? row[`_msdyn_activeagentid_value${FORMATTED}`] ?? null,
      customerName: row[NAMES.contact]?.fullname ?? row[NAMES.account]?.name ?? row[`_msdyn_customer_value${FORMATTED}`] ?? null,
      /** Only a tracked read names the queue; the others take the name from the queues read. */
      queueName: row[`_msdyn_cdsqueueid_value${FORMATTED}`] ?? null,
      createdon: row.createdon,
      modifiedon: row.modifiedon,
      msdyn_activeagentassignedon: row.msdyn_activeagentassignedon ?? null,
      msdyn_statusupdatedon: row.msdyn_statusupdatedon ?? null,
      msdyn_conversationfirstwaittimeinseconds: row.msdyn_conversationfirstwaittimeinseconds ?? null,
      msdyn_customersentimentlabel: row.msdyn_customersentimentlabel ?? null,
      msdyn_transfercount: row.msdyn_transfercount ?? null,
      msdyn_statuschangereason: row.msdyn_statuschangereason ?? null,
    };
  });
export type ConversationRow = z.infer<typeof ConversationRowSchema>;
