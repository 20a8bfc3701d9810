import { z } from 'zod';
import type { DataverseRequest } from '../transport';
import { query } from '../odata';

/**
 * The newest modifiedon in a table, any state: the platform's own clock, used as the first watermark when a
 * full load found no rows to take it from.
 */
export const latestModifiedRequest = (entitySet: string): DataverseRequest => ({
  method: 'GET',
  path: `${entitySet}${query({ $select: 'modifiedon', $orderby: 'modifiedon desc', $top: '1' })}`,
  queryKey: `latest:${entitySet}`,
});

export const LatestModifiedSchema = z.object({ value: z.array(z.object({ modifiedon: z.string() })) });
