import { z } from 'zod';

/** Annotation suffix carrying a value's display text (lookup names, choice labels), docs/platform.md#queries-and-paging. */
export const FORMATTED = '@OData.Community.Display.V1.FormattedValue';

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A GUID as the Web API writes it, checked only (a row schema that lower-cases in its own transform uses this). */
export const GuidTextSchema = z.string().regex(GUID, 'not a GUID');
/** A GUID as the Web API writes it; lower-cased so ids compare equal however the platform cased them. */
export const GuidSchema = GuidTextSchema.transform((id) => id.toLowerCase());
export const NullableGuidSchema = z
  .union([GuidSchema, z.null()])
  .optional()
  .transform((id) => id ?? null);
export const NullableTextSchema = z
  .string()
  .nullable()
  .optional()
  .transform((text) => text ?? null);
export const DateTimeSchema = z.string().refine((text) => !Number.isNaN(Date.parse(text)), 'not a date-time');
export const NullableDateTimeSchema = z
  .union([DateTimeSchema, z.null()])
  .optional()
  .transform((text) => text ?? null);

/*
 * Checks only, for the schemas of rows read by the thousand, which normalise (lower-case ids, null for absent) in one
 * transform of the whole row: in the extension, where zod cannot compile its checks, a transform per field made
 * checking a 10,000-row read twice as long (a pipe each).
 */
export const OptionalText = z.string().nullable().optional();
export const OptionalGuid = GuidTextSchema.nullable().optional();
export const OptionalInt = z.number().int().nullable().optional();
export const OptionalDateTime = DateTimeSchema.nullable().optional();
/** An id as the feed keeps it (lower case), or null. */
export const lowerOrNull = (id: string | null | undefined): string | null => (id ? id.toLowerCase() : null);

export const NullableIntSchema = z
  .number()
  .int()
  .nullable()
  .optional()
  .transform((n) => n ?? null);

/** Refuse anything that is not a GUID before it goes into a URL: ids come from the platform and from views. */
export function guidLiteral(id: string): string {
  if (!GUID.test(id)) throw new Error(`Not a GUID: ${id}`);
  return id.toLowerCase();
}

/**
 * Dataverse's In() query function; one call replaces a long chain of `or`s. PropertyName is the attribute's
 * logical name (not `_x_value`), and PropertyValues is a JSON-style list: a value with an apostrophe goes in double
 * quotes, since `''` is not an escape there (Dataverse answers "Invalid JSON").
 */
export function inFilter(column: string, values: readonly string[]): string {
  const list = values.map((value) => (value.includes("'") ? JSON.stringify(value) : `'${value}'`)).join(',');
  return `Microsoft.Dynamics.CRM.In(PropertyName='${column}',PropertyValues=[${list}])`;
}

/** An OData date-time literal (unquoted ISO 8601, UTC). */
export function dateTimeLiteral(epochMs: number): string {
  return new Date(epochMs).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** A query string from ordered parts; values are encoded, OData punctuation kept readable. */
export function query(parts: Record<string, string | undefined>): string {
  const pairs = Object.entries(parts)
    .filter((entry): entry is [string, string] => entry[1] !== undefined)
    .map(([name, value]) => `${name}=${encodeURIComponent(value).replace(/%2C/g, ',').replace(/%24/g, '$').replace(/%40/g, '@')}`);
  return pairs.length === 0 ? '' : `?${pairs.join('&')}`;
}
