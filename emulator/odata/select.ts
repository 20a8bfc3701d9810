import { columnOf, type EntitySchema, ODataError } from './schema';

/** `a,b,c` → column names, each checked against the entity. */
export function parseSelect(text: string, schema: EntitySchema): string[] {
  return text.split(',').map((part) => {
    const name = part.trim();
    if (name === '') throw new ODataError(`The $select value '${text}' has an empty item.`);
    const navigation = Object.hasOwn(schema.navigation, name) ? schema.navigation[name] : undefined;
    if (navigation) {
      // Dataverse returns lookups through their value column; the navigation property is for $expand only.
      throw new ODataError(
        `'${name}' is a navigation property of 'Microsoft.Dynamics.CRM.${schema.logicalName}' and cannot be ` +
          `selected; select '${navigation.column}' or use $expand=${name}.`,
      );
    }
    columnOf(schema, name);
    return name;
  });
}

/**
 * The columns a client asked for, in its order, plus the primary key, which Dataverse always returns (after the
 * selected columns). Without a selection, every column of the entity. Missing values come back as null.
 */
export function projectRow(
  row: Readonly<Record<string, unknown>>,
  select: readonly string[] | undefined,
  schema: EntitySchema,
): Record<string, unknown> {
  const names = select ?? Object.keys(schema.columns);
  const projected: Record<string, unknown> = {};
  for (const name of names) projected[name] = row[name] ?? null;
  if (!Object.hasOwn(projected, schema.key)) projected[schema.key] = row[schema.key] ?? null;
  return projected;
}
