import { type EntitySchema, ODataError, propertyNotFound } from './schema';
import { parseSelect } from './select';

export interface ExpandItem {
  navigation: string;
  select?: string[];
  /** A collection-valued (1:N or N:N) navigation property: expands to an array of related rows. */
  many?: true;
}

type SchemaLookup = (entitySet: string) => EntitySchema | undefined;

/** `nav($select=a,b),nav2` → items: single- or collection-valued navigation properties, with an optional nested $select. */
export function parseExpand(text: string, schema: EntitySchema, schemaOf: SchemaLookup): ExpandItem[] {
  return splitTopLevel(text, ',').map((item) => parseExpandItem(item.trim(), schema, schemaOf));
}

function parseExpandItem(item: string, schema: EntitySchema, schemaOf: SchemaLookup): ExpandItem {
  const open = item.indexOf('(');
  const name = (open === -1 ? item : item.slice(0, open)).trim();
  if (name === '') throw new ODataError(`The $expand item '${item}' has no navigation property.`);
  const many =
    (schema.oneToMany && Object.hasOwn(schema.oneToMany, name) ? schema.oneToMany[name] : undefined) ??
    (schema.manyToMany && Object.hasOwn(schema.manyToMany, name) ? schema.manyToMany[name] : undefined);
  const navigation = Object.hasOwn(schema.navigation, name) ? schema.navigation[name] : many;
  if (!navigation) {
    if (Object.hasOwn(schema.columns, name)) {
      throw new ODataError(
        `Property '${name}' on type 'Microsoft.Dynamics.CRM.${schema.logicalName}' is not a navigation property ` +
          `or complex property. Only navigation properties can be expanded.`,
      );
    }
    throw propertyNotFound(schema, name);
  }
  const base: ExpandItem = many ? { navigation: name, many: true } : { navigation: name };
  if (open === -1) return base;
  if (!item.endsWith(')')) throw new ODataError(`The $expand item '${item}' is missing its closing parenthesis.`);

  const target = schemaOf(navigation.target);
  // A navigation property without a served target is a bug in the emulator's own schema, not a client error.
  if (!target) throw new Error(`No schema for entity set '${navigation.target}' (navigation '${name}').`);
  const options = item.slice(open + 1, -1);
  if (options.trim() === '') throw new ODataError(`The $expand item '${item}' has empty parentheses.`);
  let select: string[] | undefined;
  for (const option of splitTopLevel(options, ';')) {
    const [optionName = '', ...rest] = option.split('=');
    if (optionName.trim() !== '$select') {
      throw new ODataError(
        `The query option '${optionName.trim()}' is not supported inside $expand of the navigation property ` +
          `'${name}'; only $select is.`,
      );
    }
    select = parseSelect(rest.join('='), target);
  }
  return select ? { ...base, select } : base;
}

/** Splits on `separator` outside parentheses, so nested option lists stay whole. */
function splitTopLevel(text: string, separator: ',' | ';'): string[] {
  const parts: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === '(') depth++;
    else if (ch === ')') depth--;
    else if (ch === separator && depth === 0) {
      parts.push(text.slice(start, i));
      start = i + 1;
    }
    if (depth < 0) throw new ODataError(`The $expand value '${text}' has an unmatched ')'.`);
  }
  if (depth !== 0) throw new ODataError(`The $expand value '${text}' has an unmatched '('.`);
  parts.push(text.slice(start));
  return parts;
}
