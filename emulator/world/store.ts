/**
 * The org's data: rows per entity set, N:N intersect relations, a global row version and the deletion log change
 * tracking reads. Rows are plain objects keyed by wire names (lookups as _x_value, multi-select as "a,b", dates ISO,
 * null when empty), exactly what the OData engine consumes.
 *
 * Each table has two partitions: live rows, and an archive of history loaded in bulk (closed conversations of past
 * months) whose range of a few columns is kept, so a query whose filter rules that range out (`statecode eq 0`,
 * `modifiedon ge <recent>`) never touches it. An archived row that changes moves to the live partition. Columns a
 * table declares `indexed` get an equality index over both partitions.
 */
import { constraintsOf, mayMatchWithin, normalize, valueKindOf, type Constraints, type NormalizedValue } from '../odata';
import { TABLES } from '../schema/tables';
import type { TableDef } from '../schema/define';
import { cellText } from '../odata/values';

export type Row = Record<string, unknown>;

export interface Deletion {
  entitySet: string;
  id: string;
  version: number;
}

interface Relation {
  bySide: [Map<string, Set<string>>, Map<string, Set<string>>];
}

/** Columns whose range the archive keeps: the ones ongoing and incremental reads filter on. */
const ARCHIVE_BOUNDED = ['statecode', 'modifiedon', 'createdon', 'versionnumber'] as const;

interface Table {
  def: TableDef;
  /** Every column null or defaulted: a new row starts as a copy (one allocation, one shape for all rows). */
  blank: Row;
  live: Map<string, Row>;
  archive: Map<string, Row>;
  /** Normalized [min, max] per bounded column over every row ever archived (a superset stays a valid bound). */
  archiveBounds: Map<string, [NormalizedValue, NormalizedValue]>;
  /** Indexed column → normalized value → row ids. */
  indexes: Map<string, Map<NormalizedValue, Set<string>>>;
}

export class Store {
  private readonly tables = new Map<string, Table>();
  private readonly relations = new Map<string, Relation>();
  private version = 1_000_000;
  private partition: 'live' | 'archive' = 'live';
  readonly deletions: Deletion[] = [];

  constructor(private readonly now: () => Date) {
    for (const def of TABLES) {
      const blank: Row = Object.fromEntries(Object.keys(def.schema.columns).map((column) => [column, null]));
      this.tables.set(def.schema.entitySet, {
        def,
        blank: Object.assign(blank, def.defaults),
        live: new Map(),
        archive: new Map(),
        archiveBounds: new Map(),
        indexes: new Map(def.indexed.map((column) => [column, new Map<NormalizedValue, Set<string>>()])),
      });
    }
  }

  currentVersion(): number {
    return this.version;
  }

  get(entitySet: string, id: string): Row | undefined {
    const table = this.tables.get(entitySet);
    const key = id.toLowerCase();
    return table?.live.get(key) ?? table?.archive.get(key);
  }

  /** Every row, live ones first. */
  *rows(entitySet: string): IterableIterator<Row> {
    const table = this.table(entitySet);
    yield* table.live.values();
    yield* table.archive.values();
  }

  count(entitySet: string): number {
    const table = this.table(entitySet);
    return table.live.size + table.archive.size;
  }

  /**
   * The rows a filter can match, read the cheap way: through an index when the filter pins an indexed column, else
   * the live rows plus the archive unless the filter rules the archive's range out. Callers still apply the filter.
   */
  candidates(entitySet: string, constraints: Constraints = constraintsOf(undefined)): Iterable<Row> {
    const table = this.table(entitySet);
    for (const [column, index] of table.indexes) {
      const wanted = constraints.equals.get(column);
      if (wanted) return [...wanted].flatMap((value) => this.idsToRows(table, index.get(value)));
    }
    if (table.archive.size === 0) return table.live.values();
    const archiveMayMatch = [...table.archiveBounds].every(([column, [min, max]]) => mayMatchWithin(constraints, column, min, max));
    return archiveMayMatch ? this.rows(entitySet) : table.live.values();
  }

  /** Rows whose indexed `column` equals `value`. */
  lookup(entitySet: string, column: string, value: unknown): Row[] {
    const table = this.table(entitySet);
    const index = table.indexes.get(column);
    if (!index) throw new Error(`${entitySet}.${column} is not indexed`);
    const key = this.keyOf(table, column, value);
    return key === null ? [] : this.idsToRows(table, index.get(key));
  }

  /** Rows `load` inserts go to the archive: history loaded in bulk, which ongoing reads should not pay for. */
  archiving<T>(load: () => T): T {
    this.partition = 'archive';
    try {
      return load();
    } finally {
      this.partition = 'live';
    }
  }

  /** Creates a row: every schema column present (null unless given or defaulted), stamps and a new version. */
  insert(entitySet: string, values: Row): Row {
    const partition = this.partition;
    const table = this.table(entitySet);
    const key = table.def.schema.key;
    const stamp = this.now().toISOString();
    const row: Row = { ...table.blank };
    row.createdon = stamp;
    row.modifiedon = stamp;
    Object.assign(row, values);
    const id = cellText(row[key] ?? '').toLowerCase();
    if (!id) throw new Error(`insert into ${entitySet} without ${key}`);
    row[key] = id;
    row.versionnumber = ++this.version;
    table[partition].set(id, row);
    if (partition === 'archive') this.widenArchiveBounds(table, row);
    for (const column of table.indexes.keys()) this.indexAdd(table, column, row[column], id);
    return row;
  }

  /** Applies a change the way the platform records it: modifiedon and versionnumber move on every update. */
  update(entitySet: string, id: string, patch: Row): Row {
    const table = this.table(entitySet);
    const key = id.toLowerCase();
    const row = table.live.get(key) ?? table.archive.get(key);
    if (!row) throw new Error(`update of missing ${entitySet}(${id})`);
    if (table.archive.delete(key)) table.live.set(key, row);
    for (const column of table.indexes.keys()) {
      if (column in patch) {
        this.indexRemove(table, column, row[column], key);
        this.indexAdd(table, column, patch[column], key);
      }
    }
    Object.assign(row, patch, { modifiedon: this.now().toISOString(), versionnumber: ++this.version });
    return row;
  }

  remove(entitySet: string, id: string): boolean {
    const table = this.table(entitySet);
    const key = id.toLowerCase();
    const row = table.live.get(key) ?? table.archive.get(key);
    if (!row) return false;
    table.live.delete(key);
    table.archive.delete(key);
    for (const column of table.indexes.keys()) this.indexRemove(table, column, row[column], key);
    this.deletions.push({ entitySet, id: key, version: ++this.version });
    for (const relation of this.relations.values()) {
      for (const side of relation.bySide) side.delete(key);
    }
    return true;
  }

  relate(relation: string, left: string, right: string): void {
    const r = this.relation(relation);
    addTo(r.bySide[0], left.toLowerCase(), right.toLowerCase());
    addTo(r.bySide[1], right.toLowerCase(), left.toLowerCase());
  }

  unrelate(relation: string, left: string, right: string): void {
    const r = this.relation(relation);
    r.bySide[0].get(left.toLowerCase())?.delete(right.toLowerCase());
    r.bySide[1].get(right.toLowerCase())?.delete(left.toLowerCase());
  }

  /** Ids related to `id`, which sits on `side` (0 left, 1 right) of the relation. */
  related(relation: string, side: 0 | 1, id: string): string[] {
    return [...(this.relation(relation).bySide[side].get(id.toLowerCase()) ?? [])];
  }

  private table(entitySet: string): Table {
    const table = this.tables.get(entitySet);
    if (!table) throw new Error(`no table ${entitySet}`);
    return table;
  }

  private relation(name: string): Relation {
    let r = this.relations.get(name);
    if (!r) {
      r = { bySide: [new Map<string, Set<string>>(), new Map<string, Set<string>>()] };
      this.relations.set(name, r);
    }
    return r;
  }

  private keyOf(table: Table, column: string, value: unknown): NormalizedValue | null {
    const schema = table.def.schema.columns[column];
    return schema ? normalize(value, valueKindOf(schema)) : null;
  }

  private indexAdd(table: Table, column: string, value: unknown, id: string): void {
    const key = this.keyOf(table, column, value);
    if (key !== null) addTo(table.indexes.get(column)!, key, id);
  }

  private indexRemove(table: Table, column: string, value: unknown, id: string): void {
    const key = this.keyOf(table, column, value);
    if (key !== null) table.indexes.get(column)!.get(key)?.delete(id);
  }

  private idsToRows(table: Table, ids: ReadonlySet<string> | undefined): Row[] {
    const rows: Row[] = [];
    for (const id of ids ?? []) {
      const row = table.live.get(id) ?? table.archive.get(id);
      if (row) rows.push(row);
    }
    return rows;
  }

  /** Null values are left out: no comparison a filter's constraints make can match an empty value. */
  private widenArchiveBounds(table: Table, row: Row): void {
    for (const column of ARCHIVE_BOUNDED) {
      const value = this.keyOf(table, column, row[column]);
      if (value === null) continue;
      const current = table.archiveBounds.get(column);
      table.archiveBounds.set(
        column,
        current ? [value < current[0] ? value : current[0], value > current[1] ? value : current[1]] : [value, value],
      );
    }
  }
}

function addTo<K>(map: Map<K, Set<string>>, key: K, value: string): void {
  let set = map.get(key);
  if (!set) map.set(key, (set = new Set()));
  set.add(value);
}
