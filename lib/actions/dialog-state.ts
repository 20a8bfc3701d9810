import { signal, type ReadonlySignal } from '@preact/signals';
import type { ActionKind } from '../model/actions';

/** What the keyboard, the command palette and the row's buttons can ask for; one assign dialog covers agent and queue. */
export type RequestedAction = 'monitor' | 'join' | 'assign' | 'transfer' | 'forceClose';

export interface ActionRequest {
  kind: RequestedAction;
  conversationId: string;
  /** Which side of the assign dialog to open on. */
  assignTo?: 'agent' | 'queue';
}

const current = signal<ActionRequest | null>(null);

/** The request ActionDialogHost is showing (or running, for monitor and join). */
export const actionRequest: ReadonlySignal<ActionRequest | null> = current;

/** Ask for an action on a conversation: a dialog where one is needed, straight to the worker otherwise. */
export function requestAction(kind: RequestedAction | ActionKind, conversationId: string): void {
  if (kind === 'assignAgent' || kind === 'assignQueue') {
    current.value = { kind: 'assign', conversationId, assignTo: kind === 'assignQueue' ? 'queue' : 'agent' };
  } else {
    current.value = { kind, conversationId };
  }
}

export function closeActionRequest(): void {
  current.value = null;
}
