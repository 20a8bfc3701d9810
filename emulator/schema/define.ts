/**
 * A compact way to write a table's schema as data. One definition feeds the OData engine (EntitySchema),
 * FormattedValue/lookup annotations, validation of writes and the $metadata document.
 */
import type { ColumnSchema, EdmType, EntitySchema, NavigationSchema } from '../odata';
import type { OptionSet } from './options';

export type ColumnSpec =
  | { kind: 'plain'; type: EdmType }
  | { kind: 'choice'; options: OptionSet }
  | { kind: 'multi'; options: OptionSet }
  | { kind: 'lookup'; targets: readonly { set: string; logicalName: string; nav: string }[] };

export const guid: ColumnSpec = { kind: 'plain', type: 'Edm.Guid' };
export const text: ColumnSpec = { kind: 'plain', type: 'Edm.String' };
export const int: ColumnSpec = { kind: 'plain', type: 'Edm.Int32' };
const bigint: ColumnSpec = { kind: 'plain', type: 'Edm.Int64' };
export const decimal: ColumnSpec = { kind: 'plain', type: 'Edm.Decimal' };
export const bool: ColumnSpec = { kind: 'plain', type: 'Edm.Boolean' };
export const date: ColumnSpec = { kind: 'plain', type: 'Edm.DateTimeOffset' };
export const choice = (options: OptionSet): ColumnSpec => ({ kind: 'choice', options });
export const multi = (options: OptionSet): ColumnSpec => ({ kind: 'multi', options });
export const lookup = (set: string, logicalName: string, nav: string): ColumnSpec => ({
  kind: 'lookup',
  targets: [{ set, logicalName, nav }],
});
export const polymorphic = (...targets: { set: string; logicalName: string; nav: string }[]): ColumnSpec => ({ kind: 'lookup', targets });

export interface LookupInfo {
  /** Logical column name, e.g. msdyn_activeagentid (the wire column is _msdyn_activeagentid_value). */
  logical: string;
  targets: readonly { set: string; logicalName: string; nav: string }[];
}

/** An N:N navigation: rows of `target` related through the intersect `relation`. */
export interface CollectionNav {
  target: string;
  relation: string;
  side: 0 | 1;
}

/** A 1:N navigation: rows of the `target` entity set whose lookup `lookup` (logical name) points at this row. */
export interface ChildrenNav {
  target: string;
  lookup: string;
}

export interface TableDef {
  schema: EntitySchema;
  primaryName: string;
  /** Wire column → its option labels (choice and multi-select). */
  options: Readonly<Record<string, OptionSet>>;
  /** Wire column (_x_value) → lookup targets. */
  lookups: Readonly<Record<string, LookupInfo>>;
  collections: Readonly<Record<string, CollectionNav>>;
  /** Columns the platform maintains; writes to them are ignored like Dataverse ignores read-only columns. */
  readOnly: ReadonlySet<string>;
  defaults: Readonly<Record<string, unknown>>;
  /** Wire columns the store keeps an equality index on (read by value on hot paths). */
  indexed: readonly string[];
}

export interface TableSpec {
  entitySet: string;
  logicalName: string;
  key: string;
  primaryName: string;
  columns: Record<string, ColumnSpec>;
  collections?: Record<string, CollectionNav>;
  children?: Record<string, ChildrenNav>;
  defaults?: Record<string, unknown>;
  /** User-owned tables get ownerid; organization-owned ones don't. */
  owned?: boolean;
  indexed?: readonly string[];
}

const SYSTEM_COLUMNS: Record<string, ColumnSpec> = {
  createdon: date,
  modifiedon: date,
  versionnumber: bigint,
};

const lookupColumn = (logical: string): string => `_${logical}_value`;

export function defineTable(spec: TableSpec): TableDef {
  const columns: Record<string, ColumnSchema> = {};
  const navigation: Record<string, NavigationSchema> = {};
  const options: Record<string, OptionSet> = {};
  const lookups: Record<string, LookupInfo> = {};
  const all: Record<string, ColumnSpec> = { ...spec.columns, ...SYSTEM_COLUMNS };
  if (spec.owned) all.ownerid = lookup('systemusers', 'systemuser', 'ownerid');
  for (const [name, col] of Object.entries(all)) {
    switch (col.kind) {
      case 'plain':
        columns[name] = { type: col.type };
        break;
      case 'choice':
        columns[name] = { type: 'Edm.Int32' };
        options[name] = col.options;
        break;
      case 'multi':
        columns[name] = { type: 'Edm.String', multiSelect: true };
        options[name] = col.options;
        break;
      case 'lookup': {
        const wire = lookupColumn(name);
        columns[wire] = { type: 'Edm.Guid' };
        lookups[wire] = { logical: name, targets: col.targets };
        for (const t of col.targets) navigation[t.nav] = { target: t.set, column: wire };
        break;
      }
    }
  }
  const oneToMany = Object.fromEntries(
    Object.entries(spec.children ?? {}).map(([name, nav]) => [name, { target: nav.target, column: lookupColumn(nav.lookup) }]),
  );
  const manyToMany = Object.fromEntries(Object.entries(spec.collections ?? {}).map(([name, nav]) => [name, { target: nav.target }]));
  return {
    schema: { entitySet: spec.entitySet, logicalName: spec.logicalName, key: spec.key, columns, navigation, oneToMany, manyToMany },
    primaryName: spec.primaryName,
    options,
    lookups,
    collections: spec.collections ?? {},
    readOnly: new Set(['createdon', 'modifiedon', 'versionnumber', spec.key]),
    defaults: spec.defaults ?? {},
    indexed: spec.indexed ?? [],
  };
}
