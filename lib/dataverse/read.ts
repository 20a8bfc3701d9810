import type { z } from 'zod';
import type { RowIssue } from '../model/feed-state';
import type { DataverseOutcome, DataverseRequest, DataverseTransport } from './transport';
import { readAllPages } from './paging';
import { validateRows } from './validate-rows';

export type Failure = Extract<DataverseOutcome, { ok: false }>;

export type ReadResult<T> = { ok: true; rows: T[]; issues: RowIssue[] } | { ok: false; failure: Failure };

export interface RowSpec<S extends z.ZodType> {
  entity: string;
  idField: string;
  schema: S;
}

/** Read every page of a collection and validate its rows one by one. */
export async function readRows<S extends z.ZodType>(transport: DataverseTransport, request: DataverseRequest, spec: RowSpec<S>): Promise<ReadResult<z.output<S>>> {
  const result = await readAllPages(transport, request);
  if (!result.ok) return { ok: false, failure: result.outcome };
  const { rows, issues } = validateRows(spec.entity, spec.idField, spec.schema, result.rows);
  return { ok: true, rows, issues };
}

/** Send one request whose answer is a single object, validated as a whole. */
export async function readOne<S extends z.ZodType>(transport: DataverseTransport, request: DataverseRequest, schema: S): Promise<{ ok: true; value: z.output<S> } | { ok: false; failure: Failure }> {
  const outcome = await transport.send(request);
  if (!outcome.ok) return { ok: false, failure: outcome };
  const parsed = schema.safeParse(outcome.body);
  if (parsed.success) return { ok: true, value: parsed.data };
  const issue = parsed.error.issues[0];
  return {
    ok: false,
    failure: { ok: false, failure: 'malformed', status: outcome.status, code: null, message: `Unexpected answer: ${issue?.path.join('.') || 'body'}: ${issue?.message ?? ''}`, retryAt: null },
  };
}
