import { z } from 'zod';

/**
 * A custom API as the org describes it, whether read from its `customapis` rows or its `$metadata` (docs/platform.md,
 * "What is read from the org at run time"): the raw facts the call contract is built from, and what the diagnostics
 * page shows as evidence.
 */
/** In the platform's option-value order: custom-apis.ts reads a type code as a position here. */
export const PARAMETER_TYPES = [
  'Boolean',
  'DateTime',
  'Decimal',
  'Entity',
  'EntityCollection',
  'EntityReference',
  'Float',
  'Integer',
  'Money',
  'Picklist',
  'String',
  'StringArray',
  'Guid',
  'Other',
] as const;
const ParameterTypeSchema = z.enum(PARAMETER_TYPES);
export type ParameterType = z.infer<typeof ParameterTypeSchema>;

const ApiParameterSchema = z.object({
  name: z.string().max(200),
  type: ParameterTypeSchema,
  optional: z.boolean(),
  /** For entity types: the table it refers to, when the org says (null for any table). */
  entity: z.string().max(200).nullable(),
});
export type ApiParameter = z.infer<typeof ApiParameterSchema>;

export const ApiDescriptionSchema = z.object({
  uniqueName: z.string().max(200),
  /** Global (unbound), bound to one row of a table, or to a collection. */
  binding: z.enum(['unbound', 'entity', 'collection']),
  boundEntity: z.string().max(200).nullable(),
  isFunction: z.boolean(),
  /** Request parameters, the binding parameter left out. */
  parameters: z.array(ApiParameterSchema).max(100),
  /** What a 200 answer carries. */
  response: z.array(ApiParameterSchema.omit({ optional: true })).max(100),
});
export type ApiDescription = z.infer<typeof ApiDescriptionSchema>;

/** "ApiVersion (String), AgentId (Guid)": a parameter list as the diagnostics page and its report print it. */
export const describeParameters = (parameters: readonly Pick<ApiParameter, 'name' | 'type'>[]): string =>
  parameters.map((p) => `${p.name} (${p.type})`).join(', ');
