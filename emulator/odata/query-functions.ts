import { type FilterNode, type NormalizedValue, type ValueKind, valueKindOf } from './filter-ast';
import { type ColumnSchema, type EntitySchema, ODataError } from './schema';

/** Dataverse's own filter functions live in this namespace: Microsoft.Dynamics.CRM.In(PropertyName=…,PropertyValues=[…]). */
export const QUERY_FUNCTION_PREFIX = 'Microsoft.Dynamics.CRM.';

export interface NamedArgument {
  name: string;
  value: string | string[];
}

type Shape = 'in' | 'containValues';
// ContainsValues is the spelling some docs and clients use for ContainValues; Dataverse accepts both.
const FUNCTIONS: Record<string, { shape: Shape; negate: boolean }> = {
  In: { shape: 'in', negate: false },
  NotIn: { shape: 'in', negate: true },
  ContainValues: { shape: 'containValues', negate: false },
  ContainsValues: { shape: 'containValues', negate: false },
  DoesNotContainValues: { shape: 'containValues', negate: true },
};

export function parseQueryFunction(fullName: string, args: readonly NamedArgument[], schema: EntitySchema): FilterNode {
  const shortName = fullName.slice(QUERY_FUNCTION_PREFIX.length);
  const spec = Object.hasOwn(FUNCTIONS, shortName) ? FUNCTIONS[shortName] : undefined;
  if (!spec) throw new ODataError(`The query function '${fullName}' is not supported by the emulator.`);

  const { propertyName, propertyValues } = readArguments(fullName, args);
  const { wireName, column } = attributeOf(schema, propertyName);
  if (propertyValues.length === 0) {
    throw new ODataError(`The function '${fullName}' needs at least one value in PropertyValues.`);
  }

  if (spec.shape === 'containValues') {
    if (!column.multiSelect) {
      throw new ODataError(`The function '${fullName}' applies only to multi-select choice columns; '${propertyName}' is not one.`);
    }
    const values = propertyValues.map((raw) => {
      const trimmed = raw.trim();
      if (!/^-?\d+$/.test(trimmed)) throw invalidValue(raw, propertyName, 'Edm.Int32');
      return String(Number(trimmed));
    });
    return { kind: 'containValues', column: wireName, values: new Set(values), negate: spec.negate };
  }

  const valueKind = valueKindOf(column);
  const values = propertyValues.map((raw) => {
    const value = parseAsKind(raw, valueKind);
    if (value === undefined) throw invalidValue(raw, propertyName, column.type);
    return value;
  });
  return { kind: 'in', column: wireName, valueKind, values: new Set(values), negate: spec.negate };
}

/**
 * Query functions run as FetchXML conditions, so PropertyName is the attribute's logical name: a lookup is
 * `msdyn_cdsqueueid`, not its Web API column `_msdyn_cdsqueueid_value`, which live orgs refuse with this message.
 */
function attributeOf(schema: EntitySchema, attribute: string): { wireName: string; column: ColumnSchema } {
  const lookupColumn = `_${attribute}_value`;
  const wireName = Object.hasOwn(schema.columns, lookupColumn) ? lookupColumn : attribute;
  const column = Object.hasOwn(schema.columns, wireName) ? schema.columns[wireName] : undefined;
  if (!column || /^_.+_value$/.test(attribute)) {
    throw new ODataError(
      `'${schema.logicalName}' entity doesn't contain attribute with Name = '${attribute}' and NameMapping = 'Logical'.`,
    );
  }
  return { wireName, column };
}

function readArguments(fullName: string, args: readonly NamedArgument[]): { propertyName: string; propertyValues: string[] } {
  let propertyName: string | undefined;
  let propertyValues: string[] | undefined;
  for (const arg of args) {
    if (arg.name === 'PropertyName' && typeof arg.value === 'string' && propertyName === undefined) {
      propertyName = arg.value;
    } else if (arg.name === 'PropertyValues' && Array.isArray(arg.value) && propertyValues === undefined) {
      propertyValues = arg.value;
    } else {
      throw new ODataError(`The parameter '${arg.name}' of function '${fullName}' is not valid here.`);
    }
  }
  if (propertyName === undefined || propertyValues === undefined) {
    throw new ODataError(`The function '${fullName}' needs PropertyName='<column>' and PropertyValues=['<value>',…].`);
  }
  return { propertyName, propertyValues };
}

function invalidValue(raw: string, column: string, type: string): ODataError {
  return new ODataError(`The value '${raw}' is not valid for the property '${column}' of type '${type}'.`);
}

const GUID_TEXT = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** Query-function values arrive as text; read them the way the column's values compare (see values.ts). */
function parseAsKind(raw: string, kind: ValueKind): NormalizedValue | undefined {
  const text = raw.trim();
  switch (kind) {
    case 'string':
      return raw.toLowerCase();
    case 'guid':
      return GUID_TEXT.test(text.toLowerCase()) ? text.toLowerCase() : undefined;
    case 'number': {
      const n = Number(text);
      return text !== '' && Number.isFinite(n) ? n : undefined;
    }
    case 'date': {
      const ms = Date.parse(text);
      return Number.isNaN(ms) ? undefined : ms;
    }
    case 'boolean':
      return text === 'true' ? true : text === 'false' ? false : undefined;
  }
}
