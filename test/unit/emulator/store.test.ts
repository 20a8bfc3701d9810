// @vitest-environment node
/** The store's archive partition and equality indexes: cheaper reads that never change what a query returns. */
import { describe, expect, it } from 'vitest';
import { constraintsOf, parseFilter } from '../../../emulator/odata';
import { conversations, sessionparticipants } from '../../../emulator/schema/tables';
import { Store } from '../../../emulator/world/store';

const at = '2026-03-02T10:00:00.000Z';
const where = (filter: string) => constraintsOf(parseFilter(filter, conversations.schema));
const ids = (rows: Iterable<Record<string, unknown>>) => [...rows].map((r) => String(r.activityid)).sort();
const id = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

function storeWithHistory(): Store {
  const store = new Store(() => new Date(at));
  store.insert('msdyn_ocliveworkitems', { activityid: id(1), statecode: 0, modifiedon: at });
  store.archiving(() => {
    store.insert('msdyn_ocliveworkitems', { activityid: id(2), statecode: 1, modifiedon: '2025-12-01T00:00:00.000Z' });
    store.insert('msdyn_ocliveworkitems', { activityid: id(3), statecode: 1, modifiedon: '2026-01-01T00:00:00.000Z' });
  });
  return store;
}

describe('archive', () => {
  it('holds rows like any other, but reads that rule its range out skip it', () => {
    const store = storeWithHistory();
    expect(store.count('msdyn_ocliveworkitems')).toBe(3);
    expect(store.get('msdyn_ocliveworkitems', id(2))).toMatchObject({ statecode: 1 });
    expect(ids(store.candidates('msdyn_ocliveworkitems', where('statecode eq 0')))).toEqual([id(1)]);
    expect(ids(store.candidates('msdyn_ocliveworkitems', where('modifiedon ge 2026-02-01T00:00:00Z')))).toEqual([id(1)]);
    expect(ids(store.candidates('msdyn_ocliveworkitems', where('modifiedon ge 2025-12-15T00:00:00Z')))).toEqual([id(1), id(2), id(3)]);
    expect(ids(store.candidates('msdyn_ocliveworkitems', where('statecode eq 1')))).toEqual([id(1), id(2), id(3)]);
    expect(ids(store.candidates('msdyn_ocliveworkitems', where('statecode eq 0 or statecode eq 1')))).toEqual([id(1), id(2), id(3)]);
  });

  it('moves a row that changes to the live partition, so an ongoing read sees it', () => {
    const store = storeWithHistory();
    store.update('msdyn_ocliveworkitems', id(2), { statecode: 0 });
    expect(ids(store.candidates('msdyn_ocliveworkitems', where('statecode eq 0')))).toEqual([id(1), id(2)]);
    expect(store.remove('msdyn_ocliveworkitems', id(3))).toBe(true);
    expect(store.count('msdyn_ocliveworkitems')).toBe(2);
  });
});

describe('indexes', () => {
  it('find rows by an indexed column and follow updates and removals', () => {
    const store = new Store(() => new Date(at));
    const column = '_msdyn_omnichannelsession_value';
    expect(sessionparticipants.indexed).toContain(column);
    const insert = (n: number, session: string) =>
      store.insert('msdyn_sessionparticipants', { msdyn_sessionparticipantid: id(n), [column]: session });
    insert(1, id(100));
    insert(2, id(100));
    insert(3, id(200));
    const of = (session: string) =>
      store.lookup('msdyn_sessionparticipants', column, session.toUpperCase()).map((r) => r.msdyn_sessionparticipantid);
    expect(of(id(100))).toEqual([id(1), id(2)]);
    store.update('msdyn_sessionparticipants', id(2), { [column]: id(200) });
    store.remove('msdyn_sessionparticipants', id(3));
    expect(of(id(100))).toEqual([id(1)]);
    expect(of(id(200))).toEqual([id(2)]);
    const inFilter = constraintsOf(
      parseFilter(
        `Microsoft.Dynamics.CRM.In(PropertyName='msdyn_omnichannelsession',PropertyValues=['${id(100)}','${id(200)}'])`,
        sessionparticipants.schema,
      ),
    );
    expect([...store.candidates('msdyn_sessionparticipants', inFilter)].map((r) => r.msdyn_sessionparticipantid).sort()).toEqual([
      id(1),
      id(2),
    ]);
  });
});
