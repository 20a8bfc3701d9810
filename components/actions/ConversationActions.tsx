import { t } from '../../lib/i18n';
import { requestAction } from '../../lib/actions/dialog-state';
import { rowActions, rowLabels, type ActionIntent, type AnyActionDefinition } from '../../lib/actions/registry';
import { availability, isInFlight, type Availability } from '../../lib/actions/rules';
import { namesFrom } from '../../lib/actions/words';
import type { Access } from '../../lib/model/access';
import type { ActionRecord } from '../../lib/model/actions';
import type { Agent, Queue } from '../../lib/model/agent';
import type { Conversation } from '../../lib/model/conversation';
import type { EffectiveSettings } from '../../lib/model/settings';
import { ActionStatus } from './ActionStatus';
import { targetOf } from './dialog-props';
import './actions.css';

export interface ConversationActionsProps {
  conversation: Conversation;
  access: Access;
  agents: readonly Agent[];
  queues: readonly Queue[];
  settings: EffectiveSettings | null;
  records: readonly ActionRecord[];
  send: (intent: ActionIntent) => void;
  /** For the throttled "retrying at" time; defaults to the wall clock. */
  now?: number;
}

/**
 * The supervisor actions of one conversation. Unavailable ones stay visible, disabled, with the reason as visible
 * text tied to the button (aria-describedby); the latest action's lifecycle is announced politely.
 */
export function ConversationActions(props: ConversationActionsProps) {
  const { conversation, access, agents, queues, settings, records, send } = props;
  const mine = records.filter((r) => r.intent.conversationId === conversation.id);
  const active = mine.find(isInFlight);
  const latest = active ?? mine.reduce<ActionRecord | undefined>((a, r) => (!a || r.startedAt > a.startedAt ? r : a), undefined);
  const check = (definition: AnyActionDefinition): Availability =>
    availability(definition.kind, { conversation, access, settings: settings ?? undefined, activeRecord: active });
  const idOf = (id: string) => `fw-action-why-${id}-${conversation.id}`;

  // Actions without a dialog go straight to the worker, with the version the supervisor saw.
  const activate = (definition: AnyActionDefinition, state: Availability) => {
    if (!state.enabled) return;
    const intent = definition.dialog.type === 'none' ? definition.intentFrom(targetOf(conversation), {}) : null;
    if (intent) send(intent);
    else requestAction(definition.kind, conversation.id);
  };

  const states = rowActions(conversation, access.userId).map((definition) => ({ definition, labels: rowLabels(definition), state: check(definition) }));
  return (
    <div class="fw-actions">
      <div class="fw-actions-buttons" role="group" aria-label={t('actions_group_label', conversation.subject)}>
        {states.map(({ definition, labels, state }) => (
          <button
            key={labels.id}
            type="button"
            class={`fw-button fw-action-button${definition.tone === 'danger' ? ' fw-danger' : ''}`}
            data-action={labels.id}
            aria-disabled={state.enabled ? undefined : 'true'}
            aria-describedby={state.reason ? idOf(labels.id) : undefined}
            onClick={() => activate(definition, state)}
          >
            {t(labels.button)}
          </button>
        ))}
      </div>
      {states.some(({ state }) => state.reason) && (
        <ul class="fw-actions-reasons">
          {states.map(({ labels, state }) =>
            state.reason ? (
              <li key={labels.id} id={idOf(labels.id)} data-reason-for={labels.id}>
                <span class="fw-strong">{t(labels.name)}:</span> {t(state.reason)}
              </li>
            ) : null,
          )}
        </ul>
      )}
      <p class="fw-actions-lifecycle" role="status" aria-live="polite">
        {latest && <ActionStatus record={latest} names={namesFrom(agents, queues)} now={props.now ?? Date.now()} />}
      </p>
    </div>
  );
}
