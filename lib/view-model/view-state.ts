import { signal, type ReadonlySignal } from '@preact/signals';
import { DEFAULT_LIST_SPEC, type ColumnId, type Filters, type Grouping, type QuickFilter, type ListSpec } from './list-spec';

export type PanelTab = 'conversations' | 'agents';
type FilterValue<K extends keyof Filters> = Filters[K][number];

/**
 * This view's own state (a view is one open panel): the list spec saved filters restore, plus which tab, row and
 * details are open. Pure state; the list is derived in conversation-list.ts.
 */
export interface ViewState {
  spec: ReadonlySignal<ListSpec>;
  tab: ReadonlySignal<PanelTab>;
  selectedId: ReadonlySignal<string | null>;
  /**
   * The row to bring into view: set anew each time the user selects one, never when the list moves the selection
   * (a new object, so selecting the same row again reveals it again).
   */
  revealed: ReadonlySignal<{ id: string } | null>;
  detailsId: ReadonlySignal<string | null>;
  setTab(tab: PanelTab): void;
  sortBy(column: ColumnId): void;
  toggleFilter<K extends keyof Filters>(kind: K, value: FilterValue<K>): void;
  clearFilters(): void;
  setSearch(text: string): void;
  setGroupBy(groupBy: Grouping): void;
  toggleQuick(filter: QuickFilter): void;
  toggleColumn(column: ColumnId): void;
  restore(spec: ListSpec): void;
  select(id: string | null): void;
  /**
   * The row now in the place of a selected row that left the list: selected for the keyboard, without scrolling to
   * it (the supervisor may be reading another part of the list).
   */
  selectInPlace(id: string): void;
  openDetails(id: string | null): void;
}

export function createViewState(initial: ListSpec = DEFAULT_LIST_SPEC): ViewState {
  const spec = signal(initial);
  const tab = signal<PanelTab>('conversations');
  const selectedId = signal<string | null>(null);
  const revealed = signal<{ id: string } | null>(null);
  const detailsId = signal<string | null>(null);
  const select = (id: string | null) => {
    selectedId.value = id;
    if (id) revealed.value = { id };
  };
  const update = (change: Partial<ListSpec>) => {
    spec.value = { ...spec.value, ...change };
  };

  return {
    spec,
    tab,
    selectedId,
    revealed,
    detailsId,
    setTab: (next) => (tab.value = next),
    sortBy(column) {
      const current = spec.value.sort;
      // A second click on the same column flips it; a new column starts with its most useful end first.
      const direction = current.column === column ? (current.direction === 'asc' ? 'desc' : 'asc') : defaultDirection(column);
      update({ sort: { column, direction } });
    },
    toggleFilter(kind, value) {
      const list = spec.value.filters[kind] as ReadonlyArray<typeof value>;
      const next = list.includes(value) ? list.filter((item) => item !== value) : [...list, value];
      update({ filters: { ...spec.value.filters, [kind]: next } });
    },
    clearFilters: () => update({ filters: DEFAULT_LIST_SPEC.filters, quick: [], search: '' }),
    setSearch: (search) => update({ search }),
    setGroupBy: (groupBy) => update({ groupBy }),
    toggleQuick(filter) {
      const quick = spec.value.quick;
      update({ quick: quick.includes(filter) ? quick.filter((item) => item !== filter) : [...quick, filter] });
    },
    toggleColumn(column) {
      const columns = spec.value.columns;
      if (columns.includes(column)) {
        // The customer column names the row; a table without it would be unreadable.
        if (column !== 'customer') update({ columns: columns.filter((item) => item !== column) });
      } else {
        update({ columns: DEFAULT_LIST_SPEC.columns.filter((item) => item === column || columns.includes(item)) });
      }
    },
    restore: (next) => (spec.value = next),
    select,
    selectInPlace: (id) => (selectedId.value = id),
    openDetails(id) {
      if (id) select(id);
      detailsId.value = id;
    },
  };
}

function defaultDirection(column: ColumnId): 'asc' | 'desc' {
  return column === 'wait' || column === 'handle' || column === 'transfers' || column === 'freshness' ? 'desc' : 'asc';
}
