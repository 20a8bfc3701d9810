import type { ComponentChildren } from 'preact';
import type { ReadonlySignal } from '@preact/signals';
import type { BulkSelection } from '../../../lib/features/bulk-actions/selection';
import { rowDomId } from '../../panel/columns';

interface Props {
  selection: BulkSelection;
  /** The rows the list shows, in order (ranges and "select all" follow it). */
  order: ReadonlySignal<readonly string[]>;
  /** The grid's current row (the keyboard cursor). */
  cursor: ReadonlySignal<string | null>;
  children: ComponentChildren;
}

/**
 * Multi-selection over the conversation grid without changing how it works alone: Ctrl/Cmd-click toggles a row,
 * Shift-click selects a range; on the keyboard Space toggles the current row, Shift+↑/↓ extends, Ctrl+A takes
 * every row the filter shows. Picked rows are marked with a check and a bar (not by colour alone).
 */
export function BulkSelectArea({ selection, order, cursor, children }: Props) {
  const idOfRow = (target: EventTarget | null): string | null => {
    const row = target instanceof Element ? target.closest('[role="row"][id]') : null;
    return row ? (order.peek().find((id) => rowDomId(id) === row.id) ?? null) : null;
  };
  const onClickCapture = (event: MouseEvent) => {
    const toggle = event.ctrlKey || event.metaKey;
    if (!toggle && !event.shiftKey) return;
    const id = idOfRow(event.target);
    if (!id) return;
    // The row's own click opens its details; a modified click only selects.
    event.preventDefault();
    event.stopPropagation();
    selection.pick(id, { range: event.shiftKey, toggle }, order.peek());
  };
  const onKeyDown = (event: KeyboardEvent) => {
    if (!(event.target instanceof HTMLElement) || event.target.getAttribute('role') !== 'grid') return;
    const current = cursor.peek();
    if (event.key === ' ' && current) {
      event.preventDefault();
      selection.toggle(current);
    } else if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 'a') {
      event.preventDefault();
      selection.selectAll(order.peek());
    } else if (event.shiftKey && (event.key === 'ArrowDown' || event.key === 'ArrowUp') && current) {
      // The panel moves the cursor one row on the same key; the selection extends to that row.
      const ids = order.peek();
      const index = ids.indexOf(current);
      const next = ids[Math.max(0, Math.min(ids.length - 1, index + (event.key === 'ArrowDown' ? 1 : -1)))];
      if (!selection.ids.peek().has(current)) selection.toggle(current);
      if (next) selection.extendTo(next, ids);
    }
  };
  const picked = [...selection.ids.value];
  const css =
    picked.length === 0
      ? ''
      : `${picked.map((id) => `#${rowDomId(id)}`).join(',')}{box-shadow:inset 4px 0 0 var(--fw-brand)}${picked.map((id) => `#${rowDomId(id)} .fw-cell-customer::before`).join(',')}{content:'☑ ';}`;
  return (
    <div class="fw-bulk-area" onClickCapture={onClickCapture} onKeyDown={onKeyDown}>
      {css && <style>{css}</style>}
      {children}
    </div>
  );
}
