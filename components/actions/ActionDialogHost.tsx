import type { ReadonlySignal } from '@preact/signals';
import type { ComponentChildren } from 'preact';
import { useEffect } from 'preact/hooks';
import { t } from '../../lib/i18n';
import { actionRequest, closeActionRequest } from '../../lib/actions/dialog-state';
import { definitionOf, rowLabels, type ActionIntent } from '../../lib/actions/registry';
import type { ActionContract } from '../../lib/actions/contract';
import { availability, isInFlight, memberAvailability } from '../../lib/actions/rules';
import type { Access } from '../../lib/model/access';
import type { ActionRecord } from '../../lib/model/actions';
import type { Agent, Queue } from '../../lib/model/agent';
import type { Conversation } from '../../lib/model/conversation';
import type { EffectiveSettings } from '../../lib/model/settings';
import type { RouteFacts } from '../../lib/actions/routing';
import { Modal } from '../panel/Modal';
import { AgentPickerDialog } from './AgentPickerDialog';
import { AssignDialog } from './AssignDialog';
import { ConfirmDialog } from './ConfirmDialog';
import { targetOf } from './dialog-props';
import './actions.css';

export interface ActionDialogHostProps {
  /**
   * All rows, read only while a dialog is asked for: the host, rendered once per panel, then does not re-render on
   * every live patch.
   */
  conversations: ReadonlySignal<readonly Conversation[]>;
  access: Access | null;
  /** Read only for an open dialog, as conversations. */
  agents: ReadonlySignal<readonly Agent[]>;
  queues: readonly Queue[];
  settings: EffectiveSettings | null;
  records: readonly ActionRecord[];
  /** Whether the org's workspace is open: an action that needs it says so instead of its dialog. */
  routes?: RouteFacts;
  send: (intent: ActionIntent) => void;
  /** The org's own action contract, when the worker has discovered it. */
  contract?: ActionContract | null;
  /** After a dialog closes, so the panel can put focus back on the grid. */
  onClosed?(): void;
  /** A warning for the conversation, shown in its dialog (another supervisor's action under way). */
  noticeFor?(conversationId: string): ComponentChildren;
}

/**
 * Shows the dialog requestAction() asked for (the action's shortcut, the palette, the row's buttons): the one its
 * definition needs. Actions that need none go straight to the worker; an unavailable action says why instead.
 * Rendered once per panel.
 */
export function ActionDialogHost(props: ActionDialogHostProps) {
  const { access, settings } = props;
  const request = actionRequest.value;
  const asked = request ? definitionOf(request.kind) : undefined;
  const conversation = request ? props.conversations.value.find((c) => c.id === request.conversationId) : undefined;
  const activeRecord = conversation ? props.records.find((r) => r.intent.conversationId === conversation.id && isInFlight(r)) : undefined;
  const context =
    conversation && access
      ? { conversation, access, settings: settings ?? undefined, activeRecord, routes: props.routes, contract: props.contract ?? undefined }
      : null;
  // Asked for a member of a group that cannot run now, the dialog opens on one that can (and shows why the other cannot).
  const members = asked && context ? memberAvailability(asked, context) : [];
  const definition =
    (members.find((m) => m.definition.kind === asked?.kind)?.availability.enabled
      ? asked
      : members.find((m) => m.availability.enabled)?.definition) ?? asked;
  const rule = definition && context ? availability(definition.kind, context) : null;

  const close = () => {
    closeActionRequest();
    props.onClosed?.();
  };
  const submit = (intent: ActionIntent) => {
    props.send(intent);
    close();
  };

  const immediate = rule?.enabled && conversation && definition?.dialog.type === 'none' ? definition : null;
  useEffect(() => {
    const intent = immediate && conversation ? immediate.intentFrom(targetOf(conversation), {}) : null;
    if (intent) submit(intent);
  }, [request]);

  if (!request || !definition || !access || immediate) return null;
  const title = t('actions_unavailable_title', t(rowLabels(definition).name));
  if (!conversation) return <Unavailable title={title} reason={t('actions_unavailable_gone')} onClose={close} />;
  if (!rule?.enabled)
    return <Unavailable title={title} reason={t(rule?.reason ?? 'actions_reason_accessUnknown', ...(rule?.args ?? []))} onClose={close} />;

  const common = {
    definition,
    conversation,
    access,
    agents: props.agents.value,
    queues: props.queues,
    settings,
    members,
    notice: props.noticeFor?.(conversation.id),
    onSubmit: submit,
    onClose: close,
  };
  const { dialog } = definition;
  switch (dialog.type) {
    case 'confirm':
      return <ConfirmDialog {...common} dialog={dialog} />;
    case 'pickAgent':
      return <AgentPickerDialog {...common} dialog={dialog} />;
    case 'assign':
      return <AssignDialog {...common} dialog={dialog} />;
    case 'none':
      return null;
  }
}

function Unavailable({ title, reason, onClose }: { title: string; reason: string; onClose: () => void }) {
  return (
    <Modal title={title} onClose={onClose} class="fw-action-dialog">
      <p role="alert">{reason}</p>
      <div class="fw-dialog-actions">
        <button type="button" class="fw-button fw-primary" onClick={onClose} autoFocus>
          {t('actions_ok')}
        </button>
      </div>
    </Modal>
  );
}
