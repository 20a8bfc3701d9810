import type { ActionKind } from '../model/actions';

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
 * The panel's keyboard map. j/k move (as in mail and code review tools), so join is Shift+J; the other actions
 * take their initial. Keys never leave the panel: the overlay handles them only while focus is inside it.
 */
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
  m: { type: 'action', kind: 'monitor' },
  J: { type: 'action', kind: 'join' },
  a: { type: 'action', kind: 'assignAgent' },
  t: { type: 'action', kind: 'transfer' },
  x: { type: 'action', kind: 'forceClose' },
};

export function commandForKey(input: KeyInput): PanelCommand | null {
  if ((input.ctrlKey || input.metaKey) && input.key.toLowerCase() === 'k') return { type: 'palette' };
  if (input.inField || input.ctrlKey || input.metaKey || input.altKey) return null;
  return PLAIN_KEYS[input.key] ?? null;
}

/** The shortcut sheet's rows, in the order they are listed. */
export const SHORTCUT_SHEET: ReadonlyArray<{ keys: string[]; labelKey: string }> = [
  { keys: ['↓', 'j'], labelKey: 'panel_shortcut_next' },
  { keys: ['↑', 'k'], labelKey: 'panel_shortcut_previous' },
  { keys: ['Home', 'End'], labelKey: 'panel_shortcut_firstLast' },
  { keys: ['Enter'], labelKey: 'panel_shortcut_details' },
  { keys: ['/'], labelKey: 'panel_shortcut_search' },
  { keys: ['Ctrl+K'], labelKey: 'panel_shortcut_palette' },
  { keys: ['?'], labelKey: 'panel_shortcut_help' },
  { keys: ['m'], labelKey: 'panel_shortcut_monitor' },
  { keys: ['Shift+J'], labelKey: 'panel_shortcut_join' },
  { keys: ['a'], labelKey: 'panel_shortcut_assign' },
  { keys: ['t'], labelKey: 'panel_shortcut_transfer' },
  { keys: ['x'], labelKey: 'panel_shortcut_forceClose' },
  { keys: ['Esc'], labelKey: 'panel_shortcut_close' },
];
