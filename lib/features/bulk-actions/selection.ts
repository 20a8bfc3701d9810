import { signal, type ReadonlySignal } from '@preact/signals';

/** How a click or key should change a multi-selection, as the grid conventions have it. */
export interface PickModifiers {
  /** Shift: extend from the anchor to here. */
  range: boolean;
  /** Ctrl/Cmd: add or remove one row, keeping the rest. */
  toggle: boolean;
}

/**
 * The rows picked for a bulk action: ctrl-click toggles one, shift-click selects the range from the last anchor
 * (in the order the list shows), keyboard does the same through the same calls. Ids only: rows that leave the
 * feed are pruned, so a stale selection never sends an action to a conversation the supervisor no longer sees.
 */
export interface BulkSelection {
  ids: ReadonlySignal<ReadonlySet<string>>;
  anchor: ReadonlySignal<string | null>;
  pick(id: string, modifiers: PickModifiers, order: readonly string[]): void;
  toggle(id: string): void;
  /** Select the rows between the anchor and `id` in `order`, adding to what is selected. */
  extendTo(id: string, order: readonly string[]): void;
  /** "Select all matching filter": exactly the rows the list shows. */
  selectAll(order: readonly string[]): void;
  clear(): void;
  /** Drop ids the feed no longer has. */
  prune(present: { has(id: string): boolean }): void;
}

export function createBulkSelection(): BulkSelection {
  const ids = signal<ReadonlySet<string>>(new Set());
  const anchor = signal<string | null>(null);

  const toggle = (id: string) => {
    const next = new Set(ids.peek());
    if (next.has(id)) next.delete(id);
    else next.add(id);
    ids.value = next;
    anchor.value = id;
  };

  const extendTo = (id: string, order: readonly string[]) => {
    const from = anchor.peek();
    const start = from === null ? -1 : order.indexOf(from);
    const end = order.indexOf(id);
    if (end < 0) return;
    if (start < 0) return toggle(id);
    const [low, high] = start <= end ? [start, end] : [end, start];
    ids.value = new Set([...ids.peek(), ...order.slice(low, high + 1)]);
  };

  return {
    ids,
    anchor,
    pick(id, modifiers, order) {
      if (modifiers.range) extendTo(id, order);
      else toggle(id);
    },
    toggle,
    extendTo,
    selectAll(order) {
      ids.value = new Set(order);
      anchor.value = order[0] ?? null;
    },
    clear() {
      ids.value = new Set();
      anchor.value = null;
    },
    prune(present) {
      const current = ids.peek();
      if ([...current].every((id) => present.has(id))) return;
      ids.value = new Set([...current].filter((id) => present.has(id)));
      if (anchor.peek() !== null && !present.has(anchor.peek()!)) anchor.value = null;
    },
  };
}
