/**
 * The org's data: one map of rows per entity set, N:N intersect relations, a global row version and the
 * deletion log change tracking reads. Rows are plain objects keyed by wire names (lookups as _x_value,
 * multi-select as "a,b", dates ISO, null when empty), exactly what the OData engine consumes.
 */
import { TABLES, tableOf } from '../schema/tables';
import type { TableDef } from '../schema/define';

export type Row = Record<string, unknown>;

export interface Deletion {
  entitySet: string;
  id: string;
  version: number;
}

interface Relation {
  bySide: [Map<string, Set<string>>, Map<string, Set<string>>];
}

export class Store {
  private readonly tables = new Map<string, Map<string, Row>>();
  private readonly relations = new Map<string, Relation>();
  private version = 1_000_000;
  readonly deletions: Deletion[] = [];

  constructor(private readonly now: () => Date) {
    for (const t of TABLES) this.tables.set(t.schema.entitySet, new Map());
  }

  currentVersion(): number {
    return this.version;
  }

  table(entitySet: string): Map<string, Row> {
    const rows = this.tables.get(entitySet);
    if (!rows) throw new Error(`no table ${entitySet}`);
    return rows;
  }

  get(entitySet: string, id: string): Row | undefined {
    return this.tables.get(entitySet)?.get(id.toLowerCase());
  }

  rows(entitySet: string): IterableIterator<Row> {
    return this.table(entitySet).values();
  }

  /** Creates a row: every schema column present (null unless given or defaulted), stamps and a new version. */
  insert(entitySet: string, values: Row): Row {
    const def = mustTable(entitySet);
    const key = def.schema.key;
    const stamp = this.now().toISOString();
    const row: Row = {};
    for (const column of Object.keys(def.schema.columns)) row[column] = null;
    Object.assign(row, def.defaults, { createdon: stamp, modifiedon: stamp }, values);
    const id = String(row[key] ?? '').toLowerCase();
    if (!id) throw new Error(`insert into ${entitySet} without ${key}`);
    row[key] = id;
    row.versionnumber = ++this.version;
    this.table(entitySet).set(id, row);
    return row;
  }

  /** Applies a change the way the platform records it: modifiedon and versionnumber move on every update. */
  update(entitySet: string, id: string, patch: Row): Row {
    const row = this.get(entitySet, id);
    if (!row) throw new Error(`update of missing ${entitySet}(${id})`);
    Object.assign(row, patch, { modifiedon: this.now().toISOString(), versionnumber: ++this.version });
    return row;
  }

  remove(entitySet: string, id: string): boolean {
    const key = id.toLowerCase();
    const existed = this.table(entitySet).delete(key);
    if (existed) {
      this.deletions.push({ entitySet, id: key, version: ++this.version });
      for (const relation of this.relations.values()) {
        for (const side of relation.bySide) side.delete(key);
      }
    }
    return existed;
  }

  relate(relation: string, left: string, right: string): void {
    const r = this.relation(relation);
    addTo(r.bySide[0], left.toLowerCase(), right.toLowerCase());
    addTo(r.bySide[1], right.toLowerCase(), left.toLowerCase());
  }

  /** Ids related to `id`, which sits on `side` (0 left, 1 right) of the relation. */
  related(relation: string, side: 0 | 1, id: string): string[] {
    return [...(this.relation(relation).bySide[side].get(id.toLowerCase()) ?? [])];
  }

  private relation(name: string): Relation {
    let r = this.relations.get(name);
    if (!r) {
      r = { bySide: [new Map(), new Map()] };
      this.relations.set(name, r);
    }
    return r;
  }
}

function addTo(map: Map<string, Set<string>>, key: string, value: string): void {
  let set = map.get(key);
  if (!set) map.set(key, (set = new Set()));
  set.add(value);
}

function mustTable(entitySet: string): TableDef {
  const def = tableOf(entitySet);
  if (!def) throw new Error(`unknown entity set ${entitySet}`);
  return def;
}
