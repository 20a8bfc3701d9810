import { computed, type ReadonlySignal } from '@preact/signals';
import type { Conversation } from '../model/conversation';
import type { PictureMirror } from './picture-mirror';
import { groupConversations, selectConversations, type ListItem } from './select-conversations';
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
 * The conversations the view shows. Re-derived when rows or the view spec change, not on clock ticks (sort keys
 * that depend on time are ordered the same a second later). Unchanged results keep their identity, so the grid
 * does not re-render when a patch only touched a row's contents.
 */
export function createConversationList(picture: PictureMirror, view: ViewState, options: ConversationListOptions): ConversationList {
  const rows = computed(() =>
    selectConversations(picture.conversations.all.value, view.spec.value, {
      now: options.now.peek(),
      locale: options.locale.value,
      channelLabel: options.channelLabel,
    }),
  );
  let previousItems: readonly ListItem[] = [];
  const items = computed(() => {
    const next = groupConversations(rows.value, view.spec.value.groupBy, options.noneLabel(), options.locale.value);
    if (sameItems(previousItems, next)) return previousItems;
    previousItems = next;
    return next;
  });
  let previousIds: readonly string[] = [];
  const rowIds = computed(() => {
    const next = rows.value.map((row) => row.id);
    if (next.length === previousIds.length && next.every((id, index) => id === previousIds[index])) return previousIds;
    previousIds = next;
    return next;
  });
  return { rows, items, rowIds };
}

function sameItems(a: readonly ListItem[], b: readonly ListItem[]): boolean {
  return a.length === b.length && a.every((item, index) => sameItem(item, b[index]!));
}

function sameItem(a: ListItem, b: ListItem): boolean {
  if (a.kind === 'row') return b.kind === 'row' && a.id === b.id;
  return b.kind === 'group' && a.key === b.key && a.label === b.label && a.count === b.count;
}
