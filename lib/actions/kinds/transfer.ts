import type { z } from 'zod';
import { hasMessaging, hasVoiceOrVideo } from '../channels';
import { defineAction, intentSchema, REASON, reasonFrom, TARGET_ID } from '../definition';
import { verifyHandoff } from '../handoff';
import { transferTargets } from '../targets';

const schema = intentSchema('transfer', { agentId: TARGET_ID, reason: REASON });
export type TransferIntent = z.infer<typeof schema>;

/**
 * CCaaS_InitiateAgentTransferBySupervisor: offered to the target, who becomes primary on accepting (the first agent
 * consults). Active or waiting messaging conversations only, not once escalated to voice or video, to a human
 * agent of the same queue with an allowed presence (docs/platform.md, "Messages on the table").
 */
export const transfer = defineAction<TransferIntent>({
  kind: 'transfer',
  feature: 'transfer',
  intent: schema,
  operation: { api: 'CCaaS_InitiateAgentTransferBySupervisor', target: 'agent', targetId: (intent) => intent.agentId },
  write: true,
  inWorkspace: false,
  opensConversation: false,
  stateRule(c) {
    if (c.status !== 'active' && c.status !== 'waiting') return 'actions_reason_transferState';
    if (!hasMessaging(c)) return 'actions_reason_transferChannel';
    if (hasVoiceOrVideo(c)) return 'actions_reason_transferEscalated';
    if (c.pending) return 'actions_reason_transferPending';
    return null;
  },
  targetRule(intent, conversation, agents) {
    // An agent the feed does not know yet is left to the platform to judge.
    if (!agents.some((a) => a.id === intent.agentId)) return null;
    return transferTargets(conversation, agents).some((a) => a.id === intent.agentId) ? null : 'actions_reason_targetNotAllowed';
  },
  verify: (intent, c, _me, wasWaiting) => verifyHandoff(intent.agentId, c, wasWaiting),
  intentFrom: (target, choice) => (choice.agentId ? { kind: 'transfer', ...target, agentId: choice.agentId, ...reasonFrom(choice) } : null),
  refusedWithApiAccessRole: false,
  dialog: {
    type: 'pickAgent',
    candidates: transferTargets,
    labels: {
      title: 'actions_transfer_title',
      intro: 'actions_transfer_intro',
      legend: 'actions_transfer_to',
      none: 'actions_transfer_none',
      confirm: 'actions_transfer_confirm',
    },
  },
  lock: { label: 'locks_transfer' },
  bulk: { labels: { button: 'bulk_action_transfer', title: 'bulk_title_transfer', start: 'bulk_start_transfer' } },
  reason: { requiredBy: 'transfer' },
  shortcut: { key: 't', shown: 't' },
  tone: 'normal',
  labels: {
    name: 'actions_kind_transfer',
    button: 'actions_button_transfer',
    palette: 'actions_palette_transfer',
    done: 'actions_done_transfer',
    waiting: 'actions_state_waitingTransfer',
    rejected: 'actions_rejected_transfer',
  },
});
