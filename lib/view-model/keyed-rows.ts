import { batch, signal, type ReadonlySignal, type Signal } from '@preact/signals';

/**
 * Rows keyed by id, one signal per row: an update to one row notifies only that row's subscribers, and the id list
 * changes only when rows arrive or leave. This is what keeps a 10,000-row list from re-rendering on every patch.
 */
export interface KeyedRows<T extends { id: string }> {
  ids: ReadonlySignal<readonly string[]>;
  row(id: string): ReadonlySignal<T> | undefined;
  /** Every row's current value, in id order; a new array whenever any row arrives, changes or leaves. */
  all: ReadonlySignal<readonly T[]>;
  /**
   * The ids of the rows that arrived, changed or left between two values of `all` (earlier first), so a consumer
   * can redo its work for those rows only. Null when that is no longer known (too many changes apart) or the
   * arrays did not come from here: the consumer starts over.
   */
  touchedBetween(earlier: readonly T[], later: readonly T[]): ReadonlySet<string> | null;
  replace(rows: readonly T[]): void;
  upsert(rows: readonly T[], remove: readonly string[]): void;
}

/** The rows touched (arrived, changed or left) since a reader's last read, and their current values (undefined: gone). */
export interface Touched<T> {
  ids: ReadonlySet<string>;
  row(id: string): T | undefined;
}

/**
 * A reader of `rows.all` (subscribing, like reading `.value`) that also says which rows were touched since its own
 * last read: null at the first read, or when that is no longer known, and the consumer starts over.
 */
export function followRows<T extends { id: string }>(
  rows: Pick<KeyedRows<T>, 'all' | 'touchedBetween' | 'row'>,
): () => { all: readonly T[]; touched: Touched<T> | null } {
  let seen: readonly T[] | null = null;
  return () => {
    const all = rows.all.value;
    const ids = seen === null ? null : rows.touchedBetween(seen, all);
    seen = all;
    return { all, touched: ids && { ids, row: (id) => rows.row(id)?.peek() } };
  };
}

/** Changes remembered for touchedBetween: a consumer further behind than this starts over. */
const CHANGES_KEPT = 16;

/** A row's signal and its place in the id order (-1 while not placed yet, or once it has left). */
interface Holder<T> {
  id: string;
  value: Signal<T>;
  index: number;
}

/** Up to this many rows leaving in one change are taken out one by one; more, in one pass. */
const FEW_DEPARTURES = 32;

export function createKeyedRows<T extends { id: string }>(): KeyedRows<T> {
  const ids = signal<readonly string[]>([]);
  // `all` is kept by hand, not computed over every row's signal: a computed would subscribe to 50,000 signals and
  // walk them all on every patch. Places are kept in the holders for the same reason: no lookup by id per row, and
  // a patch that adds or removes a few rows copies the lists rather than building them again.
  const all = signal<readonly T[]>([]);
  const byId = new Map<string, Holder<T>>();
  let order: Holder<T>[] = [];
  /** Since the last publish: rows stored but not placed yet, and the places of rows that left. */
  let arrivals: Holder<T>[] = [];
  let departures: number[] = [];
  let version = 0;
  const versionOf = new WeakMap<readonly T[], number>([[all.peek(), 0]]);
  const changes: { version: number; ids: readonly string[] }[] = [];

  /** Stores the row; says what the view has to do (a new row, new contents, or nothing). */
  const put = (row: T): 'added' | 'changed' | 'same' => {
    const held = byId.get(row.id);
    if (!held) {
      const holder = { id: row.id, value: signal(row), index: -1 };
      byId.set(row.id, holder);
      arrivals.push(holder);
      return 'added';
    }
    // Snapshots resend unchanged rows; keeping the old value keeps that row's view still.
    if (sameRow(held.value.peek(), row)) return 'same';
    held.value.value = row;
    return 'changed';
  };

  const drop = (id: string): boolean => {
    const held = byId.get(id);
    if (!held) return false;
    if (held.index !== -1) departures.push(held.index);
    held.index = -1;
    byId.delete(id);
    return true;
  };

  /** The lists without the rows that left and with the new ones at the end; places kept in the holders. */
  const reorder = (next: T[], nextIds: string[], left: number[], placed: Holder<T>[]) => {
    if (left.length <= FEW_DEPARTURES) {
      left.sort((x, y) => y - x);
      for (const at of left) {
        order.splice(at, 1);
        next.splice(at, 1);
        nextIds.splice(at, 1);
      }
      for (let i = left.at(-1) ?? order.length; i < order.length; i++) order[i]!.index = i;
    } else {
      order = order.filter((holder) => holder.index !== -1);
      order.forEach((holder, index) => {
        holder.index = index;
        next[index] = holder.value.peek();
        nextIds[index] = holder.id;
      });
      next.length = nextIds.length = order.length;
    }
    for (const holder of placed) {
      holder.index = order.length;
      order.push(holder);
      next.push(holder.value.peek());
      nextIds.push(holder.id);
    }
  };

  /** Publishes the new `all` (and `ids` when rows arrived or left) for the touched rows. */
  const publish = (touched: readonly string[]) => {
    // A row added and removed within one change never takes a place.
    const placed = arrivals.filter((holder) => byId.get(holder.id) === holder);
    const left = departures;
    arrivals = [];
    departures = [];
    if (touched.length === 0) return;
    const next = all.peek().slice();
    if (left.length > 0 || placed.length > 0) {
      const nextIds = ids.peek().slice();
      reorder(next, nextIds, left, placed);
      ids.value = nextIds;
    }
    for (const id of touched) {
      const held = byId.get(id);
      if (held) next[held.index] = held.value.peek();
    }
    version += 1;
    versionOf.set(next, version);
    changes.push({ version, ids: touched });
    if (changes.length > CHANGES_KEPT) changes.shift();
    all.value = next;
  };

  return {
    ids,
    all,
    row: (id) => byId.get(id)?.value,
    touchedBetween(earlier, later) {
      const from = versionOf.get(earlier);
      const to = versionOf.get(later);
      if (from === undefined || to === undefined || from > to) return null;
      if (from < to && (changes[0] === undefined || changes[0].version > from + 1)) return null;
      const touched = new Set<string>();
      for (const change of changes) if (change.version > from && change.version <= to) for (const id of change.ids) touched.add(id);
      return touched;
    },
    replace(rows) {
      batch(() => {
        const keep = new Set(rows.map((row) => row.id));
        const touched = [...byId.keys()].filter((id) => !keep.has(id) && drop(id));
        for (const row of rows) if (put(row) !== 'same') touched.push(row.id);
        publish(touched);
      });
    },
    upsert(rows, remove) {
      batch(() => {
        const touched = rows.filter((row) => put(row) !== 'same').map((row) => row.id);
        touched.push(...remove.filter(drop));
        publish(touched);
      });
    },
  };
}

function sameRow(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}
