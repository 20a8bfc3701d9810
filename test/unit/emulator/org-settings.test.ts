// @vitest-environment node
/** How an org models capacity, records a participant leaving and names its supervisor role. */
import { afterEach, describe, expect, it } from 'vitest';
import type { Emulator } from '../../../emulator';
import { ALEX, SAM, SOFIA } from '../../../emulator/personas';
import { agentStatusOf } from '../../../emulator/world/agents';
import { control, emulator, signIn, type Client, type Row } from './helpers';
import { activeChat, colleague, errorOf, idOf, openUnassigned, pick } from './org';

let e: Emulator;
afterEach(async () => e?.close());

const bound = (client: Client, name: string, conversation: Row, params: Record<string, unknown> = {}) =>
  client.send('POST', `msdyn_ocliveworkitems(${idOf(conversation)})/Microsoft.Dynamics.CRM.${name}`, { ApiVersion: '1.0', ...params });

type Unit = {
  msdyn_agentcapacityprofileunitid: string;
  _msdyn_agentid_value: string;
  _msdyn_capacityprofileid_value: string;
  msdyn_defaultmaxunits: number;
  msdyn_availablecapacityprofileunits: number;
  msdyn_consumedcapacityprofileunits: number;
};

describe('capacity profiles', () => {
  /** The agent's unit row of the profile the conversation's workstream belongs to, read through the Web API. */
  async function unitFor(client: Client, agentId: string, conversation: Row): Promise<Unit> {
    const link = await client.json<{ value: { _msdyn_capacityprofile_id_value: string }[] }>(
      `msdyn_liveworkstreamcapacityprofiles?$filter=_msdyn_workstream_id_value eq ${String(conversation._msdyn_liveworkstreamid_value)}`,
    );
    const profile = link.value[0]!._msdyn_capacityprofile_id_value;
    const units = await client.json<{ value: Unit[] }>(
      `msdyn_agentcapacityprofileunits?$filter=_msdyn_agentid_value eq ${agentId} and _msdyn_capacityprofileid_value eq ${profile}`,
    );
    return units.value[0]!;
  }

  it('are empty in a unit org; switching to profiles links every workstream and gives every agent units', async () => {
    e = emulator();
    const sofia = await signIn(e, SOFIA.upn);
    expect((await sofia.json<{ value: unknown[] }>('msdyn_capacityprofiles')).value).toEqual([]);
    await control(e, 'config', { capacityModel: 'profiles' });
    const profiles = await sofia.json<{ value: { msdyn_name: string; msdyn_defaultmaxunits: number; msdyn_blockassignment: boolean }[] }>(
      'msdyn_capacityprofiles?$select=msdyn_name,msdyn_defaultmaxunits,msdyn_blockassignment&$orderby=msdyn_name',
    );
    expect(profiles.value.map((p) => [p.msdyn_name, p.msdyn_defaultmaxunits, p.msdyn_blockassignment])).toEqual([
      ['Asynchronous messaging', 6, false],
      ['Case', 5, false],
      ['Live chat', 4, false],
      ['Voice call', 1, true],
    ]);
    const streams = await sofia.json<{ value: { msdyn_capacityformat: number }[] }>('msdyn_liveworkstreams?$select=msdyn_capacityformat');
    expect(new Set(streams.value.map((w) => w.msdyn_capacityformat))).toEqual(new Set([192360000]));
    expect((await sofia.json<{ value: unknown[] }>('msdyn_liveworkstreamcapacityprofiles')).value).toHaveLength(streams.value.length);
    const agents = [...e.world.store.rows('msdyn_agentstatuses')].length;
    expect((await sofia.json<{ value: unknown[] }>('msdyn_agentcapacityprofileunits?$select=msdyn_name')).value).toHaveLength(agents * 4);
    // What the agents hold now carries over: an active chat's agent has used one unit of Live chat.
    const chat = activeChat(e);
    const unit = await unitFor(sofia, String(chat._msdyn_activeagentid_value), chat);
    expect(unit.msdyn_consumedcapacityprofileunits).toBeGreaterThanOrEqual(1);
    expect(unit.msdyn_availablecapacityprofileunits).toBe(unit.msdyn_defaultmaxunits - unit.msdyn_consumedcapacityprofileunits);
  });

  it('an assignment takes one profile unit and a force close gives it back; unit capacity stands still', async () => {
    e = emulator();
    await control(e, 'config', { capacityModel: 'profiles' });
    const sofia = await signIn(e, SOFIA.upn);
    const open = openUnassigned(e);
    const agent = colleague(e, open);
    const before = await unitFor(sofia, agent, open);
    const units = agentStatusOf(e.world, agent)!.msdyn_availableunitscapacity;
    const res = await bound(sofia, 'CCaaS_AssignConversation', open, { AgentId: agent });
    expect(await res.json()).toMatchObject({ CapacityExceededBy: before.msdyn_availablecapacityprofileunits >= 1 ? 0 : 1 });
    const taken = await unitFor(sofia, agent, open);
    expect(taken.msdyn_availablecapacityprofileunits).toBe(before.msdyn_availablecapacityprofileunits - 1);
    expect(taken.msdyn_consumedcapacityprofileunits).toBe(before.msdyn_consumedcapacityprofileunits + 1);
    await control(e, `conversations/${idOf(open)}/respond`, { decision: 'accept' });
    expect((await bound(sofia, 'CCaaS_ForceCloseConversation', open)).status).toBe(204);
    expect((await unitFor(sofia, agent, open)).msdyn_availablecapacityprofileunits).toBe(before.msdyn_availablecapacityprofileunits);
    expect(agentStatusOf(e.world, agent)!.msdyn_availableunitscapacity).toBe(units);
  });

  it('a rejected offer gives the unit back', async () => {
    e = emulator();
    await control(e, 'config', { capacityModel: 'profiles' });
    const sofia = await signIn(e, SOFIA.upn);
    const open = openUnassigned(e);
    const agent = colleague(e, open);
    const before = (await unitFor(sofia, agent, open)).msdyn_availablecapacityprofileunits;
    await bound(sofia, 'CCaaS_AssignConversation', open, { AgentId: agent });
    await control(e, `conversations/${idOf(open)}/respond`, { decision: 'reject' });
    expect((await unitFor(sofia, agent, open)).msdyn_availablecapacityprofileunits).toBe(before);
  });

  it('routing offers new work only to agents with a free unit of its profile, and never to a blocked agent', async () => {
    e = emulator({ speed: 0 });
    await control(e, 'config', { capacityModel: 'profiles' });
    const store = e.world.store;
    // Every agent's Live chat units are used up except one agent's; one agent is blocked by a full voice profile.
    const statuses = [...store.rows('msdyn_agentstatuses')];
    const units = [...store.rows('msdyn_agentcapacityprofileunits')];
    const chatProfile = String(
      [...store.rows('msdyn_capacityprofiles')].find((p) => p.msdyn_name === 'Live chat')!.msdyn_capacityprofileid,
    );
    const chat = pick(e, (r) => r.statuscode === 1 && !r._msdyn_activeagentid_value && r.msdyn_channel === '192360000');
    const queue = e.world.index.queues.find((q) => q.id === chat._msdyn_cdsqueueid_value)!;
    const [free, blocked] = queue.agents.filter((a) => ![SOFIA, SAM, ALEX].some((p) => p.systemuserid === a));
    for (const unit of units) {
      if (unit._msdyn_capacityprofileid_value !== chatProfile) continue;
      store.update('msdyn_agentcapacityprofileunits', String(unit.msdyn_agentcapacityprofileunitid), {
        msdyn_availablecapacityprofileunits: unit._msdyn_agentid_value === free || unit._msdyn_agentid_value === blocked ? 4 : 0,
      });
    }
    for (const status of statuses)
      store.update('msdyn_agentstatuses', String(status.msdyn_agentstatusid), {
        _msdyn_currentpresenceid_value: 'f523f628-c07a-e811-8162-000d3aa11f50',
        msdyn_isblockedbysomeprofile: status._msdyn_agentid_value === blocked,
      });
    await control(e, 'clock', { advanceSeconds: 60 });
    const routed = store.get('msdyn_ocliveworkitems', idOf(chat))!;
    expect(routed._msdyn_activeagentid_value).toBe(free);
  });

  it.each(['units', 'profiles'] as const)(
    'after two hours of simulated traffic, %s capacity matches the work agents hold',
    async (model) => {
      e = emulator();
      await control(e, 'config', { capacityModel: model });
      for (let i = 0; i < 24; i++) await control(e, 'clock', { advanceSeconds: 300 });
      const store = e.world.store;
      const held = new Map<string, Row[]>();
      const hold = (agent: unknown, c: Row | undefined) => {
        if (typeof agent === 'string' && c) held.set(agent, [...(held.get(agent) ?? []), c]);
      };
      for (const c of store.rows('msdyn_ocliveworkitems'))
        if (c.statecode === 0 && c.statuscode !== 3) hold(c._msdyn_activeagentid_value, c);
      for (const p of e.world.pending.values())
        if (p.kind === 'transfer') hold(p.agentId, store.get('msdyn_ocliveworkitems', p.conversationId));
      const profileOf = (c: Row) =>
        store.lookup('msdyn_liveworkstreamcapacityprofiles', '_msdyn_workstream_id_value', c._msdyn_liveworkstreamid_value)[0]
          ?._msdyn_capacityprofile_id_value;
      expect([...store.rows('msdyn_ocliveworkitems')].filter((c) => c.statecode === 1).length).toBeGreaterThan(100);
      for (const status of store.rows('msdyn_agentstatuses')) {
        const work = held.get(String(status._msdyn_agentid_value)) ?? [];
        if (model === 'units') {
          const used = work.reduce(
            (sum, c) => sum + Number(store.get('msdyn_liveworkstreams', String(c._msdyn_liveworkstreamid_value))!.msdyn_capacityrequired),
            0,
          );
          expect(status.msdyn_availableunitscapacity).toBe(100 - used);
          continue;
        }
        for (const unit of store.lookup('msdyn_agentcapacityprofileunits', '_msdyn_agentid_value', status._msdyn_agentid_value)) {
          const used = work.filter((c) => profileOf(c) === unit._msdyn_capacityprofileid_value).length;
          expect(unit).toMatchObject({
            msdyn_consumedcapacityprofileunits: used,
            msdyn_availablecapacityprofileunits: Number(unit.msdyn_defaultmaxunits) - used,
          });
        }
      }
    },
  );

  it('switching back to units removes the profiles and recounts unit capacity from the work agents hold', async () => {
    e = emulator();
    const sofia = await signIn(e, SOFIA.upn);
    const chat = activeChat(e);
    const agent = String(chat._msdyn_activeagentid_value);
    const units = agentStatusOf(e.world, agent)!.msdyn_availableunitscapacity;
    await control(e, 'config', { capacityModel: 'profiles' });
    await control(e, 'config', { capacityModel: 'units' });
    expect((await sofia.json<{ value: unknown[] }>('msdyn_agentcapacityprofileunits')).value).toEqual([]);
    expect(agentStatusOf(e.world, agent)!.msdyn_availableunitscapacity).toBe(units);
  });
});

describe('participants on leave', () => {
  const seatOf = (conversation: Row, agent: unknown) =>
    [...e.world.store.rows('msdyn_sessionparticipants')].find(
      (p) => p._msdyn_omnichannelsession_value === conversation._msdyn_lastsessionid_value && p._msdyn_agentid_value === agent,
    )!;

  it('deactivates a participant who leaves by default', async () => {
    e = emulator();
    const sofia = await signIn(e, SOFIA.upn);
    const chat = activeChat(e);
    await bound(sofia, 'CCaaS_ForceCloseConversation', chat);
    expect(seatOf(chat, chat._msdyn_activeagentid_value)).toMatchObject({ statecode: 1, statuscode: 2, msdyn_lefton: expect.any(String) });
  });

  it('keepActive stamps msdyn_lefton and keeps the row Active, closed history included', async () => {
    e = emulator();
    await control(e, 'config', { participantsOnLeave: 'keepActive', closedHistory: 20 });
    const sofia = await signIn(e, SOFIA.upn);
    const chat = activeChat(e);
    await bound(sofia, 'CCaaS_ForceCloseConversation', chat);
    expect(seatOf(chat, chat._msdyn_activeagentid_value)).toMatchObject({ statecode: 0, statuscode: 1, msdyn_lefton: expect.any(String) });
    const historic = e.world.store.get('msdyn_ocliveworkitems', e.world.historyIds[0]!)!;
    expect(seatOf(historic, historic._msdyn_activeagentid_value)).toMatchObject({ statecode: 0, msdyn_lefton: historic.msdyn_closedon });
    // A client reading "active participants" now also gets everyone who has left.
    const active = await sofia.json<{ value: Row[] }>('msdyn_sessionparticipants?$select=msdyn_lefton&$filter=statecode eq 0');
    expect(active.value.filter((p) => p.msdyn_lefton !== null).length).toBeGreaterThanOrEqual(21);
  });
});

describe('supervisor role name', () => {
  it('gives the personas a copy of the role under that name, which the actions accept', async () => {
    e = emulator();
    await control(e, 'config', { supervisorRoleName: 'CC Supervisor (copy)' });
    const sofia = await signIn(e, SOFIA.upn);
    const roles = await sofia.json<{ value: { name: string }[] }>(
      `RetrieveAadUserRoles(DirectoryObjectId=${SOFIA.azureactivedirectoryobjectid})`,
    );
    expect(roles.value.map((r) => r.name).sort()).toEqual(['Basic User', 'CC Supervisor (copy)']);
    const direct = await sofia.json<{ value: { name: string }[] }>(
      `systemusers(${SOFIA.systemuserid})/systemuserroles_association?$select=name`,
    );
    expect(direct.value.map((r) => r.name)).toContain('CC Supervisor (copy)');
    expect((await sofia.json<{ value: unknown[] }>("roles?$filter=name eq 'Omnichannel supervisor'")).value).toHaveLength(1);
    expect((await bound(sofia, 'CCaaS_MonitorConversation', activeChat(e))).status).toBe(204);
    const alex = await signIn(e, ALEX.upn);
    const refused = await bound(alex, 'CCaaS_MonitorConversation', activeChat(e));
    expect((await errorOf(refused)).message).toBe(
      "Role rule: CCaaS_MonitorConversation requires the 'CC Supervisor (copy)' security role.",
    );
  });

  it('naming the original again gives the original back', async () => {
    e = emulator();
    await control(e, 'config', { supervisorRoleName: 'Team leads' });
    await control(e, 'config', { supervisorRoleName: 'Omnichannel supervisor' });
    const sofia = await signIn(e, SOFIA.upn);
    const roles = await sofia.json<{ value: { name: string }[] }>(
      `RetrieveAadUserRoles(DirectoryObjectId=${SOFIA.azureactivedirectoryobjectid})`,
    );
    expect(roles.value.map((r) => r.name).sort()).toEqual(['Basic User', 'Omnichannel supervisor']);
    expect((await sofia.json<{ value: unknown[] }>("roles?$filter=name eq 'Team leads'")).value).toEqual([]);
  });
});
