import type { z } from 'zod';
import { defineAction, holdsSeat, intentSchema } from '../definition';

const schema = intentSchema('join', {});
export type JoinIntent = z.infer<typeof schema>;

/**
 * CCaaS_JoinConversation: a monitoring supervisor becomes a Consult participant; agent and customer are told.
 * Rides on the monitor switch.
 */
export const join = defineAction<JoinIntent>({
  kind: 'join',
  feature: 'monitor',
  intent: schema,
  operation: { api: 'CCaaS_JoinConversation', target: 'conversation' },
  write: true,
  inWorkspace: true,
  opensConversation: false,
  stateRule(c, me) {
    if (holdsSeat(c, me, 'consult')) return 'actions_reason_joined';
    if (!holdsSeat(c, me, 'monitor')) return 'actions_reason_joinFirst';
    if (c.status === 'open') return 'actions_reason_monitorState';
    return null;
  },
  verify: (_intent, c, me) => (c === null ? 'gone' : holdsSeat(c, me, 'consult') ? 'done' : 'notYet'),
  intentFrom: (target) => ({ kind: 'join', ...target }),
  refusedWithApiAccessRole: false,
  dialog: { type: 'none' },
  offeredOnRow: (c, me) => holdsSeat(c, me, 'monitor') || holdsSeat(c, me, 'consult'),
  lock: null,
  bulk: null,
  reason: null,
  // j moves down the list (as in mail and code review tools), so join takes Shift+J.
  shortcut: { key: 'J', shown: 'Shift+J' },
  tone: 'normal',
  labels: { name: 'actions_kind_join', button: 'actions_kind_join', palette: 'actions_palette_join', done: 'actions_done_join' },
});
