/**
 * Single-record operations as Dataverse answers them (docs/platform.md#requests-and-headers): retrieve (If-None-Match → 304),
 * create (204 + OData-EntityId, or 201 with return=representation), update/upsert (If-Match → 412 or 404),
 * delete.
 */
import { parseQueryOptions, type ExpandItem } from '../../odata';
import type { TableDef } from '../../schema/define';
import { schemaOf } from '../../schema/tables';
import type { Row } from '../../world/store';
import { DataverseError, ERROR_CODES, notFoundRecord } from '../errors';
import { json, type WebApiContext } from './context';
import { readPayload } from './payload';
import { etagOf, shapeRow } from './shape';
import { applyTableRules } from './table-rules';

const VERSION_MISMATCH = "The version of the existing record doesn't match the RowVersion property provided.";

export function retrieve(c: WebApiContext, def: TableDef, id: string): Response {
  const row = mustExist(c, def, id);
  const query = parseQueryOptions(c.url.searchParams, def.schema, schemaOf);
  const ifNoneMatch = c.request.headers.get('if-none-match');
  if (ifNoneMatch && ifNoneMatch !== 'null' && !query.expand && ifNoneMatch === etagOf(row)) {
    return new Response(null, { status: 304, headers: { ETag: etagOf(row) } });
  }
  return representation(c, def, row, 200, query.select, query.expand);
}

export async function create(c: WebApiContext, def: TableDef): Promise<Response> {
  const store = c.state.world.store;
  const values = readPayload(def, await readJson(c), store);
  const key = def.schema.key;
  const id = typeof values[key] === 'string' ? String(values[key]) : c.state.world.random.guid();
  if (store.get(def.schema.entitySet, id)) {
    throw new DataverseError(412, ERROR_CODES.duplicate, 'A record with matching key values already exists.');
  }
  const row = store.insert(
    def.schema.entitySet,
    applyTableRules(def, { ...ownerFor(def, c), ...values, [key]: id }, undefined, c.state.world.clock.now(), store),
  );
  return written(c, def, row, 201);
}

export async function update(c: WebApiContext, def: TableDef, id: string): Promise<Response> {
  const store = c.state.world.store;
  const existing = store.get(def.schema.entitySet, id);
  const ifMatch = c.request.headers.get('if-match');
  const ifNoneMatch = c.request.headers.get('if-none-match');
  if (!existing && ifMatch) throw notFoundRecord(def.schema.logicalName, id);
  if (existing && ifNoneMatch === '*') {
    throw new DataverseError(412, ERROR_CODES.duplicate, 'A record with matching key values already exists.');
  }
  if (existing && ifMatch && ifMatch !== '*' && ifMatch !== etagOf(existing)) {
    throw new DataverseError(412, ERROR_CODES.versionMismatch, VERSION_MISMATCH);
  }
  const values = readPayload(def, await readJson(c), store);
  delete values[def.schema.key];
  const now = c.state.world.clock.now();
  if (!existing) {
    // PATCH without If-Match is an upsert.
    const row = store.insert(
      def.schema.entitySet,
      applyTableRules(def, { ...ownerFor(def, c), ...values, [def.schema.key]: id.toLowerCase() }, undefined, now, store),
    );
    return written(c, def, row, 201);
  }
  const row = store.update(def.schema.entitySet, id, applyTableRules(def, values, existing, now, store));
  return written(c, def, row, 200);
}

export function remove(c: WebApiContext, def: TableDef, id: string): Response {
  const existing = mustExist(c, def, id);
  const ifMatch = c.request.headers.get('if-match');
  if (ifMatch && ifMatch !== '*' && ifMatch !== etagOf(existing)) {
    throw new DataverseError(412, ERROR_CODES.versionMismatch, VERSION_MISMATCH);
  }
  c.state.world.store.remove(def.schema.entitySet, id);
  return new Response(null, { status: 204, headers: { 'OData-Version': '4.0' } });
}

export function mustExist(c: WebApiContext, def: TableDef, id: string): Row {
  const row = c.state.world.store.get(def.schema.entitySet, id);
  if (!row) throw notFoundRecord(def.schema.logicalName, id);
  return row;
}

function written(c: WebApiContext, def: TableDef, row: Row, statusWithBody: number): Response {
  const entityId = `${c.base}/${def.schema.entitySet}(${String(row[def.schema.key])})`;
  if (!c.prefer.returnRepresentation) {
    return new Response(null, { status: 204, headers: { 'OData-Version': '4.0', 'OData-EntityId': entityId } });
  }
  const select = c.url.searchParams.get('$select')
    ? parseQueryOptions(new URLSearchParams({ $select: c.url.searchParams.get('$select')! }), def.schema, schemaOf).select
    : undefined;
  const response = representation(c, def, row, statusWithBody, select, undefined);
  response.headers.set('OData-EntityId', entityId);
  response.headers.set('Preference-Applied', 'return=representation');
  return response;
}

function representation(c: WebApiContext, def: TableDef, row: Row, status: number, select?: string[], expand?: ExpandItem[]): Response {
  const store = c.state.world.store;
  const context = `${c.base}/$metadata#${def.schema.entitySet}${select ? `(${select.join(',')})` : ''}/$entity`;
  const body = { '@odata.context': context, ...shapeRow(row, def, store, { select, expand, annotations: c.prefer.annotations }) };
  return json(body, status, { ETag: etagOf(row) });
}

/** User-owned rows default to the caller as owner, as Dataverse does. */
function ownerFor(def: TableDef, c: WebApiContext): Row {
  return def.lookups._ownerid_value ? { _ownerid_value: c.userId } : {};
}

async function readJson(c: WebApiContext): Promise<unknown> {
  const text = await c.request.text();
  try {
    return JSON.parse(text);
  } catch {
    throw new DataverseError(400, ERROR_CODES.badRequest, 'The request body is not valid JSON.');
  }
}
