import type { Access } from '../../../lib/model/access';
import type { Agent } from '../../../lib/model/agent';
import { CHANNEL, type Conversation } from '../../../lib/model/conversation';
import { DEFAULT_SETTINGS, type EffectiveSettings } from '../../../lib/model/settings';

export const ME = '5f0f1a00-0000-4000-8000-000000000001';
export const CONVERSATION_ID = 'c0000000-0000-4000-8000-000000000001';
export const QUEUE_ID = 'a0000000-0000-4000-8000-000000000001';
export const OTHER_QUEUE_ID = 'a0000000-0000-4000-8000-000000000002';
export const AGENT_ID = 'a9000000-0000-4000-8000-000000000001';

const allOn = { monitor: true, assign: true, transfer: true, forceClose: true };

export function access(change: Partial<Access> = {}): Access {
  return {
    state: 'supervisor',
    org: 'https://contoso.crm4.dynamics.com',
    userId: ME,
    userName: 'Sofia Lindqvist',
    roles: ['Omnichannel supervisor'],
    hasApiAccessRole: false,
    orgSwitches: { ...allOn },
    policyAllows: { ...allOn },
    checkedAt: 0,
    message: null,
    ...change,
  };
}

export function settings(change: Partial<EffectiveSettings> = {}): EffectiveSettings {
  return { values: DEFAULT_SETTINGS, managedKeys: [], policyIssues: [], ...change };
}

export function conversation(change: Partial<Conversation> = {}): Conversation {
  return {
    id: CONVERSATION_ID,
    subject: 'Invoice question',
    status: 'active',
    statusCode: 2,
    channels: [CHANNEL.liveChat],
    agentId: AGENT_ID,
    agentName: 'Maya Patel',
    queueId: QUEUE_ID,
    queueName: 'Billing',
    workstreamId: null,
    customerName: 'Olga Hansen',
    createdOn: '2025-01-01T10:00:00Z',
    assignedOn: null,
    statusUpdatedOn: null,
    firstWaitSeconds: 10,
    sentiment: 10,
    transferCount: 0,
    statusReason: null,
    participants: [],
    pending: null,
    modifiedOn: '2025-01-01T10:00:00Z',
    etag: 'W/"1"',
    observedAt: 0,
    ...change,
  };
}

let n = 0;
export function agent(change: Partial<Agent> = {}): Agent {
  n += 1;
  return {
    id: `a9000000-0000-4000-8000-${String(100 + n).padStart(12, '0')}`,
    name: `Agent ${n}`,
    presence: 'available',
    presenceText: 'Available',
    presenceSince: null,
    capacityFree: 50,
    capacityTotal: 100,
    queueIds: [QUEUE_ID],
    skills: [],
    isBot: false,
    observedAt: 0,
    ...change,
  };
}
