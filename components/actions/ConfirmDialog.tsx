import { useState } from 'preact/hooks';
import { t } from '../../lib/i18n';
import { conversationLabel } from '../../lib/view-model/conversation-label';
import { Modal } from '../panel/Modal';
import { partId, targetOf, type ActionDialogProps } from './dialog-props';
import { ReasonField, reasonMissing } from './ReasonField';

/**
 * Confirm an action: the question names the conversation and its agent, in a whole sentence when there is none. A dangerous one (it cannot
 * be undone) starts on Cancel.
 */
export function ConfirmDialog({ definition, dialog, conversation, settings, onSubmit, onClose, notice }: ActionDialogProps<'confirm'>) {
  const [reason, setReason] = useState('');
  const missing = definition.reason !== null && reasonMissing(settings, definition.reason.requiredBy, reason);
  const danger = definition.tone === 'danger';
  const questionId = partId(definition, 'question');

  const submit = (event: Event) => {
    event.preventDefault();
    if (missing) return;
    const intent = definition.intentFrom(targetOf(conversation), { reason });
    if (intent) onSubmit(intent);
  };

  return (
    <Modal title={t(dialog.labels.title)} onClose={onClose} class="fw-action-dialog">
      <form onSubmit={submit}>
        {notice}
        <p id={questionId}>
          {conversation.agentName
            ? t(dialog.labels.question, conversationLabel(conversation).title, conversation.agentName)
            : t(dialog.labels.questionNoAgent, conversationLabel(conversation).title)}
        </p>
        {definition.reason && (
          <ReasonField
            id={partId(definition, 'reason')}
            action={definition.reason.requiredBy}
            settings={settings}
            value={reason}
            onChange={setReason}
          />
        )}
        <div class="fw-dialog-actions">
          <button type="button" class="fw-button" onClick={onClose} autoFocus={danger}>
            {t('actions_cancel')}
          </button>
          <button
            type="submit"
            class={`fw-button ${danger ? 'fw-danger' : 'fw-primary'}`}
            disabled={missing}
            autoFocus={!danger}
            aria-describedby={questionId}
          >
            {t(dialog.labels.confirm)}
          </button>
        </div>
      </form>
    </Modal>
  );
}
