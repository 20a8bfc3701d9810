/** The Edm type each custom API field type travels as in $metadata and in request bodies. */
import type { FieldType } from '../contract';

export const EDM_TYPES: Record<FieldType, string> = {
  Boolean: 'Edm.Boolean',
  DateTime: 'Edm.DateTimeOffset',
  Decimal: 'Edm.Decimal',
  Float: 'Edm.Double',
  Integer: 'Edm.Int32',
  String: 'Edm.String',
  Guid: 'Edm.Guid',
};

/** The customapi `type` option value of each field type (0 Boolean … 12 Guid). */
export const FIELD_TYPE_CODES: Record<FieldType, number> = {
  Boolean: 0,
  DateTime: 1,
  Decimal: 2,
  Float: 6,
  Integer: 7,
  String: 10,
  Guid: 12,
};
