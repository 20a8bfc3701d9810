import { describe, expect, it } from 'vitest';
import { budgetShare, distribution, percentile, perMinute } from '../../bench/stats';
import { ChangeDelays } from '../../bench/change-delays';
import { byTable, queryOf } from '../../bench/recording-fetch';
import { formatBytes, formatMs } from '../../bench/format';

describe('bench measures', () => {
  it('takes nearest-rank percentiles and says when there are no samples', () => {
    const values = [5, 1, 4, 2, 3, 10, 9, 8, 7, 6];
    expect(percentile(values, 50)).toBe(5);
    expect(percentile(values, 95)).toBe(10);
    expect(percentile(values, 0)).toBe(1);
    expect(distribution([])).toEqual({ p50: null, p95: null, max: null, samples: 0 });
  });

  it('turns counts into per-minute rates and budget shares (6,000 requests per 5 minutes)', () => {
    expect(perMinute(10, 30_000)).toBe(20);
    expect(budgetShare(40)).toBeCloseTo(3.33, 2);
    expect(budgetShare(1_200)).toBe(100);
  });

  it('counts a change once, from its modifiedon, and only after counting starts', () => {
    const changes = new ChangeDelays();
    changes.observe('a', '2025-01-01T00:00:00.000Z', Date.parse('2025-01-01T00:00:05.000Z'));
    changes.startCounting();
    changes.observe('a', '2025-01-01T00:00:00.000Z', Date.parse('2025-01-01T00:00:09.000Z')); // same version again
    changes.observe('a', '2025-01-01T00:00:10.000Z', Date.parse('2025-01-01T00:00:12.500Z'));
    changes.observe('b', '2025-01-01T00:00:11.000Z', Date.parse('2025-01-01T00:00:12.500Z')); // a new row
    changes.observe('a', '2025-01-01T00:00:09.000Z', Date.parse('2025-01-01T00:00:13.000Z')); // older: not a change
    expect(changes.delays).toEqual([2_500, 1_500]);
  });

  it('sees every page of one query as that query, whatever order its In() ids are in', () => {
    const first = "http://127.0.0.1:1/api/data/v9.2/msdyn_ocliveworkitems?$select=a,b&$filter=Microsoft.Dynamics.CRM.In(PropertyName='q',PropertyValues=['2','1'])";
    const next = "http://127.0.0.1:1/api/data/v9.2/msdyn_ocliveworkitems?$select=a,b&$filter=Microsoft.Dynamics.CRM.In(PropertyName='q',PropertyValues=['1','2'])&$skiptoken=abc";
    const other = "http://127.0.0.1:1/api/data/v9.2/msdyn_ocliveworkitems?$select=a&$filter=Microsoft.Dynamics.CRM.In(PropertyName='q',PropertyValues=['1','2'])";
    expect(queryOf(next)).toBe(queryOf(first));
    expect(queryOf(other)).not.toBe(queryOf(first));
  });

  it('adds up requests per table, keys and navigation kept apart', () => {
    const at = 0;
    const api = 'http://127.0.0.1:1/api/data/v9.2/';
    const tables = byTable([
      { at, status: 200, ms: 1, bytes: 100, url: `${api}msdyn_ocliveworkitems?$select=a` },
      { at, status: 200, ms: 1, bytes: 50, url: `${api}msdyn_ocliveworkitems?$select=a&$skiptoken=x` },
      { at, status: 200, ms: 1, bytes: 7, url: `${api}queues(5f0f1a00-0000-4000-8000-000000000001)/queuemembership_association` },
    ]);
    expect(tables).toEqual({ msdyn_ocliveworkitems: { requests: 2, bytes: 150 }, 'queues/queuemembership_association': { requests: 1, bytes: 7 } });
  });

  it('writes durations and sizes the way the table shows them', () => {
    expect(formatMs(180)).toBe('180 ms');
    expect(formatMs(2_530)).toBe('2.5 s');
    expect(formatMs(600_000)).toBe('10 min');
    expect(formatBytes(61_440)).toBe('60.0 KB');
    expect(formatBytes(3 * 1024 * 1024)).toBe('3.0 MB');
  });
});
