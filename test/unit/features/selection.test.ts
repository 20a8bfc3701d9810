import { describe, expect, it } from 'vitest';
import { createBulkSelection } from '../../../lib/features/bulk-actions/selection';

const order = ['a', 'b', 'c', 'd', 'e'];
const ids = (s: ReturnType<typeof createBulkSelection>) => [...s.ids.value].sort();

describe('bulk selection', () => {
  it('ctrl-click toggles one row and keeps the rest', () => {
    const s = createBulkSelection();
    s.pick('b', { range: false, toggle: true }, order);
    s.pick('d', { range: false, toggle: true }, order);
    expect(ids(s)).toEqual(['b', 'd']);
    s.pick('b', { range: false, toggle: true }, order);
    expect(ids(s)).toEqual(['d']);
  });

  it('shift-click selects the range from the anchor in list order, either direction', () => {
    const s = createBulkSelection();
    s.pick('d', { range: false, toggle: true }, order);
    s.pick('b', { range: true, toggle: false }, order);
    expect(ids(s)).toEqual(['b', 'c', 'd']);
    s.extendTo('e', order);
    expect(ids(s)).toEqual(['b', 'c', 'd', 'e']);
  });

  it('shift-click without an anchor selects just that row', () => {
    const s = createBulkSelection();
    s.pick('c', { range: true, toggle: false }, order);
    expect(ids(s)).toEqual(['c']);
  });

  it('select all matching takes exactly the listed rows; clear empties', () => {
    const s = createBulkSelection();
    s.toggle('z');
    s.selectAll(['a', 'c']);
    expect(ids(s)).toEqual(['a', 'c']);
    s.clear();
    expect(s.ids.value.size).toBe(0);
  });

  it('prunes rows that left the feed, keeping the set identity when nothing left', () => {
    const s = createBulkSelection();
    s.selectAll(['a', 'b', 'c']);
    const before = s.ids.value;
    s.prune(new Set(order));
    expect(s.ids.value).toBe(before);
    s.prune(new Set(['a', 'c']));
    expect(ids(s)).toEqual(['a', 'c']);
  });
});
