import type { z } from 'zod';
import type { RowIssue } from '../model/feed-state';

export interface ValidatedRows<T> {
  rows: T[];
  issues: RowIssue[];
}

/**
 * Validate each row on its own: a row that fails is reported (entity, id, first failing field) and left out; the
 * rest go on. One bad row must never break the whole list.
 */
export function validateRows<S extends z.ZodType>(entity: string, idField: string, schema: S, raw: readonly unknown[]): ValidatedRows<z.output<S>> {
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
