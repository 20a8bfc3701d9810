/**
 * The emulator's OData query engine: Dataverse's $select/$filter/$orderby/$top/$expand/$count, parsed and checked
 * against a table schema, then applied to plain rows keyed by wire names. Behaviour follows Dataverse (ODataLib's
 * grammar and messages, SQL Server's comparison rules); see each module for the specific rule and its source.
 */
export { ODataError } from './schema';
export type { ColumnSchema, EdmType, EntitySchema, NavigationSchema } from './schema';
export type { FilterNode } from './filter-ast';
export type { ExpandItem } from './expand';
export type { OrderKey } from './orderby';
export type { QueryOptions } from './query-options';
export { parseQueryOptions } from './query-options';
export { parseFilter } from './filter-parser';
export { matches } from './filter-eval';
export { compareRows, firstInOrder } from './orderby';
export { projectRow } from './select';
export { constraintsOf, mayMatchWithin, type Constraints } from './constraints';
export { valueKindOf, type NormalizedValue } from './filter-ast';
export { normalize } from './values';
