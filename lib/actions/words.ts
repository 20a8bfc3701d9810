import { t, tFromData } from '../i18n';
import type { ActionRecord } from '../model/actions';
import type { Agent, Queue } from '../model/agent';
import { definitionFor, definitionOf, type ActionKind } from './registry';

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

export const actionName = (kind: ActionKind): string => t(definitionOf(kind).labels.name);

/** "Sofia Lindqvist is transferring this": the lock words of the action another supervisor has under way. */
export function lockWords(lock: { kind: ActionKind; userName: string }): string {
  const label = definitionOf(lock.kind).lock?.label;
  return label ? t(label, lock.userName) : '';
}

/** The name of whom or where the action went, by what its target means; empty for the conversation alone. */
function target(record: ActionRecord, names: TargetNames): string {
  const { operation } = definitionFor(record.intent);
  if (operation.target === 'conversation') return '';
  const id = operation.targetId(record.intent);
  return (operation.target === 'queue' ? names.queue(id) : names.agent(id)) ?? id;
}

export interface RecordWords {
  /** One line: what happened, or is happening. */
  summary: string;
  /** Our explanation (rule, known cause), when there is one. */
  reason: string | null;
  /** The platform's own message, verbatim. */
  detail: string | null;
  /** For a done action that opens the conversation: where the supervisor finds it. */
  opened: string | null;
}

/**
 * An action's lifecycle in words: pending, waiting for the agent, done as verified, or failed with the platform's
 * reason. Times are formatted by the caller and passed in for throttled retries.
 */
export function recordWords(record: ActionRecord, names: TargetNames, clock: (epochMs: number) => string): RecordWords {
  const kind = record.intent.kind;
  const { labels } = definitionOf(kind);
  const who = target(record, names);
  const reason = record.reason ? tFromData(record.reason, ...(record.reasonArgs ?? [])) : null;
  switch (record.state) {
    case 'pending':
      return {
        summary:
          record.retryAt !== null
            ? t('actions_state_throttled', actionName(kind), clock(record.retryAt))
            : t('actions_state_pending', actionName(kind)),
        reason: null,
        detail: null,
        opened: null,
      };
    case 'waitingForAgent':
      return {
        summary: labels.waiting ? t(labels.waiting, who) : t('actions_state_pending', actionName(kind)),
        reason: null,
        detail: null,
        opened: null,
      };
    case 'done':
      return {
        summary:
          record.capacityExceededBy && labels.doneOverCapacity
            ? t(labels.doneOverCapacity, who, record.capacityExceededBy)
            : t(labels.done, who),
        reason,
        detail: record.detail,
        opened: record.openedIn ? t(`actions_opened_${record.openedIn}`) : null,
      };
    case 'failed': {
      const failure = record.failure ?? 'network';
      const summary =
        failure === 'rejected' && labels.rejected
          ? t(labels.rejected, who)
          : t('actions_failed', actionName(kind), t(`actions_failure_${failure}`));
      return { summary, reason, detail: record.detail, opened: null };
    }
  }
}

/** The log's search: what, which conversation, to whom, result; every word of the query must match somewhere. */
export function matchesQuery(record: ActionRecord, words: RecordWords, names: TargetNames, query: string): boolean {
  const terms = query.toLowerCase().split(/\s+/).filter(Boolean);
  if (terms.length === 0) return true;
  const haystack = [
    actionName(record.intent.kind),
    record.label,
    record.intent.conversationId,
    target(record, names),
    words.summary,
    words.opened ?? '',
    words.reason ?? '',
    words.detail ?? '',
  ]
    .join(' ')
    .toLowerCase();
  return terms.every((term) => haystack.includes(term));
}
