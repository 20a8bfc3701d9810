import { t } from '../../lib/i18n';
import { requestAction } from '../../lib/actions/dialog-state';
import { rowActions, rowLabels, type ActionIntent, type AnyActionDefinition } from '../../lib/actions/registry';
import type { ActionContract } from '../../lib/actions/contract';
import { groupAvailability, isInFlight, memberAvailability, type Availability } from '../../lib/actions/rules';
import type { RouteFacts } from '../../lib/actions/routing';
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
  /** Whether the org's workspace is open (its way to the platform); unknown: not checked here. */
  routes?: RouteFacts;
  /** Offered beside an action that waits for the workspace, when the worker knows where it is. */
  onOpenWorkspace?: () => void;
  /** The org's own action contract, when the worker has discovered it. */
  contract?: ActionContract | null;
  /** For the throttled "retrying at" time; defaults to the wall clock. */
  now?: number;
}

/**
 * The supervisor actions of one conversation. Unavailable ones stay visible, disabled, with the reason as visible
 * text tied to the button (aria-describedby); the latest action's lifecycle is announced politely.
 */
export function ConversationActions(props: ConversationActionsProps) {
  const { conversation, access, agents, queues, settings, records, send, routes, onOpenWorkspace } = props;
  const mine = records.filter((r) => r.intent.conversationId === conversation.id);
  const active = mine.find(isInFlight);
  const latest = active ?? mine.reduce<ActionRecord | undefined>((a, r) => (!a || r.startedAt > a.startedAt ? r : a), undefined);
  const context = {
    conversation,
    access,
    settings: settings ?? undefined,
    activeRecord: active,
    routes,
    contract: props.contract ?? undefined,
  };
  const check = (definition: AnyActionDefinition): Availability => groupAvailability(definition, context);
  const idOf = (id: string) => `fw-action-why-${id}-${conversation.id}`;
  /**
   * Why each part is unavailable: the group's one reason when nothing in it can run, else each member that cannot,
   * under its own name (assign to a queue may run while the org's assignment to an agent cannot).
   */
  const reasonsOf = (definition: AnyActionDefinition, labels: ReturnType<typeof rowLabels>, state: Availability) =>
    state.enabled
      ? memberAvailability(definition, context).flatMap(({ definition: member, availability }) =>
          availability.reason && member.kind !== labels.id ? [{ id: member.kind, name: member.labels.name, state: availability }] : [],
        )
      : state.reason
        ? [{ id: labels.id, name: labels.name, state }]
        : [];

  // Actions without a dialog go straight to the worker, with the version the supervisor saw.
  const activate = (definition: AnyActionDefinition, state: Availability) => {
    if (!state.enabled) return;
    const intent = definition.dialog.type === 'none' ? definition.intentFrom(targetOf(conversation), {}) : null;
    if (intent) send(intent);
    else requestAction(definition.kind, conversation.id);
  };

  const states = rowActions(conversation, access.userId).map((definition) => {
    const labels = rowLabels(definition);
    const state = check(definition);
    return { definition, labels, state, reasons: reasonsOf(definition, labels, state) };
  });
  const waitsForWorkspace = states.some(({ state }) => state.reason === 'actions_reason_openWorkspace');
  return (
    <div class="fw-actions">
      <div class="fw-actions-buttons" role="group" aria-label={t('actions_group_label', conversation.subject)}>
        {states.map(({ definition, labels, state, reasons }) => (
          <button
            key={labels.id}
            type="button"
            class={`fw-button fw-action-button${definition.tone === 'danger' ? ' fw-danger' : ''}`}
            data-action={labels.id}
            aria-disabled={state.enabled ? undefined : 'true'}
            aria-describedby={reasons.length > 0 ? reasons.map((reason) => idOf(reason.id)).join(' ') : undefined}
            onClick={() => activate(definition, state)}
          >
            {t(labels.button)}
          </button>
        ))}
      </div>
      {states.some(({ reasons }) => reasons.length > 0) && (
        <ul class="fw-actions-reasons">
          {states.flatMap(({ reasons }) =>
            reasons.map(({ id, name, state }) => (
              <li key={id} id={idOf(id)} data-reason-for={id}>
                <span class="fw-strong">{t(name)}:</span> {t(state.reason!, ...(state.args ?? []))}
              </li>
            )),
          )}
        </ul>
      )}
      {waitsForWorkspace && onOpenWorkspace && (
        <button type="button" class="fw-button fw-open-workspace" onClick={onOpenWorkspace}>
          {t('actions_openWorkspace')}
        </button>
      )}
      <p class="fw-actions-lifecycle" role="status" aria-live="polite">
        {latest && <ActionStatus record={latest} names={namesFrom(agents, queues)} now={props.now ?? Date.now()} />}
      </p>
    </div>
  );
}
