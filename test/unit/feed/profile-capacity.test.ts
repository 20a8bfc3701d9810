import { describe, expect, it } from 'vitest';
import type { DataverseOutcome, DataverseRequest, DataverseTransport } from '../../../lib/dataverse/transport';
import { CAPACITY_FORMAT } from '../../../lib/dataverse/operations/capacity-profiles';
import { readProfileTables } from '../../../lib/feed/profile-capacity';
import { Reader } from '../../../lib/feed/read-full';
import { id } from './fixtures';

const PROFILE_WORKSTREAM = {
  msdyn_liveworkstreamid: id(1),
  msdyn_capacityrequired: null,
  msdyn_capacityformat: CAPACITY_FORMAT.profiles,
  msdyn_allowedpresences: [],
};
const ok = (value: unknown[]): DataverseOutcome => ({ ok: true, status: 200, headers: {}, body: { value } });
const TABLES: Record<string, DataverseOutcome> = {
  msdyn_liveworkstreamcapacityprofiles: ok([{ _msdyn_workstream_id_value: id(1), _msdyn_capacityprofile_id_value: id(2) }]),
  msdyn_capacityprofiles: ok([{ msdyn_capacityprofileid: id(2), msdyn_name: 'Chat', msdyn_defaultmaxunits: 3 }]),
  msdyn_agentcapacityprofileunits: ok([
    {
      msdyn_agentcapacityprofileunitid: id(3),
      _msdyn_agentid_value: id(4),
      _msdyn_capacityprofileid_value: id(2),
      msdyn_defaultmaxunits: 3,
      msdyn_availablecapacityprofileunits: 1,
      modifiedon: '2026-01-01T10:00:00Z',
    },
  ]),
};
const tableOf = (request: DataverseRequest) => request.path.split('?')[0]!;

/** The three profile tables, each answer held until `release`; `answer` can replace one table's answer. */
function profileOrg(answer: Record<string, DataverseOutcome> = {}) {
  const asked: string[] = [];
  let release: () => void = () => undefined;
  const held = new Promise<void>((resolve) => (release = resolve));
  const transport: DataverseTransport = {
    org: 'https://contoso.crm4.dynamics.com',
    async send(request) {
      asked.push(tableOf(request));
      await held;
      return answer[tableOf(request)] ?? TABLES[tableOf(request)]!;
    },
  };
  return { reader: new Reader(transport), asked, release };
}

const refused: DataverseOutcome = { ok: false, kind: 'http', status: 403, code: '0x80040220', message: 'missing privilege', retryAt: null };
const broken: DataverseOutcome = { ok: false, kind: 'http', status: 500, code: null, message: 'server error', retryAt: null };

describe('reading an org’s capacity profiles', () => {
  it('asks for the three profile tables at once, not one after another', async () => {
    const { reader, asked, release } = profileOrg();
    const reading = readProfileTables(reader, [PROFILE_WORKSTREAM]);
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(asked.sort()).toEqual(['msdyn_agentcapacityprofileunits', 'msdyn_capacityprofiles', 'msdyn_liveworkstreamcapacityprofiles']);
    release();
    const result = await reading;
    expect(result.ok && result.value).toMatchObject({
      readable: true,
      profileOfWorkstream: [[id(1), id(2)]],
      names: [[id(2), 'Chat']],
      units: [{ _msdyn_agentid_value: id(4), msdyn_availablecapacityprofileunits: 1 }],
    });
  });

  it.each(Object.keys(TABLES))('says capacity is unknown when %s is refused', async (table) => {
    const { reader, release } = profileOrg({ [table]: refused });
    release();
    const result = await readProfileTables(reader, [PROFILE_WORKSTREAM]);
    expect(result.ok && result.value).toEqual({ readable: false, profileOfWorkstream: [], names: [], units: [] });
  });

  it('fails the read when a table cannot be read for another reason', async () => {
    const { reader, release } = profileOrg({ msdyn_agentcapacityprofileunits: broken });
    release();
    const result = await readProfileTables(reader, [PROFILE_WORKSTREAM]);
    expect(!result.ok && result.failure.message).toBe('server error');
  });
});
