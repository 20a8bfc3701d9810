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

/** Changes remembered for touchedBetween: a consumer further behind than this starts over. */
const CHANGES_KEPT = 16;

/** A row's signal and its place in the id order (-1 once it has left). */
interface Holder<T> {
  value: Signal<T>;
  index: number;
}

export function createKeyedRows<T extends { id: string }>(): KeyedRows<T> {
  const ids = signal<readonly string[]>([]);
  // `all` is kept by hand, not computed over every row's signal: a computed would subscribe to 50,000 signals and
  // walk them all on every patch. Places are kept in the holders for the same reason: no lookup by id per row.
  const all = signal<readonly T[]>([]);
  const byId = new Map<string, Holder<T>>();
  let order: Holder<T>[] = [];
  let version = 0;
  const versionOf = new WeakMap<readonly T[], number>([[all.peek(), 0]]);
  const changes: { version: number; ids: readonly string[] }[] = [];

  /** Stores the row; says what the view has to do (a new row, new contents, or nothing). */
  const put = (row: T): 'added' | 'changed' | 'same' => {
    const held = byId.get(row.id);
    if (!held) {
      const holder = { value: signal(row), index: order.length };
      byId.set(row.id, holder);
      order.push(holder);
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
    held.index = -1;
    byId.delete(id);
    return true;
  };

  /** Publishes the new `all` (and `ids` when rows arrived or left) for the touched rows. */
  const publish = (touched: readonly string[], idsChanged: boolean) => {
    if (touched.length === 0) return;
    let next: T[];
    if (idsChanged) {
      const kept: Holder<T>[] = [];
      const keptIds: string[] = [];
      next = [];
      for (const holder of order) {
        if (holder.index === -1) continue;
        holder.index = kept.length;
        kept.push(holder);
        const row = holder.value.peek();
        next.push(row);
        keptIds.push(row.id);
      }
      order = kept;
      ids.value = keptIds;
    } else {
      next = all.peek().slice();
      for (const id of touched) {
        const held = byId.get(id)!;
        next[held.index] = held.value.peek();
      }
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
        let arrived = touched.length > 0;
        for (const row of rows) {
          const outcome = put(row);
          if (outcome !== 'same') touched.push(row.id);
          arrived ||= outcome === 'added';
        }
        publish(touched, arrived);
      });
    },
    upsert(rows, remove) {
      batch(() => {
        const touched: string[] = [];
        let arrived = false;
        for (const row of rows) {
          const outcome = put(row);
          if (outcome !== 'same') touched.push(row.id);
          arrived ||= outcome === 'added';
        }
        const gone = remove.filter(drop);
        touched.push(...gone);
        publish(touched, arrived || gone.length > 0);
      });
    },
  };
}

function sameRow(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}
