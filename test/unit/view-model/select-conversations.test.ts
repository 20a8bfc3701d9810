import { describe, expect, it } from 'vitest';
import { createSelection, groupConversations, selectConversations } from '../../../lib/view-model/select-conversations';
import { DEFAULT_LIST_SPEC, type ListSpec } from '../../../lib/view-model/list-spec';
import { iso, makeConversation, NOW } from './fixtures';

const context = { now: NOW, locale: 'en-GB', channelLabel: (code: number) => (code === 192340000 ? 'SMS' : 'Live chat') };
const spec = (change: Partial<ListSpec>): ListSpec => ({ ...DEFAULT_LIST_SPEC, ...change });

const rows = [
  makeConversation({ id: 'long', customerName: 'Åsa', createdOn: iso(600_000), sentiment: 8 }),
  makeConversation({
    id: 'short',
    customerName: 'Bert',
    createdOn: iso(10_000),
    channels: [192340000],
    queueId: 'q-tech',
    queueName: 'Technical support',
  }),
  makeConversation({
    id: 'busy',
    customerName: 'Cecilia',
    status: 'active',
    agentId: 'a1',
    agentName: 'Anna',
    assignedOn: iso(100_000),
    firstWaitSeconds: 30,
    sentiment: 13,
  }),
  makeConversation({
    id: 'wrap',
    customerName: null,
    subject: 'Printer on fire',
    status: 'wrapup',
    agentId: 'a2',
    agentName: 'Bo',
    assignedOn: iso(50_000),
    sentiment: 0,
  }),
];
const ids = (result: { id: string }[]) => result.map((row) => row.id);

describe('selectConversations', () => {
  it('sorts by wait, longest first by default, with handled rows by their recorded first wait', () => {
    expect(ids(selectConversations(rows, DEFAULT_LIST_SPEC, context))).toEqual(['long', 'busy', 'short', 'wrap']);
  });

  it('sorts text columns with the locale’s collation and puts empty values last either way', () => {
    const byAgent = (direction: 'asc' | 'desc') => ids(selectConversations(rows, spec({ sort: { column: 'agent', direction } }), context));
    expect(byAgent('asc').slice(0, 2)).toEqual(['busy', 'wrap']);
    expect(byAgent('desc').slice(0, 2)).toEqual(['wrap', 'busy']);
    expect(byAgent('desc').slice(2).sort()).toEqual(['long', 'short']);
    expect(ids(selectConversations(rows, spec({ sort: { column: 'status', direction: 'asc' } }), context))).toEqual([
      'long',
      'short',
      'busy',
      'wrap',
    ]);
  });

  it('filters by status, queue, agent, channel and sentiment together', () => {
    const filters = { ...DEFAULT_LIST_SPEC.filters, status: ['open' as const], channel: [192340000] };
    expect(ids(selectConversations(rows, spec({ filters }), context))).toEqual(['short']);
    expect(ids(selectConversations(rows, spec({ filters: { ...DEFAULT_LIST_SPEC.filters, agent: ['a2'] } }), context))).toEqual(['wrap']);
    expect(ids(selectConversations(rows, spec({ filters: { ...DEFAULT_LIST_SPEC.filters, sentiment: [0] } }), context))).toEqual(['wrap']);
  });

  it('applies the quick filters: unassigned, negative sentiment, and waiting longest (which also sorts)', () => {
    expect(ids(selectConversations(rows, spec({ quick: ['unassigned'] }), context)).sort()).toEqual(['long', 'short']);
    expect(ids(selectConversations(rows, spec({ quick: ['negativeSentiment'] }), context))).toEqual(['long']);
    const waiting = spec({ quick: ['waitingLongest'], sort: { column: 'customer', direction: 'desc' } });
    expect(ids(selectConversations(rows, waiting, context))).toEqual(['long', 'short']);
  });

  it('searches customer, subject, agent and queue, ignoring case', () => {
    expect(ids(selectConversations(rows, spec({ search: 'PRINTER' }), context))).toEqual(['wrap']);
    expect(ids(selectConversations(rows, spec({ search: 'anna' }), context))).toEqual(['busy']);
    expect(ids(selectConversations(rows, spec({ search: 'technical' }), context))).toEqual(['short']);
  });
});

describe('groupConversations', () => {
  it('puts a heading with the count before each group, by name, and rows without a value last', () => {
    const items = groupConversations(rows, 'agent', 'None', 'en-GB');
    expect(items.map((item) => (typeof item === 'string' ? item : `# ${item.label} ${item.count}`))).toEqual([
      '# Anna 1',
      'busy',
      '# Bo 1',
      'wrap',
      '# None 2',
      'long',
      'short',
    ]);
  });
});

describe('createSelection', () => {
  const STATUSES = ['open', 'waiting', 'active', 'wrapup'] as const;
  const NAMES = ['Åsa', 'bert', 'Cecilia', 'Östen', null];
  const random = seededRandom(7);
  const pick = <T>(values: readonly T[]): T => values[Math.floor(random() * values.length)]!;
  const randomRow = (id: string, now: number) => {
    const status = pick(STATUSES);
    const agent = status === 'active' || status === 'wrapup' ? pick(['a1', 'a2', 'a3']) : null;
    return makeConversation({
      id,
      status,
      customerName: pick(NAMES),
      agentId: agent,
      agentName: agent && `Agent ${agent}`,
      assignedOn: agent && new Date(now - Math.floor(random() * 600_000)).toISOString(),
      statusUpdatedOn: new Date(now - Math.floor(random() * 600_000)).toISOString(),
      firstWaitSeconds: agent ? Math.floor(random() * 600) : null,
      queueName: pick(['Billing', 'Returns', null]),
      channels: [pick([192340000, 192360000])],
      sentiment: pick([0, 7, 10, 13]),
      transferCount: pick([0, 0, 1, 2]),
      observedAt: now - Math.floor(random() * 5_000),
    });
  };
  const specs: ListSpec[] = [
    ...(['customer', 'status', 'agent', 'queue', 'channel', 'wait', 'handle', 'sentiment', 'transfers', 'freshness'] as const).flatMap(
      (column) => (['asc', 'desc'] as const).map((direction) => spec({ sort: { column, direction } })),
    ),
    spec({ filters: { ...DEFAULT_LIST_SPEC.filters, status: ['open', 'waiting'] } }),
    spec({ quick: ['waitingLongest'] }),
    spec({ search: 'agent a2' }),
  ];

  it('moves the rows a patch touched to where a whole new sort puts them, for every column and filter, as time passes, a few or many', () => {
    for (const view of specs) {
      let now = NOW;
      let current = new Map(Array.from({ length: 300 }, (_, i) => [`c${i}`, randomRow(`c${i}`, now)]));
      const selection = createSelection();
      selection.select([...current.values()], view, { ...context, now }, null);
      for (let patch = 0; patch < 40; patch++) {
        now += Math.floor(random() * 20_000);
        const touched = new Set<string>();
        // Mostly a few rows, now and then a burst (moved in one pass rather than one by one).
        const count = patch % 5 === 4 ? 80 : 1 + Math.floor(random() * 12);
        for (let n = 0; n < count; n++) {
          const id = random() < 0.2 ? `n${patch}-${n}` : `c${Math.floor(random() * 300)}`;
          touched.add(id);
          if (random() < 0.15) current.delete(id);
          else current.set(id, randomRow(id, now));
        }
        current = new Map(current);
        const rows = [...current.values()];
        const moved = selection.select(rows, view, { ...context, now }, { ids: touched, row: (id) => current.get(id) });
        expect(ids(moved.rows), `${JSON.stringify(view.sort)} ${view.search} patch ${patch}`).toEqual(
          ids(selectConversations(rows, view, { ...context, now })),
        );
        expect(moved.ids).toEqual(ids(moved.rows));
      }
    }
  });

  it('lets a waiting row overtake a handled row’s recorded wait as the clock runs, with no patch to either', () => {
    const waiting = makeConversation({ id: 'waiting', status: 'open', statusUpdatedOn: iso(50_000) });
    const handled = makeConversation({ id: 'handled', status: 'active', agentId: 'a1', firstWaitSeconds: 60 });
    const other = makeConversation({ id: 'other', status: 'active', agentId: 'a1', firstWaitSeconds: 1 });
    const selection = createSelection();
    const first = selection.select([waiting, handled, other], DEFAULT_LIST_SPEC, context, null);
    expect(first.ids).toEqual(['handled', 'waiting', 'other']);
    const touchedOther = { ids: new Set(['other']), row: () => other };
    const later = selection.select([waiting, handled, other], DEFAULT_LIST_SPEC, { ...context, now: NOW + 20_000 }, touchedOther);
    expect(later.ids).toEqual(['waiting', 'handled', 'other']);
  });

  it('keeps the same ids array while a patch leaves the order as it was', () => {
    const selection = createSelection();
    const first = selection.select(rows, DEFAULT_LIST_SPEC, context, null);
    const renamed = rows.map((row) => (row.id === 'busy' ? { ...row, subject: 'Renamed' } : row));
    const touched = { ids: new Set(['busy']), row: (id: string) => renamed.find((row) => row.id === id) };
    const second = selection.select(renamed, DEFAULT_LIST_SPEC, context, touched);
    expect(second.ids).toBe(first.ids);
    expect(second.rows.find((row) => row.id === 'busy')?.subject).toBe('Renamed');
  });
});

function seededRandom(seed: number): () => number {
  let state = seed;
  return () => (state = (state * 16807) % 2147483647) / 2147483647;
}
