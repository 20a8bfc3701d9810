import { useMemo, useState } from 'preact/hooks';
import { definitionOf } from '../../../lib/actions/registry';
import { t, tFromData } from '../../../lib/i18n';
import {
  previewBulk,
  reasonRequired,
  type BulkChoice,
  type BulkKind,
  type PreviewContext,
} from '../../../lib/features/bulk-actions/preview';
import { tally, type BulkRun, type ItemResult } from '../../../lib/features/bulk-actions/run';
import { othersLock, type LockEntry } from '../../../lib/features/soft-locks/locks';
import type { ActionIntent } from '../../../lib/model/actions';
import type { Conversation } from '../../../lib/model/conversation';
import { ReasonField } from '../../actions/ReasonField';
import { Modal } from '../../panel/Modal';
import { LockNotice } from '../soft-locks/LockNotice';
import { conversationName } from '../../../lib/view-model/conversation-label';

interface Props extends PreviewContext {
  kind: BulkKind;
  conversations: readonly Conversation[];
  locks: readonly LockEntry[];
  now: number;
  /** Start the run (the caller sends each intent through the single-action runner and shows its progress). */
  onStart(intents: ActionIntent[]): void;
  onClose: () => void;
}

/**
 * A bulk action in two steps: the preview says what will happen to each selected row (or why it is skipped, by the
 * single action's own rule), then the run shows each item's result, can be cancelled, and lists failures with
 * their reasons.
 */
export function BulkDialog(props: Props) {
  const { kind, conversations, settings, agents, queues } = props;
  const [choice, setChoice] = useState<BulkChoice>({ kind });
  const preview = useMemo(
    () => previewBulk(choice, conversations, props),
    [choice, conversations, props.access, props.records, props.routes, props.contract, agents, queues, settings],
  );
  const eligible = preview.filter((item) => item.intent !== null);
  const missingReason = reasonRequired(choice, settings);
  const definition = definitionOf(kind);
  const target = definition.operation.target;
  const labels = definition.bulk?.labels;
  const title = t(labels?.title ?? definition.labels.name, conversations.length);

  const submit = (event: Event) => {
    event.preventDefault();
    if (eligible.length === 0 || missingReason) return;
    props.onStart(eligible.map((item) => item.intent));
  };

  return (
    <Modal title={title} onClose={props.onClose} class="fw-action-dialog fw-bulk-dialog">
      <form onSubmit={submit}>
        {target === 'agent' && (
          <div class="fw-field">
            <label for="fw-bulk-agent">{t('bulk_agent')}</label>
            <select
              id="fw-bulk-agent"
              required
              value={choice.agentId ?? ''}
              onChange={(e) => setChoice({ ...choice, agentId: e.currentTarget.value || undefined })}
            >
              <option value="">{t('bulk_choose')}</option>
              {agents
                .filter((a) => !a.isBot)
                .map((a) => (
                  <option key={a.id} value={a.id}>
                    {t('bulk_agentOption', a.name, a.presenceText)}
                  </option>
                ))}
            </select>
          </div>
        )}
        {target === 'queue' && (
          <div class="fw-field">
            <label for="fw-bulk-queue">{t('bulk_queue')}</label>
            <select
              id="fw-bulk-queue"
              required
              value={choice.queueId ?? ''}
              onChange={(e) => setChoice({ ...choice, queueId: e.currentTarget.value || undefined })}
            >
              <option value="">{t('bulk_choose')}</option>
              {queues.map((q) => (
                <option key={q.id} value={q.id}>
                  {q.name}
                </option>
              ))}
            </select>
          </div>
        )}
        {definition.reason && (
          <ReasonField
            id="fw-bulk-reason"
            action={definition.reason.requiredBy}
            settings={settings}
            value={choice.reason ?? ''}
            onChange={(reason) => setChoice({ ...choice, reason })}
          />
        )}
        <h3 id="fw-bulk-preview">{t('bulk_preview', eligible.length, preview.length - eligible.length)}</h3>
        <ul class="fw-bulk-list" aria-labelledby="fw-bulk-preview" tabIndex={0}>
          {preview.map((item) => {
            const lock = othersLock(props.locks, item.conversation.id, props.access.userId, props.now);
            return (
              <li key={item.conversation.id} data-eligible={item.intent ? 'true' : 'false'}>
                <span class="fw-strong">{conversationName(item.conversation)}</span>{' '}
                {item.intent
                  ? t('bulk_will', t(definitionOf(item.intent.kind).labels.name))
                  : t('bulk_skip', t(item.skip, ...(item.args ?? [])))}
                {lock && <LockNotice lock={lock} />}
              </li>
            );
          })}
        </ul>
        {missingReason && (
          <p class="fw-note" role="note">
            {t('bulk_reasonNeeded')}
          </p>
        )}
        <div class="fw-dialog-actions">
          <button type="button" class="fw-button" onClick={props.onClose} autoFocus>
            {t('actions_cancel')}
          </button>
          <button
            type="submit"
            class={`fw-button ${definition.tone === 'danger' ? 'fw-danger' : 'fw-primary'}`}
            disabled={eligible.length === 0 || missingReason}
          >
            {t(labels?.start ?? definition.labels.name, eligible.length)}
          </button>
        </div>
      </form>
    </Modal>
  );
}

/** A bulk run under way or finished: each item's result, Cancel for the rest, and the failures with their reasons. */
export function BulkProgress({
  title,
  run,
  conversations,
  onClose,
}: {
  title: string;
  run: BulkRun;
  conversations: readonly Conversation[];
  onClose: () => void;
}) {
  const byId = new Map(conversations.map((c) => [c.id, c]));
  const results = run.results.value;
  const counts = tally(results);
  const running = run.running.value;
  const held = run.heldUntil.value;
  const failed = results.filter((item) => item.state === 'failed');
  return (
    <Modal title={title} onClose={onClose} class="fw-action-dialog fw-bulk-dialog">
      <p role="status" aria-live="polite" class="fw-bulk-summary">
        {t('bulk_progress', counts.done, counts.waiting, counts.failed, counts.cancelled, counts.queued + counts.running)}
        {held !== null && ` ${t('bulk_held')}`}
      </p>
      <ol class="fw-bulk-list" aria-label={title} tabIndex={0}>
        {results.map((item) => (
          <li key={item.intent.conversationId} data-state={item.state}>
            <span class="fw-strong">{labelFor(item, byId)}</span> {t(`bulk_item_${item.state}`)}
          </li>
        ))}
      </ol>
      {failed.length > 0 && (
        <section aria-labelledby="fw-bulk-failures">
          <h3 id="fw-bulk-failures">{t('bulk_failures', failed.length)}</h3>
          <ul class="fw-bulk-list" aria-labelledby="fw-bulk-failures" tabIndex={0}>
            {failed.map((item) => (
              <li key={item.intent.conversationId} data-failed="true">
                <span class="fw-strong">{labelFor(item, byId)}</span>{' '}
                {[t(`actions_failure_${item.failure ?? 'network'}`), item.reason ? tFromData(item.reason) : null, item.detail]
                  .filter(Boolean)
                  .join(' — ')}
              </li>
            ))}
          </ul>
        </section>
      )}
      <div class="fw-dialog-actions">
        {running && (
          <button type="button" class="fw-button" onClick={() => run.cancel()}>
            {t('bulk_cancelRest')}
          </button>
        )}
        <button type="button" class="fw-button fw-primary" onClick={onClose}>
          {running ? t('bulk_hide') : t('actions_ok')}
        </button>
      </div>
    </Modal>
  );
}

function labelFor(item: ItemResult, byId: Map<string, Conversation>): string {
  const conversation = byId.get(item.intent.conversationId);
  return conversation ? conversationName(conversation) : item.intent.conversationId;
}
