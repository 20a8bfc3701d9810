import { useSignalEffect } from '@preact/signals';
import type { RefObject } from 'preact';
import { useCallback, useLayoutEffect, useState } from 'preact/hooks';
import { t } from '../../lib/i18n';
import type { PanelController } from '../../lib/view-model/panel-controller';
import type { ColumnId } from '../../lib/view-model/list-spec';
import { gridLayout, gridMinWidth, gridTemplate, rowDomId } from './columns';
import { ConversationRow } from './ConversationRow';

/** Rows rendered beyond the visible ones, above and below, so fast scrolling does not show gaps. */
const OVERSCAN = 8;

interface Props {
  controller: PanelController;
  gridRef: RefObject<HTMLDivElement | null>;
  /** Two-line rows for a narrow panel (the side panel), the chosen columns otherwise. */
  narrow: boolean;
}

/**
 * The conversations as an ARIA grid, windowed: only the rows in view (plus a margin) exist in the DOM, placed at
 * their offset inside a body as tall as the whole list. aria-rowcount/aria-rowindex tell assistive technology
 * where each rendered row sits. Focus stays on the grid itself and the selected row is its active descendant, so a
 * live update that re-renders or removes rows can never take focus away.
 */
export function ConversationGrid({ controller, gridRef, narrow }: Props) {
  const { list, view, picture, now } = controller;
  const items = list.items.value;
  const spec = view.spec.value;
  const { columns, rowHeight } = gridLayout(narrow, spec.columns);
  const selectedId = view.selectedId.value;
  const settings = picture.settings.value;
  const [viewport, setViewport] = useState({ top: 0, height: 600 });

  useLayoutEffect(() => {
    const element = gridRef.current;
    if (!element) return;
    const measure = () => setViewport({ top: element.scrollTop, height: element.clientHeight || 600 });
    measure();
    const observer = typeof ResizeObserver === 'undefined' ? null : new ResizeObserver(measure);
    observer?.observe(element);
    return () => observer?.disconnect();
  }, [gridRef]);

  // Bring the selected row into view when the user selects it (not when the list moves under it or moves the
  // selection: a row that ended far down must not pull the list away from where the supervisor reads).
  useSignalEffect(() => {
    const id = view.revealed.value?.id;
    const element = gridRef.current;
    if (!id || !element) return;
    const index = list.items.peek().indexOf(id);
    if (index < 0) return;
    const height = gridLayout(narrow, []).rowHeight;
    const top = index * height;
    const headerHeight = element.querySelector<HTMLElement>('.fw-grid-head')?.offsetHeight ?? height;
    if (top < element.scrollTop) element.scrollTop = top;
    else if (top + height > element.scrollTop + element.clientHeight - headerHeight) {
      element.scrollTop = top + height - element.clientHeight + headerHeight;
    }
  });

  const onOpen = useCallback((id: string) => view.openDetails(id), [view]);
  const first = Math.max(0, Math.floor(viewport.top / rowHeight) - OVERSCAN);
  const last = Math.min(items.length, Math.ceil((viewport.top + viewport.height) / rowHeight) + OVERSCAN);
  const selectedRendered = selectedId !== null && items.slice(first, last).includes(selectedId);
  const template = gridTemplate(columns);

  return (
    <div
      ref={gridRef}
      role="grid"
      class={`fw-grid${narrow ? ' fw-grid-narrow' : ''}`}
      tabIndex={0}
      aria-label={t('panel_grid_label')}
      aria-rowcount={items.length + 1}
      aria-colcount={columns.length}
      aria-activedescendant={selectedRendered ? rowDomId(selectedId) : undefined}
      onScroll={(event) => setViewport({ top: event.currentTarget.scrollTop, height: event.currentTarget.clientHeight || 600 })}
      style={{
        '--fw-columns': template,
        '--fw-min-width': narrow ? '0px' : `${gridMinWidth(columns)}px`,
        '--fw-row-height': `${rowHeight}px`,
      }}
    >
      <div role="rowgroup" class="fw-grid-head">
        <div role="row" class="fw-row fw-row-head" aria-rowindex={1}>
          {columns.map((column) => (
            <ColumnHeader
              key={column}
              column={column}
              sort={spec.sort}
              onSort={() => view.sortBy(column)}
              textOnly={narrow && ICON_COLUMNS.has(column)}
            />
          ))}
        </div>
      </div>
      <div role="rowgroup" class="fw-grid-body" style={{ height: `${items.length * rowHeight}px` }}>
        {items.slice(first, last).map((item, offset) => {
          const index = first + offset;
          if (typeof item !== 'string') {
            return (
              <div
                role="row"
                key={`group:${item.key}`}
                class="fw-row fw-row-group"
                aria-rowindex={index + 2}
                style={{ top: `${index * rowHeight}px` }}
              >
                <div role="gridcell" aria-colspan={columns.length}>
                  {t('panel_group_heading', item.label, item.count)}
                </div>
              </div>
            );
          }
          const row = picture.conversations.row(item);
          if (!row) return null;
          return (
            <ConversationRow
              key={item}
              row={row}
              index={index}
              rowIndex={index + 2}
              columns={columns}
              narrow={narrow}
              rowHeight={rowHeight}
              selected={item === selectedId}
              now={now}
              settings={settings}
              locks={controller.features.locks}
              onOpen={onOpen}
            />
          );
        })}
      </div>
    </div>
  );
}

/** Columns the narrow row shows as icons: their headers are there for assistive technology only. */
const ICON_COLUMNS: ReadonlySet<ColumnId> = new Set(['channel', 'sentiment']);

interface HeaderProps {
  column: ColumnId;
  sort: { column: ColumnId; direction: 'asc' | 'desc' };
  onSort: () => void;
  textOnly: boolean;
}

function ColumnHeader({ column, sort, onSort, textOnly }: HeaderProps) {
  const active = sort.column === column;
  const ariaSort = active ? (sort.direction === 'asc' ? 'ascending' : 'descending') : undefined;
  if (textOnly) {
    return (
      <div role="columnheader" class="fw-visually-hidden" aria-sort={ariaSort}>
        {t(`panel_column_${column}`)}
      </div>
    );
  }
  return (
    <div role="columnheader" class={`fw-cell fw-cell-${column}`} aria-sort={ariaSort}>
      <button type="button" class="fw-sort" onClick={onSort}>
        {t(`panel_column_${column}`)}
        <span aria-hidden="true" class="fw-sort-icon">
          {active ? (sort.direction === 'asc' ? ' ↑' : ' ↓') : ''}
        </span>
      </button>
    </div>
  );
}
