import { type ExpandItem, parseExpand } from './expand';
import type { FilterNode } from './filter-ast';
import { parseFilter } from './filter-parser';
import { type OrderKey, parseOrderBy } from './orderby';
import { type EntitySchema, ODataError } from './schema';
import { parseSelect } from './select';

export interface QueryOptions {
  select?: string[];
  filter?: FilterNode;
  orderby?: OrderKey[];
  top?: number;
  expand?: ExpandItem[];
  count?: boolean;
}

/** Paging and change tracking belong to the server, which reads these itself. */
const SERVER_OPTIONS: ReadonlySet<string> = new Set(['$skiptoken', '$deltatoken']);

/**
 * Reads the OData system query options of a collection request, validating each against the entity (and, for
 * $expand, against the related entities). Parameter aliases (`@p1`) feed $filter; other plain parameters are
 * not OData's business and pass untouched.
 */
export function parseQueryOptions(
  params: URLSearchParams,
  schema: EntitySchema,
  schemaOf: (entitySet: string) => EntitySchema | undefined,
): QueryOptions {
  const options = new Map<string, string>();
  const aliases = new Map<string, string>();
  for (const [name, value] of params) {
    if (name.startsWith('@')) aliases.set(name, value);
    if (!name.startsWith('$') || SERVER_OPTIONS.has(name)) continue;
    if (options.has(name)) {
      throw new ODataError(`Query option '${name}' was specified more than once, but it must be specified at most once.`);
    }
    options.set(name, value);
  }

  const result: QueryOptions = {};
  for (const [name, value] of options) {
    switch (name) {
      case '$select':
        result.select = parseSelect(value, schema);
        break;
      case '$filter':
        result.filter = parseFilter(value, schema, aliases);
        break;
      case '$orderby':
        result.orderby = parseOrderBy(value, schema);
        break;
      case '$top':
        result.top = parseTop(value);
        break;
      case '$expand':
        result.expand = parseExpand(value, schema, schemaOf);
        break;
      case '$count':
        result.count = parseCount(value);
        break;
      default:
        // Includes $skip, which Dataverse rejects (it pages with $skiptoken only), and $apply/$search, which the
        // emulator does not implement.
        throw new ODataError(`The query parameter ${name} is not supported`);
    }
  }
  return result;
}

function parseTop(value: string): number {
  const top = Number(value);
  if (!/^\d+$/.test(value) || !Number.isSafeInteger(top) || top < 1) {
    throw new ODataError(`Invalid value '${value}' for $top query option found. The $top query option requires a positive integer value.`);
  }
  return top;
}

function parseCount(value: string): boolean {
  if (value === 'true') return true;
  if (value === 'false') return false;
  throw new ODataError(`'${value}' is not a valid count option.`);
}
