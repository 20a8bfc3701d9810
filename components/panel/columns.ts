import type { ColumnId } from '../../lib/view-model/list-spec';

/** Minimum widths in px; the grid scrolls sideways below their sum (the side panel starts at 360 px). */
const COLUMN_WIDTH: Readonly<Record<ColumnId, number>> = {
  customer: 220,
  status: 110,
  agent: 140,
  queue: 130,
  channel: 110,
  wait: 84,
  handle: 84,
  sentiment: 170,
  transfers: 84,
  freshness: 120,
};

export const gridTemplate = (columns: readonly ColumnId[]) =>
  columns.map((column) => `minmax(${COLUMN_WIDTH[column]}px, ${COLUMN_WIDTH[column]}fr)`).join(' ');

export const gridMinWidth = (columns: readonly ColumnId[]) => columns.reduce((sum, column) => sum + COLUMN_WIDTH[column], 0);

/** DOM id of a row, for aria-activedescendant; ids are GUIDs but anything else is made safe. */
export const rowDomId = (id: string) => `fw-row-${id.replace(/[^A-Za-z0-9_-]/g, '_')}`;

/** Row height in px; panel.css sets the same (--fw-row-height). Fixed heights are what make windowing cheap. */
const ROW_HEIGHT = 40;

/** Below this width (px) each conversation is a two-line row that fits without sideways scrolling. */
export const NARROW_BELOW = 600;

/** The two-line row's height in px, the same for every row, so the windowing stays a multiplication. */
const COMPACT_ROW_HEIGHT = 52;

/**
 * What a two-line row shows, in reading order: line 1 customer, status, wait; line 2 agent, queue, channel and
 * sentiment as icons. Fixed, whatever columns the wide grid shows: each of them is what a supervisor scans for.
 */
const COMPACT_COLUMNS: readonly ColumnId[] = ['customer', 'status', 'wait', 'agent', 'queue', 'channel', 'sentiment'];

/** The columns and row height of the grid at a width. */
export const gridLayout = (narrow: boolean, chosen: readonly ColumnId[]) =>
  narrow ? { columns: COMPACT_COLUMNS, rowHeight: COMPACT_ROW_HEIGHT } : { columns: chosen, rowHeight: ROW_HEIGHT };
