import { allDefinitions, rowLabels, type ActionKind } from '../actions/registry';
import type { MessageKey } from '../i18n/message-key';

export type PanelCommand =
  | { type: 'move'; by: 1 | -1 }
  | { type: 'moveTo'; where: 'first' | 'last' }
  | { type: 'details' }
  | { type: 'search' }
  | { type: 'help' }
  | { type: 'palette' }
  | { type: 'action'; kind: ActionKind };

export interface KeyInput {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
  /** Typing in a field: only Ctrl/Cmd+K still counts, every other key belongs to the field. */
  inField: boolean;
}

/**
 * The panel's keyboard map: j/k move (as in mail and code review tools), and each action brings its own key (its
 * definition's shortcut). Keys never leave the panel: the overlay handles them only while focus is inside it.
 */
const ACTION_KEYS = allDefinitions().flatMap((definition) => (definition.shortcut ? [{ definition, shortcut: definition.shortcut }] : []));

const PLAIN_KEYS: Readonly<Record<string, PanelCommand>> = {
  ArrowDown: { type: 'move', by: 1 },
  j: { type: 'move', by: 1 },
  ArrowUp: { type: 'move', by: -1 },
  k: { type: 'move', by: -1 },
  Home: { type: 'moveTo', where: 'first' },
  End: { type: 'moveTo', where: 'last' },
  Enter: { type: 'details' },
  '/': { type: 'search' },
  '?': { type: 'help' },
  ...Object.fromEntries(ACTION_KEYS.map(({ definition, shortcut }) => [shortcut.key, { type: 'action', kind: definition.kind }])),
};

export function commandForKey(input: KeyInput): PanelCommand | null {
  if ((input.ctrlKey || input.metaKey) && input.key.toLowerCase() === 'k') return { type: 'palette' };
  if (input.inField || input.ctrlKey || input.metaKey || input.altKey) return null;
  return PLAIN_KEYS[input.key] ?? null;
}

/** The shortcut sheet's rows, in the order they are listed. */
export const SHORTCUT_SHEET: ReadonlyArray<{ keys: string[]; labelKey: MessageKey }> = [
  { keys: ['↓', 'j'], labelKey: 'panel_shortcut_next' },
  { keys: ['↑', 'k'], labelKey: 'panel_shortcut_previous' },
  { keys: ['Home', 'End'], labelKey: 'panel_shortcut_firstLast' },
  { keys: ['Enter'], labelKey: 'panel_shortcut_details' },
  { keys: ['/'], labelKey: 'panel_shortcut_search' },
  { keys: ['Ctrl+K'], labelKey: 'panel_shortcut_palette' },
  { keys: ['?'], labelKey: 'panel_shortcut_help' },
  ...ACTION_KEYS.map(({ definition, shortcut }) => ({ keys: [shortcut.shown], labelKey: rowLabels(definition).name })),
  { keys: ['Esc'], labelKey: 'panel_shortcut_close' },
];
