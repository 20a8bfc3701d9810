import type { z } from 'zod';
import { defineAction, intentSchema, TARGET_ID } from '../definition';
import { ASSIGN_GROUP } from '../groups';
import { assignableState } from '../handoff';

const schema = intentSchema('assignQueue', { queueId: TARGET_ID });
export type AssignQueueIntent = z.infer<typeof schema>;

/** CCaaS_InitiateQueueAssignment: an Open conversation moves to another queue and is routed again there. */
export const assignQueue = defineAction<AssignQueueIntent>({
  kind: 'assignQueue',
  feature: 'assign',
  intent: schema,
  operation: { api: 'CCaaS_InitiateQueueAssignment', target: 'queue', targetId: (intent) => intent.queueId },
  write: true,
  inWorkspace: false,
  opensConversation: false,
  stateRule: assignableState,
  targetRule(intent, conversation, _agents, queues) {
    if (intent.queueId === conversation.queueId) return 'actions_reason_sameQueue';
    // Before the queues are read, the platform judges.
    return queues.length === 0 || queues.some((q) => q.id === intent.queueId) ? null : 'actions_reason_unknownQueue';
  },
  verify: (intent, c) => (c === null ? 'gone' : c.queueId === intent.queueId ? 'done' : 'notYet'),
  intentFrom: (target, choice) => (choice.queueId ? { kind: 'assignQueue', ...target, queueId: choice.queueId } : null),
  refusedWithApiAccessRole: false,
  dialog: { type: 'assign', pick: 'queue' },
  group: ASSIGN_GROUP,
  lock: { label: 'locks_assignQueue' },
  bulk: { labels: { button: 'bulk_action_assignQueue', title: 'bulk_title_assignQueue', start: 'bulk_start_assignQueue' } },
  reason: null,
  shortcut: null,
  tone: 'normal',
  labels: {
    name: 'actions_kind_assignQueue',
    button: 'actions_button_assign',
    palette: 'actions_palette_assignQueue',
    done: 'actions_done_assignQueue',
    choice: 'actions_assign_toQueue',
  },
});
