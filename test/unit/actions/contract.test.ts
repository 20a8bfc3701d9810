import { describe, expect, it } from 'vitest';
import { CCAAS_CONTRACT } from '../../../lib/actions/contract';
import { ccaasRequest } from '../../../lib/actions/request';
import { CONVERSATION_ID } from './fixtures';

describe('ccaasRequest', () => {
  it('binds to the conversation by default (platform-api.md §7.1) and carries only ApiVersion and the target', () => {
    expect(ccaasRequest('transfer', CONVERSATION_ID, 'agent-1')).toEqual({
      method: 'POST',
      path: `msdyn_ocliveworkitems(${CONVERSATION_ID})/Microsoft.Dynamics.CRM.CCaaS_InitiateAgentTransferBySupervisor`,
      body: { ApiVersion: '1.0', AgentId: 'agent-1' },
      queryKey: `action:${CONVERSATION_ID}`,
    });
    expect(ccaasRequest('assignQueue', CONVERSATION_ID, 'queue-1').body).toEqual({ ApiVersion: '1.0', QueueId: 'queue-1' });
  });

  it('switches to the unbound form from the one config object, the conversation then in the body', () => {
    const unbound = { ...CCAAS_CONTRACT, binding: 'unbound' as const };
    expect(ccaasRequest('forceClose', CONVERSATION_ID, undefined, unbound)).toMatchObject({
      path: 'CCaaS_ForceCloseConversation',
      body: { ApiVersion: '1.0', ConversationId: CONVERSATION_ID },
    });
  });
});
