import type { Access } from '../../../lib/model/access';
import type { Agent, Queue } from '../../../lib/model/agent';
import type { Conversation } from '../../../lib/model/conversation';
import type { LockEntry } from '../../../lib/features/soft-locks/locks';
import type { FeedState } from '../../../lib/model/feed-state';
import { DEFAULT_SETTINGS, type EffectiveSettings } from '../../../lib/model/settings';
import type { ViewToWorker, WorkerToView } from '../../../lib/protocol/view-port';
import type { FeedSource } from '../../../lib/view-model/feed-source';

export const NOW = Date.parse('2026-11-25T10:00:00Z');
export const iso = (msBeforeNow: number) => new Date(NOW - msBeforeNow).toISOString();

export function makeConversation(overrides: Partial<Conversation> & { id: string }): Conversation {
  return {
    subject: `Subject ${overrides.id}`,
    status: 'open',
    statusCode: 1,
    channels: [192360000],
    agentId: null,
    agentName: null,
    queueId: 'q-billing',
    queueName: 'Billing',
    workstreamId: null,
    customerName: `Customer ${overrides.id}`,
    createdOn: iso(60_000),
    assignedOn: null,
    statusUpdatedOn: null,
    firstWaitSeconds: null,
    sentiment: 10,
    transferCount: 0,
    statusReason: null,
    participants: [],
    pending: null,
    modifiedOn: iso(60_000),
    etag: 'W/"1"',
    observedAt: NOW - 1000,
    ...overrides,
  };
}

/** Another supervisor (Sam Okafor) transferring conversation `a` for the next minute. */
export function makeLock(overrides: Partial<LockEntry> = {}): LockEntry {
  return {
    id: 'n1',
    conversationId: 'a',
    kind: 'transfer',
    userId: 'u-sam',
    userName: 'Sam Okafor',
    until: Date.now() + 60_000,
    ...overrides,
  };
}

export function makeAgent(overrides: Partial<Agent> & { id: string }): Agent {
  return {
    name: `Agent ${overrides.id}`,
    presence: 'available',
    presenceText: 'Available',
    presenceSince: iso(300_000),
    capacityFree: 2,
    capacityTotal: 5,
    queueIds: ['q-billing'],
    skills: [],
    isBot: false,
    observedAt: NOW,
    ...overrides,
  };
}

export const QUEUES: Queue[] = [
  { id: 'q-billing', name: 'Billing', type: 'messaging', supervised: true },
  { id: 'q-tech', name: 'Technical support', type: 'messaging', supervised: true },
  { id: 'q-other', name: 'Other', type: 'records', supervised: false },
];

export const SUPERVISOR: Access = {
  state: 'supervisor',
  org: 'https://contoso.crm4.dynamics.com',
  userId: 'u-sofia',
  userName: 'Sofia',
  roles: ['Omnichannel supervisor'],
  hasApiAccessRole: false,
  orgSwitches: { monitor: true, assign: true, transfer: true, forceClose: true },
  policyAllows: { monitor: true, assign: true, transfer: true, forceClose: true },
  checkedAt: NOW,
  message: null,
};

export const SETTINGS: EffectiveSettings = {
  values: {
    ...DEFAULT_SETTINGS,
    thresholds: {
      '*': { waitWarnSeconds: 120, waitAlertSeconds: 300, sentimentAlertAtOrBelow: 8 },
      'q-tech': { waitWarnSeconds: 30, waitAlertSeconds: 60, sentimentAlertAtOrBelow: 9 },
    },
  },
  managedKeys: [],
  policyIssues: [],
};

export function makeState(overrides: Partial<FeedState> = {}): FeedState {
  return {
    access: SUPERVISOR,
    freshness: { state: 'live', lastSuccessAt: NOW - 2000, failingSince: null, retryAt: null, intervalMs: 3000 },
    settings: SETTINGS,
    conversations: [],
    agents: [],
    queues: QUEUES,
    actions: [],
    rowIssues: { count: 0, recent: [] },
    paused: false,
    workspace: { open: true, canOpen: true },
    writeRoute: { route: 'page', reason: 'workspaceOpen', since: null, detail: null },
    contract: null,
    ...overrides,
  };
}

const CHANNELS = [192360000, 192340000, 192300000, 192370000, 192350000];
const STATUSES = ['open', 'active', 'waiting', 'wrapup'] as const;

/** A deterministic floor of `count` conversations over the fixture queues and `agentCount` agents. */
export function generateConversations(count: number, agentCount = 40): Conversation[] {
  return Array.from({ length: count }, (_, index) => {
    const status = STATUSES[index % 4]!;
    const assigned = status !== 'open';
    const agent = index % agentCount;
    const queue = QUEUES[index % 2]!;
    return makeConversation({
      id: `c-${String(index).padStart(5, '0')}`,
      status,
      customerName: `Customer ${index}`,
      subject: `Question ${index}`,
      channels: [CHANNELS[index % CHANNELS.length]!],
      agentId: assigned ? `a-${agent}` : null,
      agentName: assigned ? `Agent ${agent}` : null,
      assignedOn: assigned ? iso((index % 50) * 10_000) : null,
      queueId: queue.id,
      queueName: queue.name,
      createdOn: iso((index % 97) * 7_000),
      sentiment: [0, 7, 8, 9, 10, 11, 12, 13][index % 8]!,
      transferCount: index % 3,
    });
  });
}

/** A FeedSource the test drives: it records what the view sent and delivers what the test pushes. */
export class FakeFeedSource implements FeedSource {
  sent: ViewToWorker[] = [];
  connected = false;
  closed = false;
  private messageListeners = new Set<(message: WorkerToView) => void>();
  private disconnectListeners = new Set<() => void>();

  connect() {
    this.connected = true;
    this.sent.push({ type: 'hello', view: 'sidepanel', visible: true });
  }
  send(message: ViewToWorker) {
    this.sent.push(message);
  }
  onMessage(listener: (message: WorkerToView) => void) {
    this.messageListeners.add(listener);
    return () => this.messageListeners.delete(listener);
  }
  onDisconnect(listener: () => void) {
    this.disconnectListeners.add(listener);
    return () => this.disconnectListeners.delete(listener);
  }
  close() {
    this.closed = true;
  }
  push(message: WorkerToView) {
    for (const listener of this.messageListeners) listener(message);
  }
  drop() {
    for (const listener of this.disconnectListeners) listener();
  }
}
