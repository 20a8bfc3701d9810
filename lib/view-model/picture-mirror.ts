import { batch, computed, signal, type ReadonlySignal } from '@preact/signals';
import type { ActionContract } from '../actions/contract';
import type { Access } from '../model/access';
import type { ActionRecord } from '../model/actions';
import type { Agent, Queue } from '../model/agent';
import type { Conversation } from '../model/conversation';
import type { FeedPatch, FeedState, RowIssue } from '../model/feed-state';
import type { Freshness } from '../model/freshness';
import type { EffectiveSettings } from '../model/settings';
import { NO_WRITE_ROUTE, UNKNOWN_WORKSPACE, type WorkspaceState, type WriteRoute } from '../model/workspace';
import { routeFactsOf, type RouteFacts } from '../actions/routing';
import type { FeedMessage } from '../protocol/view-port';
import { createKeyedRows, type KeyedRows } from './keyed-rows';

/** This view's mirror of the worker's live picture, as signals. Components read; only apply() writes. */
export interface PictureMirror {
  /** False until the first snapshot of the current connection arrives. */
  ready: ReadonlySignal<boolean>;
  connected: ReadonlySignal<boolean>;
  access: ReadonlySignal<Access | null>;
  freshness: ReadonlySignal<Freshness | null>;
  settings: ReadonlySignal<EffectiveSettings | null>;
  queues: ReadonlySignal<readonly Queue[]>;
  conversations: KeyedRows<Conversation>;
  agents: KeyedRows<Agent>;
  actions: ReadonlySignal<readonly ActionRecord[]>;
  rowIssues: ReadonlySignal<{ count: number; recent: readonly RowIssue[] }>;
  paused: ReadonlySignal<boolean>;
  workspace: ReadonlySignal<WorkspaceState>;
  writeRoute: ReadonlySignal<WriteRoute>;
  /** What decides whether an action's way to the platform is open now (the rules' `routes`). */
  routes: ReadonlySignal<RouteFacts>;
  /** The org's own action contract, once the worker has discovered it: actions it cannot carry are greyed out. */
  contract: ReadonlySignal<ActionContract | null>;
  /** The last message that could not be used (failed validation here, or refused by the worker). */
  problem: ReadonlySignal<string | null>;
  apply(message: FeedMessage): void;
  disconnected(): void;
  invalid(reason: string): void;
}

export function createPictureMirror(): PictureMirror {
  const ready = signal(false);
  const connected = signal(false);
  const access = signal<Access | null>(null);
  const freshness = signal<Freshness | null>(null);
  const settings = signal<EffectiveSettings | null>(null);
  const queues = signal<readonly Queue[]>([]);
  const conversations = createKeyedRows<Conversation>();
  const agents = createKeyedRows<Agent>();
  const actions = signal<readonly ActionRecord[]>([]);
  const rowIssues = signal<{ count: number; recent: readonly RowIssue[] }>({ count: 0, recent: [] });
  const paused = signal(false);
  const workspace = signal<WorkspaceState>(UNKNOWN_WORKSPACE);
  const writeRoute = signal<WriteRoute>(NO_WRITE_ROUTE);
  const routes = computed(() => routeFactsOf(workspace.value, writeRoute.value));
  const contract = signal<ActionContract | null>(null);
  const problem = signal<string | null>(null);

  const applySnapshot = (state: FeedState) => {
    access.value = state.access;
    freshness.value = state.freshness;
    settings.value = state.settings;
    queues.value = state.queues;
    conversations.replace(state.conversations);
    agents.replace(state.agents);
    actions.value = state.actions;
    rowIssues.value = state.rowIssues;
    paused.value = state.paused;
    workspace.value = state.workspace;
    writeRoute.value = state.writeRoute;
    contract.value = state.contract;
    connected.value = true;
    ready.value = true;
  };

  const applyPatch = (patch: FeedPatch) => {
    if (patch.conversations) conversations.upsert(patch.conversations.upsert, patch.conversations.remove);
    if (patch.agents) agents.upsert(patch.agents.upsert, patch.agents.remove);
    if (patch.queues) queues.value = patch.queues;
    if (patch.access) access.value = patch.access;
    if (patch.freshness) freshness.value = patch.freshness;
    if (patch.settings) settings.value = patch.settings;
    if (patch.actions) actions.value = patch.actions;
    if (patch.rowIssues) rowIssues.value = patch.rowIssues;
    if (patch.paused !== undefined) paused.value = patch.paused;
    if (patch.workspace) workspace.value = patch.workspace;
    if (patch.writeRoute) writeRoute.value = patch.writeRoute;
    if (patch.contract !== undefined) contract.value = patch.contract;
  };

  return {
    ready,
    connected,
    access,
    freshness,
    settings,
    queues,
    conversations,
    agents,
    actions,
    rowIssues,
    paused,
    workspace,
    writeRoute,
    routes,
    contract,
    problem,
    apply(message) {
      batch(() => {
        if (message.type === 'snapshot') applySnapshot(message.state);
        else if (message.type === 'patch') applyPatch(message.patch);
        else problem.value = message.reason;
      });
    },
    disconnected() {
      connected.value = false;
    },
    invalid(reason) {
      problem.value = reason;
    },
  };
}
