/**
 * Change tracking (platform-api.md §3.6), on only when the org switch is: Prefer odata.track-changes returns every
 * row and an @odata.deltaLink; the delta link returns rows changed since, and deleted ones as $deletedEntity.
 */
import { parseQueryOptions } from '../../odata';
import type { TableDef } from '../../schema/define';
import { badRequest } from '../errors';
import { json, type WebApiContext } from './context';
import { schemaOf } from './collection';
import { shapeRow } from './shape';

const REFUSED = ['$filter', '$orderby', '$expand', '$top'] as const;

export function trackedChanges(c: WebApiContext, def: TableDef): Response {
  for (const option of REFUSED) {
    if (c.url.searchParams.has(option)) {
      throw badRequest(`The query parameter ${option} is not supported when change tracking is requested (Prefer: odata.track-changes or $deltatoken).`);
    }
  }
  const query = parseQueryOptions(c.url.searchParams, def.schema, schemaOf);
  const world = c.state.world;
  const token = c.url.searchParams.get('$deltatoken');
  const since = token === null ? undefined : parseDeltaToken(token);
  const set = def.schema.entitySet;
  const rows = [...world.store.rows(set)]
    .filter((row) => since === undefined || Number(row.versionnumber) > since)
    .sort((a, b) => Number(a.versionnumber) - Number(b.versionnumber));
  const value: Record<string, unknown>[] = rows.map((row) =>
    shapeRow(row, def, world.store, { select: query.select, annotations: c.prefer.annotations }));
  if (since !== undefined) {
    for (const d of world.store.deletions) {
      if (d.entitySet === set && d.version > since) {
        value.push({ '@odata.context': `${c.base}/$metadata#${set}/$deletedEntity`, id: d.id, reason: 'deleted' });
      }
    }
  }
  const selected = query.select ? `(${query.select.join(',')})` : '';
  const body: Record<string, unknown> = {
    '@odata.context': `${c.base}/$metadata#${set}${selected}${since === undefined ? '' : '/$delta'}`,
  };
  if (query.count) body['@odata.count'] = value.length;
  body.value = value;
  const stamp = world.clock.now().toISOString().replace('T', ' ').slice(0, 19);
  const deltaToken = encodeURIComponent(`${world.store.currentVersion()}!${stamp}`);
  const select = c.url.searchParams.get('$select');
  body['@odata.deltaLink'] = `${c.base}/${set}?${select ? `$select=${select}&` : ''}$deltatoken=${deltaToken}`;
  return json(body, 200, { 'Preference-Applied': 'odata.track-changes' });
}

function parseDeltaToken(token: string): number {
  const version = Number(token.split('!')[0]);
  if (!Number.isInteger(version) || version < 0) throw badRequest('The delta token is not valid or has expired. Synchronize again without a delta token.');
  return version;
}
