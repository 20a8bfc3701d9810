import type { ActionLogSnapshot } from '../../../lib/actions/record-store';
import type { ActionRunnerDeps } from '../../../lib/actions/runner';
import { decideRoute, type RouteFacts, type Via } from '../../../lib/actions/routing';
import type { DataverseOutcome, DataverseRequest, DataverseTransport } from '../../../lib/dataverse/transport';
import type { ActionRecord } from '../../../lib/model/actions';
import type { Agent } from '../../../lib/model/agent';
import type { Conversation } from '../../../lib/model/conversation';
import { ME, access, conversation } from './fixtures';

type Responder = (request: DataverseRequest) => DataverseOutcome | Promise<DataverseOutcome> | 'apply';

export const failure = (
  status: number | null,
  message = 'Platform says no',
  kind: 'http' | 'network' | 'throttled' | 'signedOut' = 'http',
  retryAt: number | null = null,
): DataverseOutcome => ({ ok: false, kind, status, code: null, message, retryAt });

/**
 * A conversation on a pretend platform: actions change it the way docs/platform.md ("Messages on the table") describes; `respond`
 * scripts refusals; rereads see the current row (null once closed).
 */
export function fakePlatform(start: Partial<Conversation> = {}) {
  let row: Conversation | null = conversation(start);
  let version = 1;
  const requests: DataverseRequest[] = [];
  const responders: Responder[] = [];
  const published: ActionRecord[][] = [];
  let stored: ActionLogSnapshot | null = null;
  const opened: string[] = [];
  /** Which way each request went (lib/actions/routing.ts), in order. */
  const ways: Via[] = [];
  let routes: RouteFacts = { workspaceOpen: true, workerRefused: false };
  let agents: Agent[] = [];
  let who = access();

  const change = (c: Partial<Conversation>) => {
    if (!row) return;
    version += 1;
    row = { ...row, ...c, etag: `W/"${version}"` };
  };

  function apply(request: DataverseRequest): void {
    const body = request.body as Record<string, string>;
    const name = request.path.split('.').pop() ?? request.path;
    const current = row;
    if (!current) return;
    if (name === 'CCaaS_MonitorConversation') change({ participants: [...current.participants, { agentId: ME, mode: 'monitor' }] });
    if (name === 'CCaaS_JoinConversation')
      change({ participants: current.participants.map((p) => (p.agentId === ME ? { ...p, mode: 'consult' as const } : p)) });
    if (name === 'CCaaS_AssignConversation') change({ pending: { kind: 'assign', targetAgentId: body.AgentId!, since: '' } });
    if (name === 'CCaaS_InitiateAgentTransferBySupervisor')
      change({ pending: { kind: 'transfer', targetAgentId: body.AgentId!, since: '' } });
    if (name === 'CCaaS_InitiateQueueAssignment') change({ queueId: body.QueueId! });
    if (name === 'CCaaS_ForceCloseConversation') row = null;
  }

  const platform = (via: Via): DataverseTransport => ({
    org: 'https://contoso.crm4.dynamics.com',
    async send(request) {
      requests.push(request);
      ways.push(via);
      const answer = responders.shift()?.(request) ?? 'apply';
      if (answer !== 'apply') return await answer;
      apply(request);
      return { ok: true, status: 204, body: null, headers: {} };
    },
  });

  const deps: ActionRunnerDeps = {
    transport: (route) => {
      const via = decideRoute(route, routes);
      return via ? { ok: true, via, transport: platform(via) } : { ok: false, why: 'needsWorkspace' };
    },
    conversation: () => row ?? undefined,
    reread: async () => row,
    access: () => who,
    agents: () => agents,
    queues: () => [],
    now: () => Date.now(),
    publish: (records) => published.push(records),
    storage: { load: async () => stored, save: async (v) => void (stored = structuredClone(v)) },
    afterAction: () => undefined,
    openInWorkspace: async (id) => {
      opened.push(id);
      return 'session';
    },
  };

  return {
    deps,
    requests,
    opened,
    ways,
    get row() {
      return row;
    },
    get stored() {
      return stored;
    },
    set stored(v: ActionLogSnapshot | null) {
      stored = v;
    },
    /** Script the next answers (an outcome, or 'apply' to let it happen). */
    respond: (...answers: Responder[]) => responders.push(...answers),
    change,
    apply,
    setAgents: (list: Agent[]) => void (agents = list),
    setAccess: (a: typeof who) => void (who = a),
    /** Whether a workspace tab is open, and whether the org refused the worker's writes. */
    setRoutes: (facts: RouteFacts) => void (routes = facts),
    /** The target agent answers a pending transfer or assignment. */
    answer(accept: boolean) {
      const current = row;
      if (!current?.pending) return;
      const target = current.pending.targetAgentId;
      const previous = current.agentId;
      if (!accept) return change({ pending: null });
      change({
        pending: null,
        agentId: target,
        status: 'active',
        participants: previous ? [{ agentId: previous, mode: 'consult' }] : [],
      });
    },
    /** The action log as the views last saw it. */
    last: (): ActionRecord[] => published.at(-1) ?? [],
    /** Every version of the log the views were sent, oldest first. */
    published,
  };
}
