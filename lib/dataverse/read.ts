import type { z } from 'zod';
import type { DataverseRequest, DataverseTransport } from './transport';
import { readAllPages, readPagesWithin } from './paging';
import { failed, failureOf, malformed, succeeded, type Result } from './result';
import { validateRows, type Rows } from './validate-rows';

export interface RowSpec<S extends z.ZodType> {
  entity: string;
  idField: string;
  schema: S;
}

/** Read every page of a collection and validate its rows one by one. */
export async function readRows<S extends z.ZodType>(
  transport: DataverseTransport,
  request: DataverseRequest,
  spec: RowSpec<S>,
): Promise<Result<Rows<z.output<S>>>> {
  const result = await readAllPages(transport, request);
  if (!result.ok) return result;
  return succeeded(validateRows(spec.entity, spec.idField, spec.schema, result.value.rows));
}

/** As readRows, but gives up (null) when the collection has more than `maxPages` pages. */
export async function readRowsWithin<S extends z.ZodType>(
  transport: DataverseTransport,
  request: DataverseRequest,
  spec: RowSpec<S>,
  maxPages: number,
): Promise<Result<Rows<z.output<S>> | null>> {
  const result = await readPagesWithin(transport, request, maxPages);
  if (!result.ok) return result;
  return succeeded(result.value && validateRows(spec.entity, spec.idField, spec.schema, result.value.rows));
}

/** Send one request whose answer is a single object, validated as a whole. */
export async function readOne<S extends z.ZodType>(
  transport: DataverseTransport,
  request: DataverseRequest,
  schema: S,
): Promise<Result<z.output<S>>> {
  const outcome = await transport.send(request);
  if (!outcome.ok) return failed(failureOf(outcome));
  const parsed = schema.safeParse(outcome.body);
  if (parsed.success) return succeeded(parsed.data);
  const issue = parsed.error.issues[0];
  return failed(malformed(outcome.status, `Unexpected answer: ${issue?.path.join('.') || 'body'}: ${issue?.message ?? ''}`));
}
