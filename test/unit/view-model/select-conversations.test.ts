import { describe, expect, it } from 'vitest';
import { groupConversations, selectConversations } from '../../../lib/view-model/select-conversations';
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
    expect(items.map((item) => (item.kind === 'group' ? `# ${item.label} ${item.count}` : item.id))).toEqual([
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
