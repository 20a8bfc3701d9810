import { t } from '../i18n';
import type { ActionKind, ActionRecord } from '../model/actions';
import type { Agent, Queue } from '../model/agent';

/** Names the views know for an action's targets; the id itself when they do not. */
export interface TargetNames {
  agent(id: string): string | undefined;
  queue(id: string): string | undefined;
}

export function namesFrom(agents: readonly Agent[], queues: readonly Queue[]): TargetNames {
  return {
    agent: (id) => agents.find((a) => a.id === id)?.name,
    queue: (id) => queues.find((q) => q.id === id)?.name,
  };
}

export const actionName = (kind: ActionKind): string => t(`actions_kind_${kind}`);

function target(record: ActionRecord, names: TargetNames): string {
  const { intent } = record;
  if (intent.kind === 'assignQueue') return names.queue(intent.queueId) ?? intent.queueId;
  if (intent.kind === 'assignAgent' || intent.kind === 'transfer') return names.agent(intent.agentId) ?? intent.agentId;
  return '';
}

export interface RecordWords {
  /** One line: what happened, or is happening. */
  summary: string;
  /** Our explanation (rule, known cause), when there is one. */
  reason: string | null;
  /** The platform's own message, verbatim. */
  detail: string | null;
}

/**
 * An action's lifecycle in words (issue 7): pending, waiting for the agent, done as verified, or failed with the
 * platform's reason. Times are formatted by the caller and passed in for throttled retries.
 */
export function recordWords(record: ActionRecord, names: TargetNames, clock: (epochMs: number) => string): RecordWords {
  const kind = record.intent.kind;
  const who = target(record, names);
  const reason = record.reason ? t(record.reason) : null;
  switch (record.state) {
    case 'pending':
      return {
        summary: record.retryAt !== null ? t('actions_state_throttled', actionName(kind), clock(record.retryAt)) : t('actions_state_pending', actionName(kind)),
        reason: null,
        detail: null,
      };
    case 'waitingForAgent':
      return { summary: t(kind === 'transfer' ? 'actions_state_waitingTransfer' : 'actions_state_waitingAssign', who), reason: null, detail: null };
    case 'done':
      return {
        summary: record.capacityExceededBy ? t('actions_done_assignAgentOver', who, record.capacityExceededBy) : t(`actions_done_${kind}`, who),
        reason,
        detail: record.detail,
      };
    case 'failed': {
      const failure = record.failure ?? 'network';
      const summary =
        failure === 'rejected'
          ? t(kind === 'transfer' ? 'actions_rejected_transfer' : 'actions_rejected_assign', who)
          : t('actions_failed', actionName(kind), t(`actions_failure_${failure}`));
      return { summary, reason, detail: record.detail };
    }
  }
}

/** The log's search: what, which conversation, to whom, result; every word of the query must match somewhere. */
export function matchesQuery(record: ActionRecord, words: RecordWords, names: TargetNames, query: string): boolean {
  const terms = query.toLowerCase().split(/\s+/).filter(Boolean);
  if (terms.length === 0) return true;
  const haystack = [actionName(record.intent.kind), record.label, record.intent.conversationId, target(record, names), words.summary, words.reason ?? '', words.detail ?? '']
    .join(' ')
    .toLowerCase();
  return terms.every((term) => haystack.includes(term));
}
