import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import { t } from '../../lib/i18n';
import type { ActionIntent } from '../../lib/model/actions';
import type { Conversation } from '../../lib/model/conversation';
import type { EffectiveSettings } from '../../lib/model/settings';
import { Modal } from '../panel/Modal';
import { ReasonField, reasonMissing } from './ReasonField';

interface Props {
  conversation: Conversation;
  settings: EffectiveSettings | null;
  onSubmit(intent: ActionIntent): void;
  onClose(): void;
  /** A warning shown above the form (another supervisor's action under way: issue 11's soft locks). */
  notice?: ComponentChildren;
}

/** Force close cannot be undone: the question names the conversation, the agent and the customer; Cancel has focus. */
export function ForceCloseConfirm({ conversation, settings, onSubmit, onClose, notice }: Props) {
  const [reason, setReason] = useState('');
  const missing = reasonMissing(settings, 'forceClose', reason);

  const submit = (event: Event) => {
    event.preventDefault();
    if (missing) return;
    onSubmit({
      kind: 'forceClose', conversationId: conversation.id, etag: conversation.etag,
      ...(reason.trim() ? { reason: reason.trim() } : {}),
    });
  };

  return (
    <Modal title={t('actions_forceClose_title')} onClose={onClose} class="fw-action-dialog">
      <form onSubmit={submit}>
        {notice}
        <p id="fw-force-close-question">
          {t(
            'actions_forceClose_question',
            conversation.subject,
            conversation.agentName ?? t('actions_forceClose_noAgent'),
            conversation.customerName ?? t('actions_forceClose_noCustomer'),
          )}
        </p>
        <ReasonField id="fw-force-close-reason" action="forceClose" settings={settings} value={reason} onChange={setReason} />
        <div class="fw-dialog-actions">
          <button type="button" class="fw-button" onClick={onClose} autoFocus>
            {t('actions_cancel')}
          </button>
          <button type="submit" class="fw-button fw-danger" disabled={missing} aria-describedby="fw-force-close-question">
            {t('actions_forceClose_confirm')}
          </button>
        </div>
      </form>
    </Modal>
  );
}
