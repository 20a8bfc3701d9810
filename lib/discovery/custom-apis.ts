import { z } from 'zod';
import type { DataverseRequest } from '../dataverse/transport';
import { query } from '../dataverse/odata';
import { PARAMETER_TYPES, type ApiDescription, type ParameterType } from './api-description';

/** The prefix the platform's supervisor actions share (docs/platform.md, "Messages on the table"). */
export const CCAAS_PREFIX = 'CCaaS_';

/**
 * The org's own rows for its CCaaS custom APIs, each with its request parameters and response properties in one read
 * ([PA-customapi] in docs/platform.md). Users without prvReadCustomAPI get 403; $metadata then describes them.
 */
export const customApisRequest = (): DataverseRequest => ({
  method: 'GET',
  path: `customapis${query({
    $select: 'uniquename,bindingtype,boundentitylogicalname,isfunction',
    $filter: `startswith(uniquename,'${CCAAS_PREFIX}')`,
    $expand:
      'CustomAPIRequestParameters($select=uniquename,type,isoptional,logicalentityname),CustomAPIResponseProperties($select=uniquename,type,logicalentityname)',
  })}`,
  queryKey: 'customapis',
});

/**
 * customapirequestparameter.type / customapiresponseproperty.type option values are the positions in PARAMETER_TYPES
 * ([PA-customapi]); 'Other' (last) is ours, for a code the platform adds later.
 */
const TYPE_CODES: readonly ParameterType[] = PARAMETER_TYPES.filter((type) => type !== 'Other');
const typeOf = (code: number | null): ParameterType => (code !== null && TYPE_CODES[code]) || 'Other';

const Text = z.string().max(200);
const Code = z
  .number()
  .int()
  .nullable()
  .optional()
  .transform((n) => n ?? null);
const Entity = z
  .string()
  .max(200)
  .nullable()
  .optional()
  .transform((name) => name || null);

const ParameterRowSchema = z.object({
  uniquename: Text,
  type: Code,
  isoptional: z.boolean().nullable().optional(),
  logicalentityname: Entity,
});
const PropertyRowSchema = z.object({ uniquename: Text, type: Code, logicalentityname: Entity });

export const CustomApiRowSchema = z.object({
  uniquename: Text,
  /** 0 Global, 1 Entity, 2 EntityCollection. */
  bindingtype: Code,
  boundentitylogicalname: Entity,
  isfunction: z.boolean().nullable().optional(),
  CustomAPIRequestParameters: z.array(ParameterRowSchema).max(100).default([]),
  CustomAPIResponseProperties: z.array(PropertyRowSchema).max(100).default([]),
});
export type CustomApiRow = z.infer<typeof CustomApiRowSchema>;

/** One customapi row (with its expanded parameters and properties) as the org's description of that API. */
export function describeCustomApi(row: CustomApiRow): ApiDescription {
  return {
    uniqueName: row.uniquename,
    binding: row.bindingtype === 1 ? 'entity' : row.bindingtype === 2 ? 'collection' : 'unbound',
    boundEntity: row.bindingtype === 1 || row.bindingtype === 2 ? row.boundentitylogicalname : null,
    isFunction: row.isfunction ?? false,
    parameters: row.CustomAPIRequestParameters.map((p) => ({
      name: p.uniquename,
      type: typeOf(p.type),
      optional: p.isoptional ?? false,
      entity: p.logicalentityname,
    })),
    response: row.CustomAPIResponseProperties.map((p) => ({ name: p.uniquename, type: typeOf(p.type), entity: p.logicalentityname })),
  };
}
