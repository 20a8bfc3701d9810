/** Turns a stored row into what the Web API returns: projection, @odata.etag, $expand and annotations. */
import { projectRow, type ExpandItem } from '../../odata';
import type { TableDef } from '../../schema/define';
import { tableOf } from '../../schema/tables';
import type { Row, Store } from '../../world/store';
import { annotateRow } from './annotate';

export const etagOf = (row: Row): string => `W/"${String(row.versionnumber)}"`;

export interface ShapeOptions {
  select?: readonly string[];
  expand?: readonly ExpandItem[];
  annotations?: string;
}

export function shapeRow(row: Row, def: TableDef, store: Store, options: ShapeOptions): Record<string, unknown> {
  const projected = projectRow(row, options.select, def.schema);
  const notes = annotateRow(projected, def, store, options.annotations);
  // Like Dataverse, each property's annotations come just before it.
  const out: Record<string, unknown> = { '@odata.etag': etagOf(row) };
  for (const [column, value] of Object.entries(projected)) {
    for (const [name, note] of notes.get(column) ?? []) out[name] = note;
    out[column] = value;
  }
  for (const item of options.expand ?? []) {
    if (item.many) {
      out[item.navigation] = relatedRows(row, def, store, item.navigation).map(({ row: child, def: childDef }) =>
        shapeRow(child, childDef, store, { select: item.select, annotations: options.annotations }),
      );
      continue;
    }
    const nav = def.schema.navigation[item.navigation];
    const targetDef = nav && tableOf(nav.target);
    if (!nav || !targetDef) continue;
    const id = row[nav.column];
    const related = typeof id === 'string' ? store.get(nav.target, id) : undefined;
    out[item.navigation] = related ? shapeRow(related, targetDef, store, { select: item.select, annotations: options.annotations }) : null;
  }
  return out;
}

/** The rows a collection-valued navigation property of `row` leads to: N:N through its relation, 1:N by their lookup. */
export function relatedRows(row: Row, def: TableDef, store: Store, navigation: string): { row: Row; def: TableDef }[] {
  const collection = def.collections[navigation];
  const relatedDef = collection && tableOf(collection.target);
  if (collection && relatedDef) {
    return store
      .related(collection.relation, collection.side, String(row[def.schema.key]))
      .map((id) => store.get(collection.target, id))
      .filter((related): related is Row => related !== undefined)
      .map((related) => ({ row: related, def: relatedDef }));
  }
  const nav = def.schema.oneToMany?.[navigation];
  const childDef = nav && tableOf(nav.target);
  if (!nav || !childDef) return [];
  return store.lookup(nav.target, nav.column, row[def.schema.key]).map((child) => ({ row: child, def: childDef }));
}
