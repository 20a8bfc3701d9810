import type { ComponentChildren } from 'preact';
import type { DialogNeed, DialogType } from '../../lib/actions/definition';
import type { ActionIntent, AnyActionDefinition } from '../../lib/actions/registry';
import type { Availability } from '../../lib/actions/rules';
import type { Access } from '../../lib/model/access';
import type { Agent, Queue } from '../../lib/model/agent';
import type { Conversation } from '../../lib/model/conversation';
import type { EffectiveSettings } from '../../lib/model/settings';

/** What ActionDialogHost gives the dialog an action's definition asks for. */
export interface ActionDialogProps<T extends DialogType> {
  definition: AnyActionDefinition;
  dialog: Extract<DialogNeed, { type: T }>;
  conversation: Conversation;
  access: Access;
  agents: readonly Agent[];
  queues: readonly Queue[];
  settings: EffectiveSettings | null;
  /** The actions offered with this one (its group), each with whether it can run now and why not. */
  members: ReadonlyArray<{ definition: AnyActionDefinition; availability: Availability }>;
  /** A warning shown above the form (another supervisor's action under way). */
  notice?: ComponentChildren;
  onSubmit: (intent: ActionIntent) => void;
  onClose: () => void;
}

/** A stable element id for one of an action's dialog parts: fw-force-close-question, fw-transfer-reason. */
export const partId = (definition: AnyActionDefinition, part: string): string =>
  `fw-${definition.kind.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`)}-${part}`;

/** The conversation an intent built in a dialog is for, at the version the supervisor saw. */
export const targetOf = (conversation: Conversation) => ({ conversationId: conversation.id, etag: conversation.etag });
