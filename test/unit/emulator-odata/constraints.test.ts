import { describe, expect, it } from 'vitest';
import { constraintsOf, mayMatchWithin, normalize, parseFilter, valueKindOf, matches } from '../../../emulator/odata';
import { AGENT, conversations, QUEUE, rows } from './fixtures';

const of = (filter: string) => constraintsOf(parseFilter(filter, conversations));
const norm = (column: string, value: unknown) => normalize(value, valueKindOf(conversations.columns[column]!))!;
const within = (filter: string, column: string, min: unknown, max: unknown) =>
  mayMatchWithin(of(filter), column, norm(column, min), norm(column, max));

describe('what a filter demands of single columns', () => {
  it('rules out a range the filter cannot match, and keeps one it can', () => {
    expect(within('statecode eq 0', 'statecode', 1, 1)).toBe(false);
    expect(within('statecode eq 0', 'statecode', 0, 1)).toBe(true);
    expect(within('modifiedon ge 2026-03-01T00:00:00Z', 'modifiedon', '2025-01-01T00:00:00Z', '2026-02-28T23:59:59Z')).toBe(false);
    expect(within('modifiedon ge 2026-03-01T00:00:00Z', 'modifiedon', '2025-01-01T00:00:00Z', '2026-03-01T00:00:00Z')).toBe(true);
    expect(within('modifiedon gt 2026-03-01T00:00:00Z', 'modifiedon', '2025-01-01T00:00:00Z', '2026-03-01T00:00:00Z')).toBe(false);
    expect(within('2026-03-01T00:00:00Z lt modifiedon', 'modifiedon', '2025-01-01T00:00:00Z', '2026-03-01T00:00:00Z')).toBe(false);
    expect(within('versionnumber le 10 and versionnumber gt 5', 'versionnumber', 11, 20)).toBe(false);
    expect(within('versionnumber le 10 and versionnumber gt 5', 'versionnumber', 1, 5)).toBe(false);
    expect(within('versionnumber le 10 and versionnumber gt 5', 'versionnumber', 1, 6)).toBe(true);
  });

  it('reads equality from eq and In, only at the top level of an and', () => {
    expect([...of(`statecode eq 0 and _msdyn_cdsqueueid_value eq ${QUEUE}`).equals.keys()].sort()).toEqual([
      '_msdyn_cdsqueueid_value',
      'statecode',
    ]);
    expect([...of("Microsoft.Dynamics.CRM.In(PropertyName='statuscode',PropertyValues=['1','2'])").equals.get('statuscode')!]).toEqual([
      1, 2,
    ]);
    expect(of('statecode eq 0 or statecode eq 1').equals.size).toBe(0);
    expect(of('not (statecode eq 0)').equals.size).toBe(0);
    expect(of('statecode ne 0').equals.size + of('statecode ne 0').ranges.size).toBe(0);
    expect(of('statecode eq null').equals.size).toBe(0);
  });

  it('never rules out a row the filter matches', () => {
    const filters = [
      'statecode eq 0',
      'statecode eq 0 and modifiedon ge 2026-03-01T09:00:00Z',
      'msdyn_transfercount gt 0 and msdyn_transfercount le 2',
      `_msdyn_activeagentid_value eq ${AGENT} and statecode eq 0`,
      'versionnumber ge 1002',
      "subject eq 'Billing question' or statecode eq 1",
      "Microsoft.Dynamics.CRM.In(PropertyName='statuscode',PropertyValues=['1','2','4']) and createdon lt 2030-01-01T00:00:00Z",
    ];
    for (const filter of filters) {
      const constraints = of(filter);
      for (const row of Object.values(rows)) {
        if (!matches(parseFilter(filter, conversations), row)) continue;
        for (const column of [...constraints.equals.keys(), ...constraints.ranges.keys()]) {
          const value = norm(column, row[column]);
          expect(mayMatchWithin(constraints, column, value, value), `${filter}: ${column}`).toBe(true);
        }
      }
    }
  });
});
