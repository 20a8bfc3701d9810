import type { z } from 'zod';
import type { DataverseRequest, DataverseTransport } from './transport';
import { readAllPages, readPagesWithin, type PageLimit } from './paging';
import { failed, failureOf, malformed, succeeded, type Result } from './result';
import type { RowIssue } from '../model/feed-state';
import { validateRows, type Rows } from './validate-rows';

export interface RowSpec<S extends z.ZodType> {
  entity: string;
  idField: string;
  schema: S;
}

/** What a read that starts from what it sees is told of each page as it comes (`more`: another page follows). */
export interface PageWatch<T> {
  /** The page has come, its rows not checked yet: how many it holds. */
  arrived?(rows: number, more: boolean): void;
  /** Its valid rows. */
  checked(rows: readonly T[], more: boolean): void;
}

/** Read every page of a collection and validate its rows one by one, each page while the next is on its way. */
export async function readRows<S extends z.ZodType>(
  transport: DataverseTransport,
  request: DataverseRequest,
  spec: RowSpec<S>,
  watch?: PageWatch<z.output<S>>,
): Promise<Result<Rows<z.output<S>>>> {
  const { take, issues } = checking(spec, watch);
  const result = await readAllPages(transport, request, take);
  if (!result.ok) return result;
  return succeeded({ rows: result.value.rows, issues });
}

/** As readRows, but gives up (null) when the collection has more than `maxPages` pages (paging.ts). */
export async function readRowsWithin<S extends z.ZodType>(
  transport: DataverseTransport,
  request: DataverseRequest,
  spec: RowSpec<S>,
  maxPages: PageLimit,
): Promise<Result<Rows<z.output<S>> | null>> {
  const { take, issues } = checking(spec);
  const result = await readPagesWithin(transport, request, maxPages, take);
  if (!result.ok) return result;
  return succeeded(result.value && { rows: result.value.rows, issues });
}

/** Checks a page's rows as it comes, keeping the rows left out of every page. */
function checking<S extends z.ZodType>(spec: RowSpec<S>, watch?: PageWatch<z.output<S>>) {
  const issues: RowIssue[] = [];
  const take = (raw: unknown[], more: boolean): z.output<S>[] => {
    watch?.arrived?.(raw.length, more);
    const checked = validateRows(spec.entity, spec.idField, spec.schema, raw);
    issues.push(...checked.issues);
    watch?.checked(checked.rows, more);
    return checked.rows;
  };
  return { take, issues };
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
