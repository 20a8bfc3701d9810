// @vitest-environment node
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Emulator } from '../../../emulator';
import { CONTRACT } from '../../../emulator/contract';
import { ALEX, NINA, SAM, SOFIA } from '../../../emulator/personas';
import { presenceIdOf } from '../../../emulator/world/catalog';
import { agentStatusOf } from '../../../emulator/world/operations';
import { control, conversations, emulator, signIn, type Client, type Row } from './helpers';

let e: Emulator;
let sofia: Client;
beforeEach(async () => {
  e = emulator();
  sofia = await signIn(e, SOFIA.upn);
});
afterEach(async () => e.close());

const CHAT = '192360000';
const VOICE = '192370000';
const RECORD = '192350000';

function act(client: Client, name: string, id: string, params: Record<string, unknown> = {}, bound = true): Promise<Response> {
  return bound
    ? client.send('POST', `msdyn_ocliveworkitems(${id})/Microsoft.Dynamics.CRM.${name}`, { ApiVersion: '1.0', ...params })
    : client.send('POST', name, { ApiVersion: '1.0', ConversationId: id, ...params });
}

const error = async (res: Response) => ((await res.json()) as { error: { code: string; message: string } }).error;

function pick(where: (r: Row) => boolean): Row {
  const found = conversations(e, (r) => !e.world.index.stuck.has(String(r.activityid)) && where(r))[0];
  if (!found) throw new Error('no conversation matches');
  return found;
}

const activeChat = () =>
  pick(
    (r) =>
      r.statuscode === 2 &&
      r.msdyn_channel === CHAT &&
      r._msdyn_activeagentid_value !== SOFIA.systemuserid &&
      !e.world.index.bots.has(String(r._msdyn_activeagentid_value)),
  );
const openUnassigned = () => pick((r) => r.statuscode === 1 && !r._msdyn_activeagentid_value && r.msdyn_channel !== RECORD);
const id = (r: Row) => String(r.activityid);
const row = (conversationId: string) => e.world.store.get('msdyn_ocliveworkitems', conversationId)!;

function participants(conversation: Row): Row[] {
  return [...e.world.store.rows('msdyn_sessionparticipants')].filter(
    (p) => p._msdyn_omnichannelsession_value === conversation._msdyn_lastsessionid_value,
  );
}

/** A human member of the conversation's queue, other than its agent, set to the given presence. */
function colleague(conversation: Row, presence = 192360000): string {
  const queue = e.world.index.queues.find((q) => q.id === conversation._msdyn_cdsqueueid_value)!;
  const agent = queue.agents.find(
    (a) => a !== conversation._msdyn_activeagentid_value && !Object.values({ SOFIA, SAM, ALEX }).some((p) => p.systemuserid === a),
  )!;
  const status = agentStatusOf(e.world, agent)!;
  e.world.store.update('msdyn_agentstatuses', String(status.msdyn_agentstatusid), {
    _msdyn_currentpresenceid_value: presenceIdOf(presence),
  });
  return agent;
}

describe('common rules', () => {
  it('accepts the bound and the unbound form', async () => {
    const a = activeChat();
    expect((await act(sofia, 'CCaaS_MonitorConversation', id(a), {}, true)).status).toBe(204);
    const b = conversations(
      e,
      (r) => r.statuscode === 2 && r.msdyn_channel === CHAT && r !== a && r._msdyn_activeagentid_value !== SOFIA.systemuserid,
    )[0]!;
    expect((await act(sofia, 'CCaaS_MonitorConversation', id(b), {}, false)).status).toBe(204);
  });

  it('requires the Omnichannel supervisor role', async () => {
    const alex = await signIn(e, ALEX.upn);
    const res = await act(alex, 'CCaaS_MonitorConversation', id(activeChat()));
    expect(res.status).toBe(403);
    expect((await error(res)).message).toMatch(/Role rule.*Omnichannel supervisor/);
  });

  it("refuses a supervisor outside the conversation's queue", async () => {
    const nina = await signIn(e, NINA.upn);
    const res = await act(nina, 'CCaaS_MonitorConversation', id(activeChat()));
    expect(res.status).toBe(403);
    expect((await error(res)).message).toMatch(/Queue rule/);
  });

  it('follows the org switches', async () => {
    const a = activeChat();
    await control(e, 'config', { switches: { monitor: false } });
    const res = await act(sofia, 'CCaaS_MonitorConversation', id(a));
    expect(res.status).toBe(403);
    expect((await error(res)).message).toMatch(/Switch rule.*msdyn_enable_supervisor_monitor/);
    await control(e, 'config', { switches: { monitor: true } });
    expect((await act(sofia, 'CCaaS_MonitorConversation', id(a))).status).toBe(204);
  });

  it('answers 404 for a missing conversation', async () => {
    const missing = '00000000-0000-4000-8000-00000000abcd';
    const res = await act(sofia, 'CCaaS_ForceCloseConversation', missing);
    expect(res.status).toBe(404);
    expect(await error(res)).toEqual({ code: '0x80040217', message: `msdyn_ocliveworkitem With Id = ${missing} Does Not Exist` });
  });

  it('validates the body: ApiVersion, ConversationId, unknown parameters, the namespace on bound calls', async () => {
    const a = id(activeChat());
    expect((await sofia.send('POST', `msdyn_ocliveworkitems(${a})/Microsoft.Dynamics.CRM.CCaaS_MonitorConversation`, {})).status).toBe(400);
    expect((await sofia.send('POST', 'CCaaS_MonitorConversation', { ApiVersion: '1.0' })).status).toBe(400);
    const extra = await act(sofia, 'CCaaS_MonitorConversation', a, { Foo: 1 });
    expect(extra.status).toBe(400);
    expect((await error(extra)).message).toContain("'Foo'");
    expect((await sofia.send('POST', `msdyn_ocliveworkitems(${a})/CCaaS_MonitorConversation`, { ApiVersion: '1.0' })).status).toBe(400);
  });
});

describe('CCaaS_MonitorConversation and CCaaS_JoinConversation', () => {
  it('adds a Monitor participant without changing the conversation', async () => {
    const a = activeChat();
    const version = a.versionnumber;
    expect((await act(sofia, 'CCaaS_MonitorConversation', id(a))).status).toBe(204);
    const seat = participants(a).find((p) => p._msdyn_agentid_value === SOFIA.systemuserid);
    expect(seat).toMatchObject({ msdyn_mode: 192350004, msdyn_assignreason: 'AgentMonitor' });
    expect(row(id(a)).versionnumber).toBe(version);
    // Readable by a client too.
    const page = await sofia.json<{ value: Row[] }>(
      `msdyn_sessionparticipants?$filter=_msdyn_omnichannelsession_value eq ${String(a._msdyn_lastsessionid_value)} and msdyn_mode eq 192350004`,
    );
    expect(page.value.map((p) => p._msdyn_agentid_value)).toEqual([SOFIA.systemuserid]);
  });

  it.each([
    ['Open', () => openUnassigned(), /Status rule/],
    ['record-routed', () => pick((r) => r.statuscode === 2 && r.msdyn_channel === RECORD), /Channel rule/],
    ['own', () => pick((r) => r._msdyn_activeagentid_value === SOFIA.systemuserid && r.statuscode === 2), /Own conversation rule/],
    ['Closed', () => pick((r) => r.statecode === 1), /Status rule/],
  ])('refuses to monitor a %s conversation', async (_, choose, rule) => {
    const res = await act(sofia, 'CCaaS_MonitorConversation', id(choose()));
    expect(res.status).toBe(400);
    expect((await error(res)).message).toMatch(rule);
  });

  it('monitors Waiting and Wrap-up conversations', async () => {
    const monitorable = (status: number) =>
      pick((r) => r.statuscode === status && r.msdyn_channel !== RECORD && r._msdyn_activeagentid_value !== SOFIA.systemuserid);
    expect((await act(sofia, 'CCaaS_MonitorConversation', id(monitorable(3)))).status).toBe(204);
    expect((await act(sofia, 'CCaaS_MonitorConversation', id(monitorable(5)))).status).toBe(204);
  });

  it('joins only after monitoring, turning the seat into Consult and telling the workspace', async () => {
    const a = activeChat();
    const early = await act(sofia, 'CCaaS_JoinConversation', id(a));
    expect(early.status).toBe(400);
    expect((await error(early)).message).toMatch(/Join rule/);
    await act(sofia, 'CCaaS_MonitorConversation', id(a));
    expect((await act(sofia, 'CCaaS_JoinConversation', id(a))).status).toBe(204);
    const seat = participants(a).find((p) => p._msdyn_agentid_value === SOFIA.systemuserid);
    expect(seat).toMatchObject({ msdyn_mode: 192350003, msdyn_assignreason: 'AgentConversationJoin' });
    const transcript = await sofia.json<{ messages: { role: string; text: string }[] }>(`/_emulator/workspace/conversations/${id(a)}`);
    expect(transcript.messages).toContainEqual(
      expect.objectContaining({ role: 'notice', text: `${SOFIA.fullname} joined the conversation` }),
    );
  });
});

describe('CCaaS_AssignConversation', () => {
  it('assigns an Open, unassigned conversation, pending until the agent accepts', async () => {
    const c = openUnassigned();
    const agent = colleague(c);
    const res = await act(sofia, 'CCaaS_AssignConversation', id(c), { AgentId: agent });
    expect(res.status).toBe(200);
    const body = (await res.json()) as Row;
    expect(body).toMatchObject({
      '@odata.context': expect.stringContaining('CCaaS_AssignConversationResponse'),
      CapacityExceededBy: expect.any(Number),
    });
    expect(row(id(c))).toMatchObject({ statuscode: 1, _msdyn_activeagentid_value: agent, msdyn_statuschangereason: 192350017 });
    expect(participants(c).find((p) => p._msdyn_agentid_value === agent)).toMatchObject({ msdyn_mode: 192350002, msdyn_joinedon: null });
    expect((await control(e, `conversations/${id(c)}/respond`, { decision: 'accept' })).status).toBe(200);
    expect(row(id(c))).toMatchObject({ statuscode: 2, _msdyn_activeagentid_value: agent });
    expect(participants(c).find((p) => p._msdyn_agentid_value === agent)?.msdyn_joinedon).toEqual(expect.any(String));
  });

  it('overrides capacity and says by how many units it is exceeded', async () => {
    const c = openUnassigned();
    const agent = colleague(c);
    const status = agentStatusOf(e.world, agent)!;
    e.world.store.update('msdyn_agentstatuses', String(status.msdyn_agentstatusid), { msdyn_availableunitscapacity: 5 });
    const required = Number(e.world.store.get('msdyn_liveworkstreams', String(c._msdyn_liveworkstreamid_value))!.msdyn_capacityrequired);
    const body = (await (await act(sofia, 'CCaaS_AssignConversation', id(c), { AgentId: agent })).json()) as Row;
    expect(body.CapacityExceededBy).toBe(required - 5);
    expect(agentStatusOf(e.world, agent)!.msdyn_availableunitscapacity).toBe(5 - required);
  });

  it('overrides presence', async () => {
    const c = openUnassigned();
    const agent = colleague(c, 192360004);
    const body = (await (await act(sofia, 'CCaaS_AssignConversation', id(c), { AgentId: agent })).json()) as Row;
    expect(body.PresenceOverridden).toBe(true);
  });

  it('returns the conversation to the queue when the agent rejects', async () => {
    const c = openUnassigned();
    await act(sofia, 'CCaaS_AssignConversation', id(c), { AgentId: colleague(c) });
    await control(e, `conversations/${id(c)}/respond`, { decision: 'reject' });
    expect(row(id(c))).toMatchObject({ statuscode: 1, _msdyn_activeagentid_value: null, msdyn_statuschangereason: 192350001 });
  });

  it('refuses non-Open, already assigned, and AI-agent targets', async () => {
    const active = activeChat();
    const r1 = await act(sofia, 'CCaaS_AssignConversation', id(active), { AgentId: colleague(active) });
    expect((await error(r1)).message).toMatch(/Status rule/);
    const c = openUnassigned();
    await act(sofia, 'CCaaS_AssignConversation', id(c), { AgentId: colleague(c) });
    const r2 = await act(sofia, 'CCaaS_AssignConversation', id(c), { AgentId: colleague(c) });
    expect(r2.status).toBe(400);
    expect((await error(r2)).message).toMatch(/Unassigned rule/);
    const d = conversations(e, (r) => r.statuscode === 1 && !r._msdyn_activeagentid_value && r !== c)[0]!;
    const bot = e.world.index.queues.find((q) => q.id === d._msdyn_cdsqueueid_value)!.bot;
    const r3 = await act(sofia, 'CCaaS_AssignConversation', id(d), { AgentId: bot });
    expect(r3.status).toBe(400);
    expect((await error(r3)).message).toMatch(/Human agent rule/);
  });

  it('fails for a person holding the Omnichannel API access role (sam)', async () => {
    const sam = await signIn(e, SAM.upn);
    const c = openUnassigned();
    const res = await act(sam, 'CCaaS_AssignConversation', id(c), { AgentId: colleague(c) });
    expect(res.status).toBe(CONTRACT.apiAccessRole.status);
    expect(await error(res)).toEqual({ code: CONTRACT.apiAccessRole.code, message: CONTRACT.apiAccessRole.message });
    expect((await act(sam, 'CCaaS_MonitorConversation', id(activeChat()))).status).toBe(204);
  });
});

describe('CCaaS_InitiateQueueAssignment', () => {
  it('moves an Open conversation to another queue', async () => {
    const c = openUnassigned();
    const target = e.world.index.queues.find((q) => q.id !== c._msdyn_cdsqueueid_value)!;
    expect((await act(sofia, 'CCaaS_InitiateQueueAssignment', id(c), { QueueId: target.id })).status).toBe(204);
    expect(row(id(c))).toMatchObject({ statuscode: 1, _msdyn_cdsqueueid_value: target.id });
  });

  it('refuses the same queue and non-Open conversations', async () => {
    const c = openUnassigned();
    const same = await act(sofia, 'CCaaS_InitiateQueueAssignment', id(c), { QueueId: String(c._msdyn_cdsqueueid_value) });
    expect((await error(same)).message).toMatch(/Target queue rule/);
    const a = activeChat();
    const other = e.world.index.queues.find((q) => q.id !== a._msdyn_cdsqueueid_value)!;
    const active = await act(sofia, 'CCaaS_InitiateQueueAssignment', id(a), { QueueId: other.id });
    expect(active.status).toBe(400);
    expect((await error(active)).message).toMatch(/Status rule/);
  });
});

describe('CCaaS_InitiateAgentTransferBySupervisor', () => {
  it('keeps the transfer pending, then makes the target primary and the first agent a consultant', async () => {
    const c = activeChat();
    const first = String(c._msdyn_activeagentid_value);
    const target = colleague(c);
    const transfers = Number(c.msdyn_transfercount);
    expect((await act(sofia, 'CCaaS_InitiateAgentTransferBySupervisor', id(c), { AgentId: target })).status).toBe(204);
    expect(row(id(c))).toMatchObject({ _msdyn_activeagentid_value: first, msdyn_statuschangereason: 192350002 });
    expect(participants(c).find((p) => p._msdyn_agentid_value === target)).toMatchObject({
      msdyn_joinedon: null,
      msdyn_assignreason: 'SupervisorTransferToAgent',
    });
    await control(e, `conversations/${id(c)}/respond`, { decision: 'accept' });
    expect(row(id(c))).toMatchObject({
      _msdyn_activeagentid_value: target,
      msdyn_transfercount: transfers + 1,
      msdyn_statuschangereason: 192350003,
    });
    expect(participants(c).find((p) => p._msdyn_agentid_value === first && !p.msdyn_lefton)?.msdyn_mode).toBe(192350003);
  });

  it('leaves the conversation with its agent when the target rejects', async () => {
    const c = activeChat();
    const first = c._msdyn_activeagentid_value;
    await act(sofia, 'CCaaS_InitiateAgentTransferBySupervisor', id(c), { AgentId: colleague(c) });
    await control(e, `conversations/${id(c)}/respond`, { decision: 'reject' });
    expect(row(id(c))).toMatchObject({ _msdyn_activeagentid_value: first, msdyn_statuschangereason: 192350003 });
  });

  it.each([
    [
      'Open conversation',
      () => {
        const c = openUnassigned();
        return [c, colleague(c)] as const;
      },
      /Status rule/,
    ],
    [
      'voice conversation',
      () => {
        const c = pick((r) => r.statuscode === 2 && r.msdyn_channel === VOICE);
        return [c, colleague(c)] as const;
      },
      /Channel rule/,
    ],
    [
      'conversation escalated to voice',
      () => {
        const c = activeChat();
        e.world.store.update('msdyn_ocliveworkitems', id(c), { msdyn_channel: `${CHAT},${VOICE}` });
        return [c, colleague(c)] as const;
      },
      /Channel rule/,
    ],
    [
      'target outside the queue',
      () => {
        const c = activeChat();
        const outsider = e.world.index.queues
          .flatMap((q) => q.agents)
          .find((a) => !e.world.index.queues.find((q) => q.id === c._msdyn_cdsqueueid_value)!.agents.includes(a))!;
        return [c, outsider] as const;
      },
      /Same queue rule/,
    ],
    [
      'target whose presence is Offline',
      () => {
        const c = activeChat();
        return [c, colleague(c, 192360004)] as const;
      },
      /Presence rule/,
    ],
    [
      'AI agent target',
      () => {
        const c = activeChat();
        return [c, e.world.index.queues.find((q) => q.id === c._msdyn_cdsqueueid_value)!.bot] as const;
      },
      /Human agent rule/,
    ],
  ])('refuses a %s', async (_, setup, rule) => {
    const [c, target] = setup();
    const res = await act(sofia, 'CCaaS_InitiateAgentTransferBySupervisor', id(c), { AgentId: target });
    expect(res.status).toBe(400);
    expect((await error(res)).message).toMatch(rule);
  });

  it('refuses a second transfer while one is pending', async () => {
    const c = activeChat();
    await act(sofia, 'CCaaS_InitiateAgentTransferBySupervisor', id(c), { AgentId: colleague(c) });
    const res = await act(sofia, 'CCaaS_InitiateAgentTransferBySupervisor', id(c), { AgentId: colleague(c) });
    expect((await error(res)).message).toMatch(/Pending transfer rule/);
  });
});

describe('CCaaS_ForceCloseConversation', () => {
  it.each([
    ['messaging', CHAT],
    ['voice', VOICE],
  ])('closes an ongoing %s conversation', async (_, channel) => {
    const c = pick((r) => r.statecode === 0 && r.msdyn_channel === channel && r._msdyn_activeagentid_value !== SOFIA.systemuserid);
    expect((await act(sofia, 'CCaaS_ForceCloseConversation', id(c))).status).toBe(204);
    expect(row(id(c))).toMatchObject({
      statecode: 1,
      statuscode: 4,
      msdyn_statuschangereason: 192350015,
      msdyn_closedon: expect.any(String),
    });
    expect(e.world.store.get('msdyn_ocsessions', String(c._msdyn_lastsessionid_value))?.msdyn_closurereason).toBe(192350014);
  });

  it('refuses closed and record-routed conversations', async () => {
    const closed = await act(sofia, 'CCaaS_ForceCloseConversation', id(pick((r) => r.statecode === 1)));
    expect((await error(closed)).message).toMatch(/Status rule/);
    const record = await act(sofia, 'CCaaS_ForceCloseConversation', id(pick((r) => r.statecode === 0 && r.msdyn_channel === RECORD)));
    expect(record.status).toBe(400);
    expect((await error(record)).message).toMatch(/Channel rule/);
  });
});
