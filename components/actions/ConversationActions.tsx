import { t } from '../../lib/i18n';
import { requestAction, type RequestedAction } from '../../lib/actions/dialog-state';
import { availability, isInFlight, type Availability } from '../../lib/actions/rules';
import { namesFrom } from '../../lib/actions/words';
import type { Access } from '../../lib/model/access';
import type { ActionIntent, ActionKind, ActionRecord } from '../../lib/model/actions';
import type { Agent, Queue } from '../../lib/model/agent';
import type { Conversation } from '../../lib/model/conversation';
import type { EffectiveSettings } from '../../lib/model/settings';
import { ActionStatus } from './ActionStatus';
import './actions.css';

export interface ConversationActionsProps {
  conversation: Conversation;
  access: Access;
  agents: readonly Agent[];
  queues: readonly Queue[];
  settings: EffectiveSettings | null;
  records: readonly ActionRecord[];
  send(intent: ActionIntent): void;
  /** For the throttled "retrying at" time; defaults to the wall clock. */
  now?: number;
}

interface Button {
  requested: RequestedAction;
  /** The rule that decides it (assign: both assigns share it). */
  kind: ActionKind;
  label: string;
  /** The action's name without the dialog ellipsis, for the reason list. */
  name: string;
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
  const check = (kind: ActionKind): Availability =>
    availability(kind, { conversation, access, settings: settings ?? undefined, activeRecord: active });

  const monitoring = conversation.participants.some((p) => p.agentId === access.userId && (p.mode === 'monitor' || p.mode === 'consult'));
  const buttons: Button[] = [
    { requested: 'monitor', kind: 'monitor', label: t('actions_kind_monitor'), name: t('actions_kind_monitor') },
    ...(monitoring ? [{ requested: 'join', kind: 'join', label: t('actions_kind_join'), name: t('actions_kind_join') } as const] : []),
    { requested: 'assign', kind: 'assignAgent', label: t('actions_button_assign'), name: t('actions_label_assign') },
    { requested: 'transfer', kind: 'transfer', label: t('actions_button_transfer'), name: t('actions_kind_transfer') },
    { requested: 'forceClose', kind: 'forceClose', label: t('actions_button_forceClose'), name: t('actions_kind_forceClose') },
  ];
  const idOf = (kind: ActionKind) => `fw-action-why-${kind}-${conversation.id}`;

  const activate = (button: Button, state: Availability) => {
    if (!state.enabled) return;
    if (button.kind === 'monitor' || button.kind === 'join') send({ kind: button.kind, conversationId: conversation.id, etag: conversation.etag });
    else requestAction(button.requested, conversation.id);
  };

  const states = buttons.map((button) => ({ button, state: check(button.kind) }));
  return (
    <div class="fw-actions">
      <div class="fw-actions-buttons" role="group" aria-label={t('actions_group_label', conversation.subject)}>
        {states.map(({ button, state }) => (
          <button
            key={button.kind}
            type="button"
            class={`fw-button fw-action-button${button.kind === 'forceClose' ? ' fw-danger' : ''}`}
            data-action={button.requested}
            aria-disabled={state.enabled ? undefined : 'true'}
            aria-describedby={state.reason ? idOf(button.kind) : undefined}
            onClick={() => activate(button, state)}
          >
            {button.label}
          </button>
        ))}
      </div>
      {states.some(({ state }) => state.reason) && (
        <ul class="fw-actions-reasons">
          {states.map(({ button, state }) =>
            state.reason ? (
              <li key={button.kind} id={idOf(button.kind)} data-reason-for={button.requested}>
                <span class="fw-strong">{button.name}:</span> {t(state.reason)}
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
