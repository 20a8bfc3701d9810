/** The slice of an entity's metadata the query engine needs. Column names are wire names (lookups as `_x_value`). */
export type EdmType =
  'Edm.Guid' | 'Edm.String' | 'Edm.Int32' | 'Edm.Int64' | 'Edm.Decimal' | 'Edm.Double' | 'Edm.Boolean' | 'Edm.DateTimeOffset';

export interface ColumnSchema {
  type: EdmType;
  /** Wire value is a comma-separated string of ints, e.g. "192340000,192350000". */
  multiSelect?: boolean;
}

export interface NavigationSchema {
  /** Entity set name of the related table. */
  target: string;
  /** The lookup's wire column, e.g. _msdyn_activeagentid_value. */
  column: string;
}

export interface EntitySchema {
  entitySet: string;
  logicalName: string;
  key: string;
  columns: Record<string, ColumnSchema>;
  /** Single-valued navigation properties. */
  navigation: Record<string, NavigationSchema>;
  /** Collection-valued (1:N) navigation properties: `column` is the lookup on the target that points back. */
  oneToMany?: Record<string, NavigationSchema>;
  /** Collection-valued N:N navigation properties (through an intersect table), by the related entity set. */
  manyToMany?: Record<string, { target: string }>;
}

/** A client mistake in a query; the message is Dataverse's wording, shown to clients in a 400 body. */
export class ODataError extends Error {
  override name = 'ODataError';
}

export function propertyNotFound(schema: EntitySchema, name: string): ODataError {
  return new ODataError(`Could not find a property named '${name}' on type 'Microsoft.Dynamics.CRM.${schema.logicalName}'.`);
}

/** A column by wire name, or the Dataverse "could not find a property" error (navigation names included). */
export function columnOf(schema: EntitySchema, name: string): ColumnSchema {
  const column = Object.hasOwn(schema.columns, name) ? schema.columns[name] : undefined;
  if (!column) throw propertyNotFound(schema, name);
  return column;
}
