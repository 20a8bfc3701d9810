import { signal, type ReadonlySignal } from '@preact/signals';
import type { ActionKind } from './registry';

/** What the keyboard, the command palette and the row's buttons asked for. */
export interface ActionRequest {
  kind: ActionKind;
  conversationId: string;
}

const current = signal<ActionRequest | null>(null);

/** The request ActionDialogHost is showing (or sending, for actions that need no dialog). */
export const actionRequest: ReadonlySignal<ActionRequest | null> = current;

/** Ask for an action on a conversation: a dialog where one is needed, straight to the worker otherwise. */
export function requestAction(kind: ActionKind, conversationId: string): void {
  current.value = { kind, conversationId };
}

export function closeActionRequest(): void {
  current.value = null;
}
