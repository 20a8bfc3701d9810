import type { ComponentChildren } from 'preact';
import { useEffect } from 'preact/hooks';
import { t } from '../../lib/i18n';
import { actionRequest, closeActionRequest, type RequestedAction } from '../../lib/actions/dialog-state';
import { availability, isInFlight } from '../../lib/actions/rules';
import type { Access } from '../../lib/model/access';
import type { ActionIntent, ActionKind, ActionRecord } from '../../lib/model/actions';
import type { Agent, Queue } from '../../lib/model/agent';
import type { Conversation } from '../../lib/model/conversation';
import type { EffectiveSettings } from '../../lib/model/settings';
import { Modal } from '../panel/Modal';
import { AssignDialog } from './AssignDialog';
import { ForceCloseConfirm } from './ForceCloseConfirm';
import { TransferDialog } from './TransferDialog';
import './actions.css';

export interface ActionDialogHostProps {
  conversations: readonly Conversation[];
  access: Access | null;
  agents: readonly Agent[];
  queues: readonly Queue[];
  settings: EffectiveSettings | null;
  records: readonly ActionRecord[];
  send(intent: ActionIntent): void;
  /** After a dialog closes, so the panel can put focus back on the grid. */
  onClosed?(): void;
  /** A warning for the conversation, shown in its dialog (issue 11: another supervisor's action under way). */
  noticeFor?(conversationId: string): ComponentChildren;
}

const RULE_OF: Record<RequestedAction, ActionKind> = {
  monitor: 'monitor', join: 'join', assign: 'assignAgent', transfer: 'transfer', forceClose: 'forceClose',
};

/**
 * Shows the dialog requestAction() asked for (keyboard m / Shift+J / a / t / x, the palette, the row's buttons).
 * Monitor and join need no dialog and go straight to the worker; an unavailable action says why instead.
 * Rendered once per panel.
 */
export function ActionDialogHost(props: ActionDialogHostProps) {
  const { access, settings } = props;
  const request = actionRequest.value;
  const conversation = request ? props.conversations.find((c) => c.id === request.conversationId) : undefined;
  const activeRecord = conversation ? props.records.find((r) => r.intent.conversationId === conversation.id && isInFlight(r)) : undefined;
  const rule = request && conversation && access
    ? availability(RULE_OF[request.kind], { conversation, access, settings: settings ?? undefined, activeRecord })
    : null;

  const close = () => {
    closeActionRequest();
    props.onClosed?.();
  };
  const submit = (intent: ActionIntent) => {
    props.send(intent);
    close();
  };

  // Monitor and join need no dialog: they go to the worker as soon as they are asked for.
  const immediate = rule?.enabled && conversation && (request?.kind === 'monitor' || request?.kind === 'join') ? request.kind : null;
  useEffect(() => {
    if (immediate && conversation) submit({ kind: immediate, conversationId: conversation.id, etag: conversation.etag });
  }, [request]);

  if (!request || !access || immediate) return null;
  const title = t('actions_unavailable_title', t(request.kind === 'assign' ? 'actions_label_assign' : `actions_kind_${request.kind}`));
  if (!conversation) return <Unavailable title={title} reason={t('actions_unavailable_gone')} onClose={close} />;
  if (!rule?.enabled) return <Unavailable title={title} reason={t(rule?.reason ?? 'actions_reason_accessUnknown')} onClose={close} />;

  switch (request.kind) {
    case 'assign':
      return (
        <AssignDialog
          conversation={conversation}
          access={access}
          agents={props.agents}
          queues={props.queues}
          initialMode={request.assignTo}
          notice={props.noticeFor?.(conversation.id)}
          onSubmit={submit}
          onClose={close}
        />
      );
    case 'transfer':
      return <TransferDialog conversation={conversation} agents={props.agents} settings={settings} onSubmit={submit} onClose={close} notice={props.noticeFor?.(conversation.id)} />;
    case 'forceClose':
      return <ForceCloseConfirm conversation={conversation} settings={settings} onSubmit={submit} onClose={close} notice={props.noticeFor?.(conversation.id)} />;
    default:
      return null;
  }
}

function Unavailable({ title, reason, onClose }: { title: string; reason: string; onClose(): void }) {
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
