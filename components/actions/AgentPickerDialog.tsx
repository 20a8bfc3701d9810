import { useState } from 'preact/hooks';
import { t } from '../../lib/i18n';
import { freeCapacity } from '../../lib/actions/targets';
import type { Agent } from '../../lib/model/agent';
import { roomFor } from '../../lib/model/capacity';
import type { Conversation } from '../../lib/model/conversation';
import { Modal } from '../panel/Modal';
import { partId, targetOf, type ActionDialogProps } from './dialog-props';
import { ReasonField, reasonMissing } from './ReasonField';

function room(agent: Agent, conversation: Conversation): string {
  const part = freeCapacity(roomFor(agent, conversation));
  return ` · ${t(part.key, ...part.subs)}`;
}

/** Pick one of the agents the action allows (transfer: the queue's human agents with an allowed presence); the best placed one is preselected. */
export function AgentPickerDialog({
  definition,
  dialog,
  conversation,
  agents,
  settings,
  onSubmit,
  onClose,
  notice,
}: ActionDialogProps<'pickAgent'>) {
  const targets = dialog.candidates(conversation, agents);
  const [picked, setPicked] = useState<string | null>(null);
  const [reason, setReason] = useState('');
  const chosen = targets.find((a) => a.id === picked) ?? targets[0];
  const missing = definition.reason !== null && reasonMissing(settings, definition.reason.requiredBy, reason);
  const { labels } = dialog;

  const submit = (event: Event) => {
    event.preventDefault();
    if (!chosen || missing) return;
    const intent = definition.intentFrom(targetOf(conversation), { agentId: chosen.id, reason });
    if (intent) onSubmit(intent);
  };

  return (
    <Modal title={t(labels.title)} onClose={onClose} class="fw-action-dialog">
      <form onSubmit={submit}>
        {notice}
        <p>{t(labels.intro, conversation.queueName ?? '–')}</p>
        {targets.length === 0 ? (
          <p class="fw-empty">{t(labels.none)}</p>
        ) : (
          <fieldset class="fw-candidates">
            <legend>{t(labels.legend)}</legend>
            {targets.map((agent) => (
              <label key={agent.id} class="fw-candidate">
                <input
                  type="radio"
                  name={partId(definition, 'agent')}
                  value={agent.id}
                  checked={agent === chosen}
                  onChange={() => setPicked(agent.id)}
                />
                <span class="fw-candidate-name">{agent.name}</span>
                <span class="fw-candidate-facts">
                  {agent.presenceText}
                  {room(agent, conversation)}
                </span>
              </label>
            ))}
          </fieldset>
        )}
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
          <button type="button" class="fw-button" onClick={onClose}>
            {t('actions_cancel')}
          </button>
          <button type="submit" class="fw-button fw-primary" disabled={!chosen || missing} autoFocus>
            {t(labels.confirm)}
          </button>
        </div>
      </form>
    </Modal>
  );
}
