import { describe, expect, it } from 'vitest';
import { compareRows, matches, parseQueryOptions } from '../../../emulator/odata';
import { conversations, schemaOf } from './fixtures';

/** A busy org's worth of conversations, built deterministically. */
function busyRows(count: number): Record<string, unknown>[] {
  const channels = ['192360000', '192340000', '192370000', '192350000,192360000'];
  return Array.from({ length: count }, (_, i) => ({
    activityid: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
    subject: `Conversation ${i}`,
    statecode: i % 10 === 0 ? 1 : 0,
    statuscode: (i % 5) + 1,
    msdyn_channel: channels[i % channels.length],
    _msdyn_activeagentid_value: i % 3 === 0 ? null : `00000000-0000-4000-9000-${String(i % 2000).padStart(12, '0')}`,
    _msdyn_cdsqueueid_value: `00000000-0000-4000-a000-00000000000${i % 5}`,
    createdon: new Date(Date.UTC(2026, 10, 25, 8) + i * 1000).toISOString(),
    msdyn_transfercount: i % 4,
  }));
}

describe('a busy org’s size', () => {
  it('filters and sorts 10,000 rows: the open ones that are live chat or unassigned, unassigned first', () => {
    const data = busyRows(10_000);
    const options = parseQueryOptions(
      new URLSearchParams(
        "$filter=statecode eq 0 and (Microsoft.Dynamics.CRM.ContainValues(PropertyName='msdyn_channel'," +
          "PropertyValues=['192360000']) or _msdyn_activeagentid_value eq null) and createdon ge 2026-11-25T08:00:00Z" +
          '&$orderby=_msdyn_activeagentid_value asc,createdon desc',
      ),
      conversations,
      schemaOf,
    );
    const result = data.filter((row) => matches(options.filter, row)).sort((a, b) => compareRows(options.orderby ?? [], a, b));

    // Open (i % 10 ≠ 0) and either live chat (i % 4 is 0 or 3) or unassigned (i % 3 = 0).
    const expected = data.filter((_, i) => i % 10 !== 0 && (i % 4 === 0 || i % 4 === 3 || i % 3 === 0)).length;
    expect(result).toHaveLength(expected);
    expect(result[0]?._msdyn_activeagentid_value).toBeNull();
    expect(result.at(-1)?._msdyn_activeagentid_value).not.toBeNull();
  });
});
