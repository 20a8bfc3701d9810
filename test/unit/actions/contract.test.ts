import { describe, expect, it } from 'vitest';
import { BUILT_IN_CONTRACT, type ActionContract } from '../../../lib/actions/contract';
import { operationRequest } from '../../../lib/actions/request';
import { definitionOf, type ActionIntent } from '../../../lib/actions/registry';
import { availability } from '../../../lib/actions/rules';
import { createActionRunner } from '../../../lib/actions/runner';
import { fakePlatform } from './fake-platform';
import { CONVERSATION_ID, access, conversation } from './fixtures';

const call = (intent: ActionIntent, contract: ActionContract = BUILT_IN_CONTRACT) =>
  operationRequest(definitionOf(intent.kind), intent, contract);
const base = { conversationId: CONVERSATION_ID, etag: 'W/"1"' };

describe('operationRequest', () => {
  it('binds to the conversation by default (docs/platform.md) and carries only ApiVersion and the target', () => {
    expect(call({ kind: 'transfer', ...base, agentId: 'agent-1' })).toMatchObject({
      ok: true,
      request: {
        method: 'POST',
        path: `msdyn_ocliveworkitems(${CONVERSATION_ID})/Microsoft.Dynamics.CRM.CCaaS_InitiateAgentTransferBySupervisor`,
        body: { ApiVersion: '1.0', AgentId: 'agent-1' },
        queryKey: `action:${CONVERSATION_ID}`,
      },
    });
    const queue = call({ kind: 'assignQueue', ...base, queueId: 'queue-1' });
    expect(queue.ok && queue.request.body).toEqual({ ApiVersion: '1.0', QueueId: 'queue-1' });
  });

  it('switches to the unbound form from the one contract object, the conversation then in the body', () => {
    const unbound: ActionContract = { ...BUILT_IN_CONTRACT, assumed: { ...BUILT_IN_CONTRACT.assumed!, binding: 'unbound' } };
    expect(call({ kind: 'forceClose', ...base }, unbound)).toMatchObject({
      ok: true,
      request: { path: 'CCaaS_ForceCloseConversation', body: { ApiVersion: '1.0', ConversationId: CONVERSATION_ID } },
    });
  });

  it("follows an org's own description, API by API, and never guesses once the org has described itself", () => {
    const described: ActionContract = {
      ...BUILT_IN_CONTRACT,
      assumed: null,
      apis: {
        CCaaS_AssignConversation: {
          binding: 'unbound',
          parameters: { conversation: 'ConversationId', agent: 'TargetAgentId', queue: null },
          apiVersion: false,
          capacityExceededProperty: null,
        },
        CCaaS_InitiateQueueAssignment: {
          binding: 'bound',
          parameters: { conversation: null, agent: null, queue: null },
          apiVersion: true,
          capacityExceededProperty: null,
        },
      },
    };
    expect(call({ kind: 'assignAgent', ...base, agentId: 'a-1', override: false }, described)).toMatchObject({
      ok: true,
      request: { path: 'CCaaS_AssignConversation', body: { ConversationId: CONVERSATION_ID, TargetAgentId: 'a-1' } },
    });
    expect(call({ kind: 'assignQueue', ...base, queueId: 'q-1' }, described)).toEqual({ ok: false, gap: 'missingTarget', names: [] });
    expect(call({ kind: 'forceClose', ...base }, described)).toEqual({ ok: false, gap: 'notOffered', names: [] });
    const unmappable: ActionContract = {
      ...described,
      apis: {
        CCaaS_AssignConversation: {
          ...described.apis.CCaaS_AssignConversation!,
          parameters: { conversation: 'ConversationId', agent: null, queue: null },
          unmapped: ['RoutingToken', 'Region'],
        },
      },
    };
    expect(call({ kind: 'assignAgent', ...base, agentId: 'a-1', override: false }, unmappable)).toEqual({
      ok: false,
      gap: 'unmappedParameter',
      names: ['RoutingToken', 'Region'],
    });
    expect(
      availability('assignAgent', {
        conversation: conversation({ status: 'open', statusCode: 1, agentId: null }),
        access: access(),
        contract: unmappable,
      }),
    ).toEqual({
      enabled: false,
      reason: 'actions_reason_unmappedParameter',
      args: ['RoutingToken, Region'],
    });
  });

  it('shows an action the org does not describe as unavailable, with the reason, and never sends it', async () => {
    const described: ActionContract = {
      ...BUILT_IN_CONTRACT,
      assumed: null,
      apis: { CCaaS_MonitorConversation: BUILT_IN_CONTRACT.assumed! },
    };
    expect(availability('forceClose', { conversation: conversation(), access: access(), contract: described })).toEqual({
      enabled: false,
      reason: 'actions_reason_notOffered',
    });
    expect(availability('monitor', { conversation: conversation(), access: access(), contract: described }).enabled).toBe(true);

    const platform = fakePlatform();
    createActionRunner({ ...platform.deps, contract: () => described }).run({ kind: 'forceClose', ...base }, 'r1');
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(platform.last()[0]).toMatchObject({ state: 'failed', failure: 'blocked', reason: 'actions_reason_notOffered' });
    expect(platform.requests).toEqual([]);
  });
});
