import { describe, expect, it } from 'vitest';
import { compareRows, firstInOrder, type OrderKey, projectRow } from '../../../emulator/odata';
import { conversations, rows } from './fixtures';

function sorted(orderby: OrderKey[], list: Record<string, unknown>[]): unknown[] {
  return [...list].sort((a, b) => compareRows(orderby, a, b)).map((row) => row.id);
}

const people = [
  { id: 'a', name: 'bertil', score: 3, when: '2026-11-25T10:00:00Z', flag: true },
  { id: 'b', name: 'Anna', score: null, when: '2026-11-25T10:00:00.500Z', flag: false },
  { id: 'c', name: 'anna', score: 3, when: null, flag: null },
  { id: 'd', name: null, score: 1, when: '2026-11-25T09:59:59.999Z', flag: true },
  { id: 'e', name: 'Cecilia', score: 10, when: '2026-11-24T10:00:00Z', flag: false },
];

describe('compareRows', () => {
  it.each<[string, OrderKey[], string[]]>([
    ['numbers ascending, empty first', [{ column: 'score', desc: false }], ['b', 'd', 'a', 'c', 'e']],
    ['numbers descending, empty last', [{ column: 'score', desc: true }], ['e', 'a', 'c', 'd', 'b']],
    ['text without regard to case', [{ column: 'name', desc: false }], ['d', 'b', 'c', 'a', 'e']],
    ['timestamps as instants', [{ column: 'when', desc: false }], ['c', 'e', 'd', 'a', 'b']],
    ['booleans false first', [{ column: 'flag', desc: false }], ['c', 'b', 'e', 'a', 'd']],
    [
      'several keys',
      [
        { column: 'score', desc: true },
        { column: 'name', desc: false },
      ],
      ['e', 'c', 'a', 'd', 'b'],
    ],
    [
      'second key breaks ties of the first',
      [
        { column: 'flag', desc: true },
        { column: 'score', desc: false },
      ],
      ['d', 'a', 'b', 'e', 'c'],
    ],
  ])('%s', (_label, orderby, expected) => {
    expect(sorted(orderby, people)).toEqual(expected);
  });

  it('reports equal rows as equal, so a stable sort keeps their order', () => {
    expect(compareRows([{ column: 'score', desc: false }], people[0]!, people[2]!)).toBe(0);
    expect(compareRows([], people[0]!, people[1]!)).toBe(0);
  });
});

describe('firstInOrder', () => {
  // Many ties on the order keys, empty values, and a key that breaks the ties: the order a page is cut from.
  const order: OrderKey[] = [
    { column: 'score', desc: true },
    { column: 'name', desc: false },
    { column: 'id', desc: false },
  ];
  let seed = 7;
  const random = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
  const many = Array.from({ length: 500 }, (_, i) => ({
    id: `row-${String(Math.floor(random() * 1e9)).padStart(9, '0')}-${i}`,
    score: i % 11 === 0 ? null : Math.floor(random() * 7),
    name: ['anna', 'Anna', 'bertil', null][i % 4],
  }));

  it.each([1, 2, 37, 250, 499, 500, 501, 5000])('gives the first %i rows of the whole sort, in order', (count) => {
    const whole = sorted(order, many);
    expect(firstInOrder(order, [...many], count).map((row) => row.id)).toEqual(whole.slice(0, count));
  });
});

describe('projectRow', () => {
  const row = rows.sms!;

  it('returns the selected columns in select order, then the primary key', () => {
    const projected = projectRow(row, ['statuscode', 'subject'], conversations);
    expect(Object.keys(projected)).toEqual(['statuscode', 'subject', 'activityid']);
    expect(projected).toEqual({ statuscode: 1, subject: "O'Brien can't log in", activityid: row.activityid });
  });

  it('keeps the key where the client put it when it selected it', () => {
    expect(Object.keys(projectRow(row, ['activityid', 'subject'], conversations))).toEqual(['activityid', 'subject']);
  });

  it('returns empty values as null, never leaves them out', () => {
    expect(projectRow({ activityid: 'x' }, ['subject', '_msdyn_activeagentid_value'], conversations)).toEqual({
      subject: null,
      _msdyn_activeagentid_value: null,
      activityid: 'x',
    });
  });

  it('returns every column of the entity and nothing else without $select', () => {
    const projected = projectRow({ ...row, internalSecret: 1 }, undefined, conversations);
    expect(Object.keys(projected)).toEqual(Object.keys(conversations.columns));
    expect(projected).not.toHaveProperty('internalSecret');
  });
});
