import { z } from 'zod';
import { defineAction, intentSchema, TARGET_ID } from '../definition';
import { ASSIGN_GROUP } from '../groups';
import { assignableState, verifyHandoff } from '../handoff';
import { assignCandidates, capacityExceededBy } from '../targets';

const schema = intentSchema('assignAgent', { agentId: TARGET_ID, override: z.boolean() });
export type AssignAgentIntent = z.infer<typeof schema>;

/**
 * CCaaS_AssignConversation: an Open, unassigned conversation goes to one agent, who accepts or rejects it. The
 * platform ignores presence and capacity; we do not, unless the supervisor overrides and is told the cost.
 */
export const assignAgent = defineAction<AssignAgentIntent>({
  kind: 'assignAgent',
  feature: 'assign',
  intent: schema,
  operation: { api: 'CCaaS_AssignConversation', target: 'agent', targetId: (intent) => intent.agentId },
  write: true,
  inWorkspace: false,
  opensConversation: false,
  stateRule: assignableState,
  targetRule(intent, conversation, agents) {
    const known = agents.find((a) => a.id === intent.agentId);
    // An agent the feed does not know yet is left to the platform to judge.
    if (!known) return null;
    if (known.isBot) return 'actions_reason_targetBot';
    const candidate = assignCandidates(conversation, agents).find((c) => c.agent.id === intent.agentId);
    return intent.override || candidate?.eligible ? null : 'actions_reason_needsOverride';
  },
  verify: (intent, c, _me, wasWaiting) => verifyHandoff(intent.agentId, c, wasWaiting),
  // Never an override from a bare choice (bulk): one agent cannot take many conversations past their capacity unseen.
  intentFrom: (target, choice) =>
    choice.agentId ? { kind: 'assignAgent', ...target, agentId: choice.agentId, override: choice.override ?? false } : null,
  estimateOverCapacity: (intent, conversation, agents) => capacityExceededBy(conversation, agents, intent.agentId),
  refusedWithApiAccessRole: true,
  dialog: { type: 'assign', pick: 'agent' },
  group: ASSIGN_GROUP,
  lock: { label: 'locks_assignAgent' },
  bulk: { labels: { button: 'bulk_action_assignAgent', title: 'bulk_title_assignAgent', start: 'bulk_start_assignAgent' } },
  reason: null,
  shortcut: { key: 'a', shown: 'a' },
  tone: 'normal',
  labels: {
    name: 'actions_kind_assignAgent',
    button: 'actions_button_assign',
    palette: 'actions_palette_assignAgent',
    done: 'actions_done_assignAgent',
    doneOverCapacity: 'actions_done_assignAgentOver',
    waiting: 'actions_state_waitingAssign',
    rejected: 'actions_rejected_assign',
    choice: 'actions_assign_toAgent',
  },
});
