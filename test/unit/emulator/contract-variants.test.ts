// @vitest-environment node
/**
 * The action contract an org plays: each variant's $metadata and customapis describe exactly what its actions
 * accept, calls of that shape succeed, and any other name or binding is refused the way Dataverse refuses it.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { Emulator, VariantName } from '../../../emulator';
import { ROLE_IDS, SOFIA } from '../../../emulator/personas';
import { control, emulator, signIn, type Client, type Row } from './helpers';
import { activeChat, colleague, errorOf, idOf, openUnassigned } from './org';

let e: Emulator;
afterEach(async () => e?.close());

const ACTIONS = [
  'CCaaS_MonitorConversation',
  'CCaaS_JoinConversation',
  'CCaaS_AssignConversation',
  'CCaaS_InitiateQueueAssignment',
  'CCaaS_InitiateAgentTransferBySupervisor',
  'CCaaS_ForceCloseConversation',
] as const;

type Api = {
  uniquename: string;
  bindingtype: number;
  boundentitylogicalname: string | null;
  isfunction: boolean;
  CustomAPIRequestParameters: { uniquename: string; type: number; isoptional: boolean }[];
  CustomAPIResponseProperties: { uniquename: string; type: number }[];
};

const DISCOVERY =
  "customapis?$select=uniquename,bindingtype,boundentitylogicalname,isfunction&$filter=startswith(uniquename,'CCaaS_')" +
  '&$expand=CustomAPIRequestParameters($select=uniquename,type,isoptional),CustomAPIResponseProperties($select=uniquename,type)';

async function start(variant: VariantName): Promise<Client> {
  e = emulator({ variant });
  return signIn(e, SOFIA.upn);
}

async function customApis(client: Client): Promise<Map<string, Api>> {
  const page = await client.json<{ value: Api[] }>(DISCOVERY);
  return new Map(page.value.map((api) => [api.uniquename, api]));
}

/** The <Action> element of one action in $metadata, as text. */
async function actionXml(client: Client, name: string): Promise<string> {
  const xml = await (await client.get('$metadata')).text();
  const match = new RegExp(`<Action Name="${name}" IsBound="(true|false)">([\\s\\S]*?)</Action>`).exec(xml);
  if (!match) throw new Error(`no Action ${name}`);
  return match[0];
}

const paramsOf = (api: Api) => api.CustomAPIRequestParameters.map((p) => [p.uniquename, p.type, p.isoptional]);

describe('default', () => {
  it('describes the bound actions with ApiVersion and Guid ids, and answers both forms as before', async () => {
    const sofia = await start('default');
    const apis = await customApis(sofia);
    expect([...apis.keys()].sort()).toEqual([...ACTIONS, 'CCaaS_GetPresence', 'CCaaS_ModifyAgentPresence'].sort());
    const assign = apis.get('CCaaS_AssignConversation')!;
    expect(assign).toMatchObject({ bindingtype: 1, boundentitylogicalname: 'msdyn_ocliveworkitem', isfunction: false });
    expect(paramsOf(assign)).toEqual([
      ['ApiVersion', 10, false],
      ['AgentId', 12, false],
    ]);
    expect(assign.CustomAPIResponseProperties.map((p) => [p.uniquename, p.type]).sort()).toEqual([
      ['CapacityExceededBy', 7],
      ['PresenceOverridden', 0],
      ['Status', 10],
    ]);
    expect(apis.get('CCaaS_ForceCloseConversation')!.CustomAPIResponseProperties).toEqual([]);
    expect(await actionXml(sofia, 'CCaaS_AssignConversation')).toBe(
      [
        '<Action Name="CCaaS_AssignConversation" IsBound="true">',
        '<Parameter Name="entity" Type="mscrm.msdyn_ocliveworkitem" Nullable="false"/>',
        '<Parameter Name="ApiVersion" Type="Edm.String" Nullable="false"/>',
        '<Parameter Name="AgentId" Type="Edm.Guid" Nullable="false"/>',
        '<ReturnType Type="mscrm.CCaaS_AssignConversationResponse" Nullable="false"/>',
        '</Action>',
      ].join('\n'),
    );
    const unbound = await sofia.send('POST', 'CCaaS_MonitorConversation', { ApiVersion: '1.0', ConversationId: idOf(activeChat(e)) });
    expect(unbound.status).toBe(204);
  });
});

describe('unbound-renamed', () => {
  it('declares unbound actions taking ConversationId, TargetAgentId and TargetQueueId, each answering 200', async () => {
    const sofia = await start('unbound-renamed');
    const apis = await customApis(sofia);
    for (const name of ACTIONS) {
      expect(apis.get(name)).toMatchObject({ bindingtype: 0, boundentitylogicalname: null });
      expect(apis.get(name)!.CustomAPIResponseProperties.map((p) => p.uniquename)).toContain('Status');
    }
    expect(paramsOf(apis.get('CCaaS_InitiateAgentTransferBySupervisor')!)).toEqual([
      ['ApiVersion', 10, false],
      ['ConversationId', 12, false],
      ['TargetAgentId', 12, false],
    ]);
    expect(paramsOf(apis.get('CCaaS_InitiateQueueAssignment')!)).toEqual([
      ['ApiVersion', 10, false],
      ['ConversationId', 12, false],
      ['TargetQueueId', 12, false],
    ]);
    const xml = await (await sofia.get('$metadata')).text();
    expect(xml).toContain('<ActionImport Name="CCaaS_ForceCloseConversation" Action="mscrm.CCaaS_ForceCloseConversation"/>');
    expect(await actionXml(sofia, 'CCaaS_ForceCloseConversation')).toBe(
      [
        '<Action Name="CCaaS_ForceCloseConversation" IsBound="false">',
        '<Parameter Name="ApiVersion" Type="Edm.String" Nullable="false"/>',
        '<Parameter Name="ConversationId" Type="Edm.Guid" Nullable="false"/>',
        '<ReturnType Type="mscrm.CCaaS_ForceCloseConversationResponse" Nullable="false"/>',
        '</Action>',
      ].join('\n'),
    );
    expect(xml).toContain(
      '<ComplexType Name="CCaaS_ForceCloseConversationResponse">\n<Property Name="Status" Type="Edm.String"/>\n</ComplexType>',
    );
  });

  it('runs an unbound call with the renamed target and answers 200 with the response body', async () => {
    const sofia = await start('unbound-renamed');
    const chat = activeChat(e);
    const target = colleague(e, chat);
    const res = await sofia.send('POST', 'CCaaS_InitiateAgentTransferBySupervisor', {
      ApiVersion: '1.0',
      ConversationId: idOf(chat),
      TargetAgentId: target,
    });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({
      '@odata.context': 'http://org.test/api/data/v9.2/$metadata#Microsoft.Dynamics.CRM.CCaaS_InitiateAgentTransferBySupervisorResponse',
      Status: 'PendingAcceptance',
    });
    expect(e.world.pending.get(idOf(chat))).toMatchObject({ kind: 'transfer', agentId: target });
  });

  it('refuses the default names with 400 and the bound form with 404, as Dataverse does', async () => {
    const sofia = await start('unbound-renamed');
    const open = idOf(openUnassigned(e));
    const agent = colleague(e, openUnassigned(e));
    const oldName = await sofia.send('POST', 'CCaaS_AssignConversation', { ApiVersion: '1.0', ConversationId: open, AgentId: agent });
    expect(oldName.status).toBe(400);
    expect(await errorOf(oldName)).toEqual({
      code: '0x80048d19',
      message: "The parameter 'AgentId' in the request payload is not a valid parameter for the operation 'CCaaS_AssignConversation'.",
    });
    const missing = await sofia.send('POST', 'CCaaS_AssignConversation', { ApiVersion: '1.0', ConversationId: open });
    expect(missing.status).toBe(400);
    expect((await errorOf(missing)).message).toBe(
      "Required parameter 'TargetAgentId' is missing for the operation 'CCaaS_AssignConversation'.",
    );
    const bound = await sofia.send('POST', `msdyn_ocliveworkitems(${open})/Microsoft.Dynamics.CRM.CCaaS_AssignConversation`, {
      ApiVersion: '1.0',
      TargetAgentId: agent,
    });
    expect(bound.status).toBe(404);
    expect(await errorOf(bound)).toEqual({
      code: '0x8006088a',
      message: "Resource not found for the segment 'Microsoft.Dynamics.CRM.CCaaS_AssignConversation'.",
    });
    expect(e.world.store.get('msdyn_ocliveworkitems', open)!._msdyn_activeagentid_value).toBeNull();
  });
});

describe('locked-down', () => {
  it('hides customapis from a supervisor (403) while $metadata still describes the actions', async () => {
    const sofia = await start('locked-down');
    for (const set of ['customapis', 'customapirequestparameters', 'customapiresponseproperties']) {
      const res = await sofia.get(`${set}?$select=uniquename`);
      expect(res.status).toBe(403);
      const error = await errorOf(res);
      expect(error.code).toBe('0x80040220');
      expect(error.message).toMatch(new RegExp(`^Principal user \\(Id=${SOFIA.systemuserid},.* is missing prvReadCustomAPI\\w* privilege`));
    }
    expect(await actionXml(sofia, 'CCaaS_AssignConversation')).toBe(
      [
        '<Action Name="CCaaS_AssignConversation" IsBound="true">',
        '<Parameter Name="entity" Type="mscrm.msdyn_ocliveworkitem" Nullable="false"/>',
        '<Parameter Name="AgentUserId" Type="Edm.Guid" Nullable="false"/>',
        '<ReturnType Type="mscrm.CCaaS_AssignConversationResponse" Nullable="false"/>',
        '</Action>',
      ].join('\n'),
    );
    expect(await actionXml(sofia, 'CCaaS_InitiateQueueAssignment')).toContain(
      '<Parameter Name="DestinationQueueId" Type="Edm.Guid" Nullable="false"/>',
    );
  });

  it('lets a System Administrator read customapis', async () => {
    await start('locked-down');
    e.world.store.relate('systemuserroles', SOFIA.systemuserid, ROLE_IDS.systemAdministrator);
    const sofia = await signIn(e, SOFIA.upn);
    expect((await sofia.get('customapis?$select=uniquename')).status).toBe(200);
  });

  it('takes no ApiVersion: a client that does not read $metadata fails, one that does succeeds', async () => {
    const sofia = await start('locked-down');
    const open = openUnassigned(e);
    const agent = colleague(e, open);
    const path = `msdyn_ocliveworkitems(${idOf(open)})/Microsoft.Dynamics.CRM.CCaaS_AssignConversation`;
    const guessed = await sofia.send('POST', path, { ApiVersion: '1.0', AgentId: agent });
    expect(guessed.status).toBe(400);
    expect((await errorOf(guessed)).message).toBe(
      "The parameter 'ApiVersion' in the request payload is not a valid parameter for the operation 'CCaaS_AssignConversation'.",
    );
    const read = await sofia.send('POST', path, { AgentUserId: agent });
    expect(read.status).toBe(200);
    expect(await read.json()).toMatchObject({
      Status: 'PendingAcceptance',
      CapacityExceededBy: expect.any(Number),
      PresenceOverridden: false,
    });
    const unbound = await sofia.send('POST', 'CCaaS_ForceCloseConversation', { ConversationId: idOf(activeChat(e)) });
    expect(unbound.status).toBe(404);
    expect((await errorOf(unbound)).message).toBe("Resource not found for the segment 'CCaaS_ForceCloseConversation'.");
  });
});

describe('assign-unmappable', () => {
  it('declares RoutingToken (String) for assign and the default shape for the other five', async () => {
    const sofia = await start('assign-unmappable');
    const apis = await customApis(sofia);
    expect(paramsOf(apis.get('CCaaS_AssignConversation')!)).toEqual([
      ['ApiVersion', 10, false],
      ['RoutingToken', 10, false],
    ]);
    expect(paramsOf(apis.get('CCaaS_InitiateAgentTransferBySupervisor')!)).toEqual([
      ['ApiVersion', 10, false],
      ['AgentId', 12, false],
    ]);
    expect(paramsOf(apis.get('CCaaS_InitiateQueueAssignment')!)).toEqual([
      ['ApiVersion', 10, false],
      ['QueueId', 12, false],
    ]);
    expect(await actionXml(sofia, 'CCaaS_AssignConversation')).toContain(
      '<Parameter Name="RoutingToken" Type="Edm.String" Nullable="false"/>',
    );
  });

  it('refuses an agent id for assign, routes a RoutingToken call, and runs the other actions unchanged', async () => {
    const sofia = await start('assign-unmappable');
    const open = openUnassigned(e);
    const path = (name: string, c: Row) => `msdyn_ocliveworkitems(${idOf(c)})/Microsoft.Dynamics.CRM.${name}`;
    const agent = colleague(e, open);
    const byAgent = await sofia.send('POST', path('CCaaS_AssignConversation', open), { ApiVersion: '1.0', AgentId: agent });
    expect(byAgent.status).toBe(400);
    expect((await errorOf(byAgent)).message).toContain("The parameter 'AgentId' in the request payload is not a valid parameter");
    const byToken = await sofia.send('POST', path('CCaaS_AssignConversation', open), { ApiVersion: '1.0', RoutingToken: 'skills:billing' });
    expect(byToken.status).toBe(200);
    expect(e.world.store.get('msdyn_ocliveworkitems', idOf(open))!._msdyn_activeagentid_value).toEqual(expect.any(String));
    const chat = activeChat(e);
    expect((await sofia.send('POST', path('CCaaS_MonitorConversation', chat), { ApiVersion: '1.0' })).status).toBe(204);
    expect((await sofia.send('POST', path('CCaaS_ForceCloseConversation', chat), { ApiVersion: '1.0' })).status).toBe(204);
  });
});

describe('actionContract through /_emulator/config', () => {
  it('merges patches onto the contract in force and reports each action in the state', async () => {
    const sofia = await start('default');
    await control(e, 'config', { actionContract: { binding: 'unbound', agentParameter: 'Agent' } });
    const res = await control(e, 'config', {
      actionContract: {
        apiVersion: false,
        actions: { CCaaS_ForceCloseConversation: { parameters: [{ name: 'Reason', type: 'String', optional: true }], successStatus: 200 } },
      },
    });
    const { actionContract } = (await res.json()) as { actionContract: { servesBothBindings: boolean; actions: Record<string, unknown> } };
    expect(actionContract.servesBothBindings).toBe(false);
    expect(actionContract.actions.CCaaS_AssignConversation).toEqual({
      bound: false,
      parameters: [
        { name: 'ConversationId', type: 'Guid', optional: false },
        { name: 'Agent', type: 'Guid', optional: false },
      ],
      successStatus: 200,
      response: { CapacityExceededBy: 'Integer', PresenceOverridden: 'Boolean', Status: 'String' },
    });
    expect(actionContract.actions.CCaaS_ForceCloseConversation).toEqual({
      bound: false,
      parameters: [
        { name: 'ConversationId', type: 'Guid', optional: false },
        { name: 'Reason', type: 'String', optional: true },
      ],
      successStatus: 200,
      response: { Status: 'String' },
    });
    expect(await actionXml(sofia, 'CCaaS_ForceCloseConversation')).toContain(
      '<Parameter Name="Reason" Type="Edm.String" Nullable="true"><Annotation Term="Org.OData.Core.V1.OptionalParameter"/></Parameter>',
    );
    const closed = await sofia.send('POST', 'CCaaS_ForceCloseConversation', { ConversationId: idOf(activeChat(e)) });
    expect(closed.status).toBe(200);
    expect(await closed.json()).toMatchObject({ Status: 'Closed' });
    const wrongType = await sofia.send('POST', 'CCaaS_ForceCloseConversation', { ConversationId: idOf(activeChat(e)), Reason: 5 });
    expect(wrongType.status).toBe(400);
  });

  it('refuses unknown keys, unknown actions and malformed parameter lists with 400', async () => {
    await start('default');
    for (const body of [
      { actionContract: { bindng: 'bound' } },
      { actionContract: { actions: { CCaaS_Nope: {} } } },
      { actionContract: { actions: { CCaaS_AssignConversation: { parameters: [{ name: 'A', type: 'Text' }] } } } },
      {
        actionContract: {
          actions: {
            CCaaS_AssignConversation: {
              parameters: [
                { name: 'A', type: 'Guid' },
                { name: 'A', type: 'Guid' },
              ],
            },
          },
        },
      },
      { actionContract: { successStatus: 202 } },
    ]) {
      expect((await control(e, 'config', body)).status).toBe(400);
    }
  });

  it('a reset to a variant starts from that variant and forgets earlier settings', async () => {
    await start('default');
    await control(e, 'config', { actionContract: { binding: 'unbound' } });
    const reset = await control(e, 'reset', { variant: 'locked-down' });
    expect(await reset.json()).toMatchObject({ ok: true, variant: 'locked-down' });
    const state = (await (await control(e, 'state')).json()) as {
      config: { variant: string; customApisReadable: boolean; actionContract: { actions: Record<string, { bound: boolean }> } };
    };
    expect(state.config).toMatchObject({ variant: 'locked-down', customApisReadable: false });
    expect(state.config.actionContract.actions.CCaaS_MonitorConversation!.bound).toBe(true);
    expect((await control(e, 'reset', { variant: 'nope' })).status).toBe(400);
  });
});

describe('RetrieveVersion', () => {
  it('answers a version that moves when the org is reconfigured to describe its actions differently', async () => {
    const client = await start('default');
    const version = async () => (await client.json<{ Version: string }>('RetrieveVersion()')).Version;
    const before = await version();
    expect(before).toMatch(/^9\.2\.\d+\.\d+$/);
    expect(await version()).toBe(before);
    await control(e, 'config', { customApisReadable: false });
    expect(await version()).not.toBe(before);
  });
});
