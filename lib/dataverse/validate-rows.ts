import type { z } from 'zod';
import type { RowIssue } from '../model/feed-state';

/** What a read of many rows brings besides its value: the rows it left out, and why. */
export type WithIssues<T> = T & { issues: RowIssue[] };
export type Rows<T> = WithIssues<{ rows: T[] }>;

/**
 * Validate each row on its own: a row that fails is reported (entity, id, first failing field) and left out; the
 * rest go on. One bad row must never break the whole list.
 */
export function validateRows<S extends z.ZodType>(entity: string, idField: string, schema: S, raw: readonly unknown[]): Rows<z.output<S>> {
  const rows: z.output<S>[] = [];
  const issues: RowIssue[] = [];
  for (const item of raw) {
    const parsed = schema.safeParse(item);
    if (parsed.success) {
      rows.push(parsed.data);
      continue;
    }
    const issue = parsed.error.issues[0];
    const id = (item as Record<string, unknown> | null)?.[idField];
    issues.push({
      entity,
      id: typeof id === 'string' ? id : null,
      field: issue?.path.map(String).join('.') || '(row)',
      message: issue?.message ?? 'invalid',
    });
  }
  return { rows, issues };
}
