import { z } from 'zod';

export const COLUMN_IDS = [
  'customer',
  'status',
  'agent',
  'queue',
  'channel',
  'wait',
  'handle',
  'sentiment',
  'transfers',
  'freshness',
] as const;
export type ColumnId = (typeof COLUMN_IDS)[number];

export const STATUSES = ['open', 'active', 'waiting', 'wrapup'] as const;
export const QUICK_FILTERS = ['waitingLongest', 'negativeSentiment', 'unassigned'] as const;
export type QuickFilter = (typeof QUICK_FILTERS)[number];
export const GROUPINGS = ['none', 'queue', 'agent'] as const;
export type Grouping = (typeof GROUPINGS)[number];

const ids = z.array(z.string().max(100)).max(200);

const FiltersSchema = z.object({
  status: z.array(z.enum(STATUSES)),
  queue: ids,
  agent: ids,
  channel: z.array(z.int()).max(50),
  sentiment: z.array(z.int()).max(10),
});
export type Filters = z.infer<typeof FiltersSchema>;

/**
 * What the conversation list shows and how: filters, sort, columns, grouping, quick filters and search. Saved
 * filters store one under a name.
 */
export const ListSpecSchema = z.object({
  filters: FiltersSchema,
  sort: z.object({ column: z.enum(COLUMN_IDS), direction: z.enum(['asc', 'desc']) }),
  columns: z.array(z.enum(COLUMN_IDS)).min(1),
  groupBy: z.enum(GROUPINGS),
  quick: z.array(z.enum(QUICK_FILTERS)),
  search: z.string().max(200),
});
export type ListSpec = z.infer<typeof ListSpecSchema>;

const NO_FILTERS: Filters = { status: [], queue: [], agent: [], channel: [], sentiment: [] };

export const DEFAULT_LIST_SPEC: ListSpec = {
  filters: NO_FILTERS,
  sort: { column: 'wait', direction: 'desc' },
  columns: [...COLUMN_IDS],
  groupBy: 'none',
  quick: [],
  search: '',
};
