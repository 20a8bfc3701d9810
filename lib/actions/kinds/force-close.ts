import type { z } from 'zod';
import { hasMessaging, hasVoiceOrVideo, isRecordRouted } from '../channels';
import { defineAction, intentSchema, REASON, reasonFrom } from '../definition';

const schema = intentSchema('forceClose', { reason: REASON });
export type ForceCloseIntent = z.infer<typeof schema>;

/**
 * CCaaS_ForceCloseConversation: Closed with reason ForceClosedBySupervisor; participants are notified (unlike a
 * plain SetState). Voice and messaging conversations in any ongoing state (docs/platform.md, "Messages on the table").
 */
export const forceClose = defineAction<ForceCloseIntent>({
  kind: 'forceClose',
  feature: 'forceClose',
  intent: schema,
  operation: { api: 'CCaaS_ForceCloseConversation', target: 'conversation' },
  write: true,
  inWorkspace: false,
  opensConversation: false,
  stateRule: (c) => (!isRecordRouted(c) && (hasMessaging(c) || hasVoiceOrVideo(c)) ? null : 'actions_reason_forceCloseChannel'),
  // Closed conversations leave the ongoing list: gone from it is what done looks like.
  verify: (_intent, c) => (c === null ? 'done' : 'notYet'),
  intentFrom: (target, choice) => ({ kind: 'forceClose', ...target, ...reasonFrom(choice) }),
  refusedWithApiAccessRole: true,
  dialog: {
    type: 'confirm',
    labels: {
      title: 'actions_forceClose_title',
      question: 'actions_forceClose_question',
      questionNoAgent: 'actions_forceClose_questionNoAgent',
      confirm: 'actions_forceClose_confirm',
    },
  },
  lock: { label: 'locks_forceClose' },
  bulk: { labels: { button: 'bulk_action_forceClose', title: 'bulk_title_forceClose', start: 'bulk_start_forceClose' } },
  reason: { requiredBy: 'forceClose' },
  shortcut: { key: 'x', shown: 'x' },
  tone: 'danger',
  labels: {
    name: 'actions_kind_forceClose',
    button: 'actions_button_forceClose',
    palette: 'actions_palette_forceClose',
    done: 'actions_done_forceClose',
  },
});
