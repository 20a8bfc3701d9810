import { computed, type ReadonlySignal } from '@preact/signals';
import type { Conversation } from '../model/conversation';
import { followRows } from './keyed-rows';
import type { PictureMirror } from './picture-mirror';
import { createSelection, groupConversations, type ListItem } from './select-conversations';
import type { ViewState } from './view-state';

export interface ConversationListOptions {
  now: ReadonlySignal<number>;
  locale: ReadonlySignal<string>;
  channelLabel: (code: number) => string;
  /** Group heading for rows with no queue or no agent. */
  noneLabel: () => string;
}

export interface ConversationList {
  /** Filtered and sorted rows (what the counts and the keyboard walk over). */
  rows: ReadonlySignal<readonly Conversation[]>;
  /** What the grid renders: rows and, when grouped, group headings. Same array while nothing visible changed. */
  items: ReadonlySignal<readonly ListItem[]>;
  rowIds: ReadonlySignal<readonly string[]>;
}

/**
 * The conversations the view shows. Re-derived when rows or the view spec change, not on clock ticks (the order
 * is that of the last patch); a patch moves only the rows it touched (`createSelection`). Unchanged results keep
 * their identity, so the grid does not re-render when a patch only touched a row's contents.
 */
export function createConversationList(picture: PictureMirror, view: ViewState, options: ConversationListOptions): ConversationList {
  const selection = createSelection();
  const read = followRows(picture.conversations);
  const selected = computed(() => {
    const { all, touched } = read();
    const context = { now: options.now.peek(), locale: options.locale.value, channelLabel: options.channelLabel };
    return selection.select(all, view.spec.value, context, touched);
  });
  const rows = computed(() => selected.value.rows);
  // The same array while the order holds, so the grid and the keyboard walk do not redo their work for a patch.
  const rowIds = computed(() => selected.value.ids);
  let previousItems: readonly ListItem[] = [];
  const items = computed(() => {
    const { groupBy } = view.spec.value;
    // Ungrouped, the items are the row ids themselves: no second list of 50,000 to build and compare per patch.
    if (groupBy === 'none') return rowIds.value;
    const next = groupConversations(rows.value, groupBy, options.noneLabel(), options.locale.value);
    if (sameItems(previousItems, next)) return previousItems;
    previousItems = next;
    return next;
  });
  return { rows, items, rowIds };
}

function sameItems(a: readonly ListItem[], b: readonly ListItem[]): boolean {
  return a.length === b.length && a.every((item, index) => sameItem(item, b[index]!));
}

function sameItem(a: ListItem, b: ListItem): boolean {
  if (typeof a === 'string' || typeof b === 'string') return a === b;
  return a.key === b.key && a.label === b.label && a.count === b.count;
}
