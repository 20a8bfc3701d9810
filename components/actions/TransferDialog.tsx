import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import { t } from '../../lib/i18n';
import { freeCapacity, transferTargets } from '../../lib/actions/targets';
import type { ActionIntent } from '../../lib/model/actions';
import type { Agent } from '../../lib/model/agent';
import type { Conversation } from '../../lib/model/conversation';
import type { EffectiveSettings } from '../../lib/model/settings';
import { Modal } from '../panel/Modal';
import { ReasonField, reasonMissing } from './ReasonField';

interface Props {
  conversation: Conversation;
  agents: readonly Agent[];
  settings: EffectiveSettings | null;
  onSubmit(intent: ActionIntent): void;
  onClose(): void;
  /** A warning shown above the form (another supervisor's action under way: issue 11's soft locks). */
  notice?: ComponentChildren;
}

function room(agent: Agent): string {
  const part = freeCapacity(agent);
  return part ? ` · ${t(part.key, ...part.subs)}` : '';
}

/** Transfer to a human agent of the same queue with an allowed presence; the best placed one is preselected. */
export function TransferDialog({ conversation, agents, settings, onSubmit, onClose, notice }: Props) {
  const targets = transferTargets(conversation, agents);
  const [picked, setPicked] = useState<string | null>(null);
  const [reason, setReason] = useState('');
  const chosen = targets.find((a) => a.id === picked) ?? targets[0];
  const missing = reasonMissing(settings, 'transfer', reason);

  const submit = (event: Event) => {
    event.preventDefault();
    if (!chosen || missing) return;
    onSubmit({
      kind: 'transfer', conversationId: conversation.id, etag: conversation.etag, agentId: chosen.id,
      ...(reason.trim() ? { reason: reason.trim() } : {}),
    });
  };

  return (
    <Modal title={t('actions_transfer_title')} onClose={onClose} class="fw-action-dialog">
      <form onSubmit={submit}>
        {notice}
        <p>{t('actions_transfer_intro', conversation.queueName ?? '–')}</p>
        {targets.length === 0 ? (
          <p class="fw-empty">{t('actions_transfer_none')}</p>
        ) : (
          <fieldset class="fw-candidates">
            <legend>{t('actions_transfer_to')}</legend>
            {targets.map((agent) => (
              <label key={agent.id} class="fw-candidate">
                <input type="radio" name="fw-transfer-agent" value={agent.id} checked={agent === chosen} onChange={() => setPicked(agent.id)} />
                <span class="fw-candidate-name">{agent.name}</span>
                <span class="fw-candidate-facts">
                  {agent.presenceText}
                  {room(agent)}
                </span>
              </label>
            ))}
          </fieldset>
        )}
        <ReasonField id="fw-transfer-reason" action="transfer" settings={settings} value={reason} onChange={setReason} />
        <div class="fw-dialog-actions">
          <button type="button" class="fw-button" onClick={onClose}>
            {t('actions_cancel')}
          </button>
          <button type="submit" class="fw-button fw-primary" disabled={!chosen || missing} autoFocus>
            {t('actions_transfer_confirm')}
          </button>
        </div>
      </form>
    </Modal>
  );
}
