import { expect } from 'vitest';
import { type EntitySchema, type FilterNode, matches, ODataError } from '../../../emulator/odata';

/** A slice of the conversation table with one column of every kind the engine distinguishes. */
export const conversations: EntitySchema = {
  entitySet: 'msdyn_ocliveworkitems',
  logicalName: 'msdyn_ocliveworkitem',
  key: 'activityid',
  columns: {
    activityid: { type: 'Edm.Guid' },
    subject: { type: 'Edm.String' },
    statecode: { type: 'Edm.Int32' },
    statuscode: { type: 'Edm.Int32' },
    msdyn_channel: { type: 'Edm.String', multiSelect: true },
    _msdyn_activeagentid_value: { type: 'Edm.Guid' },
    _msdyn_cdsqueueid_value: { type: 'Edm.Guid' },
    createdon: { type: 'Edm.DateTimeOffset' },
    modifiedon: { type: 'Edm.DateTimeOffset' },
    msdyn_transfercount: { type: 'Edm.Int32' },
    msdyn_firstresponsetimeinmsadjforoh: { type: 'Edm.Decimal' },
    versionnumber: { type: 'Edm.Int64' },
    msdyn_isoutbound: { type: 'Edm.Boolean' },
  },
  navigation: {
    msdyn_activeagentid_msdyn_ocliveworkitem: { target: 'systemusers', column: '_msdyn_activeagentid_value' },
    msdyn_cdsqueueid_msdyn_ocliveworkitem: { target: 'queues', column: '_msdyn_cdsqueueid_value' },
  },
};

const systemusers: EntitySchema = {
  entitySet: 'systemusers',
  logicalName: 'systemuser',
  key: 'systemuserid',
  columns: {
    systemuserid: { type: 'Edm.Guid' },
    fullname: { type: 'Edm.String' },
    internalemailaddress: { type: 'Edm.String' },
  },
  navigation: {},
};

const queues: EntitySchema = {
  entitySet: 'queues',
  logicalName: 'queue',
  key: 'queueid',
  columns: { queueid: { type: 'Edm.Guid' }, name: { type: 'Edm.String' } },
  navigation: {},
};

export const schemaOf = (entitySet: string): EntitySchema | undefined =>
  [conversations, systemusers, queues].find((schema) => schema.entitySet === entitySet);

export const AGENT = '3f2504e0-4f89-11d3-9a0c-0305e82c3301';
export const QUEUE = 'a1b2c3d4-0000-4000-8000-000000000001';

export type Row = Record<string, unknown>;

/** Conversation rows keyed by a short name, so tests can say which rows a filter keeps. */
export const rows: Record<string, Row> = {
  chat: {
    activityid: '00000000-0000-4000-8000-000000000001',
    subject: 'Billing question',
    statecode: 0,
    statuscode: 2,
    msdyn_channel: '192360000',
    _msdyn_activeagentid_value: AGENT,
    _msdyn_cdsqueueid_value: QUEUE,
    createdon: '2026-11-25T10:00:00Z',
    modifiedon: '2026-11-25T10:05:00Z',
    msdyn_transfercount: 0,
    msdyn_firstresponsetimeinmsadjforoh: 1500.5,
    versionnumber: 1001,
    msdyn_isoutbound: false,
  },
  sms: {
    activityid: '00000000-0000-4000-8000-000000000002',
    subject: "O'Brien can't log in",
    statecode: 0,
    statuscode: 1,
    msdyn_channel: '192340000,192350000',
    _msdyn_activeagentid_value: null,
    _msdyn_cdsqueueid_value: QUEUE,
    createdon: '2026-11-25T09:00:00Z',
    modifiedon: '2026-11-25T09:30:00.500Z',
    msdyn_transfercount: 2,
    msdyn_firstresponsetimeinmsadjforoh: null,
    versionnumber: 1002,
    msdyn_isoutbound: true,
  },
  closed: {
    activityid: '00000000-0000-4000-8000-000000000003',
    subject: null,
    statecode: 1,
    statuscode: 4,
    msdyn_channel: null,
    _msdyn_activeagentid_value: '3F2504E0-4F89-11D3-9A0C-0305E82C3302',
    _msdyn_cdsqueueid_value: null,
    createdon: '2026-11-24T23:59:59Z',
    modifiedon: null,
    msdyn_transfercount: 5,
    msdyn_firstresponsetimeinmsadjforoh: 99.25,
    versionnumber: 1003,
    msdyn_isoutbound: false,
  },
};

/** Names of the fixture rows a parsed filter keeps, in fixture order. */
export function keptBy(filter: FilterNode | undefined): string[] {
  return Object.entries(rows)
    .filter(([, row]) => matches(filter, row))
    .map(([name]) => name);
}

/** The message of the ODataError that `action` throws; fails the test if it throws nothing or something else. */
export function rejectionOf(action: () => unknown): string {
  try {
    action();
  } catch (error) {
    expect(error).toBeInstanceOf(ODataError);
    return (error as Error).message;
  }
  throw new Error('expected an ODataError, but nothing was thrown');
}
