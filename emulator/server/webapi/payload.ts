/**
 * Reads a create/update body into row values the way Dataverse validates it: known columns only, values of the
 * column's type, choices within their options, lookups through `<nav>@odata.bind` to rows that exist.
 */
import type { TableDef } from '../../schema/define';
import { tableOf } from '../../schema/tables';
import type { Row, Store } from '../../world/store';
import { badRequest, notFoundRecord } from '../errors';
import { cellText } from '../../odata/values';

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function readPayload(def: TableDef, body: unknown, store: Store): Row {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw badRequest('The request body must be a JSON object describing the record.');
  }
  const values: Row = {};
  const type = `Microsoft.Dynamics.CRM.${def.schema.logicalName}`;
  for (const [name, value] of Object.entries(body)) {
    if (name.endsWith('@odata.bind')) {
      const navName = name.slice(0, -'@odata.bind'.length);
      const nav = def.schema.navigation[navName];
      if (!nav)
        throw badRequest(
          `An undeclared property '${navName}' which only has property annotations in the payload but no property value was found in the payload. In OData, only declared navigation properties and declared named streams can be represented as properties without values.`,
        );
      values[nav.column] = value === null ? null : bindTarget(String(value), nav.target, store);
      continue;
    }
    if (name.includes('@')) continue; // other instance annotations (e.g. @odata.type) carry no data
    const column = def.schema.columns[name];
    if (!column) {
      throw badRequest(
        `The property '${name}' does not exist on type '${type}'. Make sure to only use property names that are defined by the type.`,
      );
    }
    if (def.lookups[name]) {
      throw badRequest(`The lookup column '${name}' is read-only; set it with '${def.lookups[name].targets[0]?.nav}@odata.bind'.`);
    }
    if (def.readOnly.has(name) && name !== def.schema.key) continue; // Dataverse ignores system columns silently
    values[name] = checkValue(def, name, column.type, column.multiSelect === true, value);
  }
  return values;
}

function checkValue(def: TableDef, name: string, type: string, multiSelect: boolean, value: unknown): unknown {
  if (value === null) return null;
  const wrong = () => badRequest(`Cannot convert the literal '${cellText(value)}' to the expected type '${type}' of property '${name}'.`);
  const options = def.options[name];
  if (multiSelect) {
    if (typeof value !== 'string' || !/^\d+(,\d+)*$/.test(value)) throw wrong();
    for (const v of value.split(',')) if (options && !(Number(v) in options)) throw outOfRange(def, name, v);
    return value;
  }
  switch (type) {
    case 'Edm.Guid':
      if (typeof value !== 'string' || !GUID.test(value)) throw wrong();
      return value.toLowerCase();
    case 'Edm.String':
      if (typeof value !== 'string') throw wrong();
      return value;
    case 'Edm.Int32':
    case 'Edm.Int64':
      if (typeof value !== 'number' || !Number.isInteger(value)) throw wrong();
      if (options && !(value in options)) throw outOfRange(def, name, value);
      return value;
    case 'Edm.Decimal':
    case 'Edm.Double':
      if (typeof value !== 'number') throw wrong();
      return value;
    case 'Edm.Boolean':
      if (typeof value !== 'boolean') throw wrong();
      return value;
    case 'Edm.DateTimeOffset':
      if (typeof value !== 'string' || Number.isNaN(Date.parse(value))) throw wrong();
      return new Date(value).toISOString();
    default:
      return value;
  }
}

function outOfRange(def: TableDef, name: string, value: unknown) {
  return badRequest(
    `A validation error occurred. The value ${String(value)} of '${name}' on record of type '${def.schema.logicalName}' is outside the valid range.`,
  );
}

/** "/systemusers(<id>)", "systemusers(<id>)" or an absolute URL ending so → the id, checked to exist. */
function bindTarget(reference: string, expectedSet: string, store: Store): string {
  const match = /(?:^|\/)([A-Za-z_]+)\(([0-9a-fA-F-]{36})\)$/.exec(reference);
  if (!match || match[1] !== expectedSet) {
    throw badRequest(`The reference '${reference}' is not valid here; expected /${expectedSet}(<id>).`);
  }
  const id = match[2]!.toLowerCase();
  if (!store.get(expectedSet, id)) throw notFoundRecord(tableOf(expectedSet)?.schema.logicalName ?? expectedSet, id);
  return id;
}
