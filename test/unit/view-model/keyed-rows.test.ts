import { effect } from '@preact/signals';
import { describe, expect, it } from 'vitest';
import { createKeyedRows, followRows } from '../../../lib/view-model/keyed-rows';

interface Row {
  id: string;
  n: number;
}
const row = (id: string, n = 0): Row => ({ id, n });

describe('KeyedRows', () => {
  it('keeps every row’s current value in id order through arrivals, changes and departures', () => {
    const rows = createKeyedRows<Row>();
    rows.replace([row('a'), row('b'), row('c')]);
    rows.upsert([row('b', 1), row('d')], ['a']);
    expect(rows.all.value).toEqual([row('b', 1), row('c'), row('d')]);
    expect(rows.ids.value).toEqual(['b', 'c', 'd']);
    rows.upsert([row('c', 2)], []);
    expect(rows.all.value).toEqual([row('b', 1), row('c', 2), row('d')]);
    rows.upsert([row('e')], ['c', 'd']);
    rows.upsert([row('b', 3)], []);
    expect(rows.all.value).toEqual([row('b', 3), row('e')]);
    expect(rows.row('e')!.value).toEqual(row('e'));
    expect(rows.row('c')).toBeUndefined();
  });

  it('keeps rows and places right when many leave at once, some change after them, and new ones arrive', () => {
    const rows = createKeyedRows<Row>();
    rows.replace(Array.from({ length: 100 }, (_, n) => row(`r${n}`)));
    const leaving = Array.from({ length: 40 }, (_, n) => `r${n * 2}`);
    rows.upsert([row('r81', 1), row('r99', 2), row('x')], leaving);
    const expected = [
      ...Array.from({ length: 100 }, (_, n) => row(`r${n}`, n === 81 ? 1 : n === 99 ? 2 : 0)).filter((r) => !leaving.includes(r.id)),
      row('x'),
    ];
    expect(rows.all.value).toEqual(expected);
    expect(rows.ids.value).toEqual(expected.map((r) => r.id));
    // The places are still right for the next change: a few leave, one changes after them.
    rows.upsert([row('r97', 3)], ['r1', 'r3']);
    expect(rows.all.value).toEqual(expected.filter((r) => r.id !== 'r1' && r.id !== 'r3').map((r) => (r.id === 'r97' ? row('r97', 3) : r)));
  });

  it('publishes nothing when a patch or snapshot changes nothing', () => {
    const rows = createKeyedRows<Row>();
    rows.replace([row('a'), row('b')]);
    let published = 0;
    const stop = effect(() => void (rows.all.value, published++));
    rows.upsert([row('a')], ['gone']);
    rows.replace([row('a'), row('b')]);
    expect(published).toBe(1);
    stop();
  });

  it('names the rows touched between two values of the list, however many patches apart', () => {
    const rows = createKeyedRows<Row>();
    rows.replace([row('a'), row('b'), row('c')]);
    const start = rows.all.value;
    rows.upsert([row('a', 1)], []);
    const middle = rows.all.value;
    rows.upsert([row('d'), row('b')], ['c']);
    const end = rows.all.value;
    expect([...rows.touchedBetween(start, middle)!]).toEqual(['a']);
    expect([...rows.touchedBetween(middle, end)!].sort()).toEqual(['c', 'd']);
    expect([...rows.touchedBetween(start, end)!].sort()).toEqual(['a', 'c', 'd']);
    expect(rows.touchedBetween(end, end)!.size).toBe(0);
  });

  it('says it does not know when the two values are too far apart, backwards or not its own', () => {
    const rows = createKeyedRows<Row>();
    rows.replace([row('a')]);
    const start = rows.all.value;
    for (let n = 1; n <= 40; n++) rows.upsert([row('a', n)], []);
    expect(rows.touchedBetween(start, rows.all.value)).toBeNull();
    const recent = rows.all.value;
    rows.upsert([row('a', 99)], []);
    expect(rows.touchedBetween(rows.all.value, recent)).toBeNull();
    expect(rows.touchedBetween([row('a')], rows.all.value)).toBeNull();
  });

  it('gives a reader the rows touched since its own last read, with their values now', () => {
    const rows = createKeyedRows<Row>();
    rows.replace([row('a'), row('b')]);
    const read = followRows(rows);
    expect(read().touched).toBeNull();
    rows.upsert([row('a', 1)], []);
    rows.upsert([row('c')], ['b']);
    const { all, touched } = read();
    expect(all).toBe(rows.all.value);
    expect([...touched!.ids].sort()).toEqual(['a', 'b', 'c']);
    expect(touched!.row('a')).toEqual(row('a', 1));
    expect(touched!.row('b')).toBeUndefined();
    expect(read().touched!.ids.size).toBe(0);
  });
});
