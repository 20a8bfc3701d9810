import { z } from 'zod';
import type { Queue } from '../../model/agent';
import type { DataverseRequest } from '../transport';
import { guidLiteral, GuidSchema, NullableIntSchema, query } from '../odata';

const SELECT = 'queueid,name,msdyn_queuetype';

/** The queues the user is a member of (N:N queuemembership, docs/platform.md#queues): the supervisor's scope. */
export const userQueuesRequest = (userId: string): DataverseRequest => ({
  method: 'GET',
  path: `systemusers(${guidLiteral(userId)})/queuemembership_association${query({ $select: SELECT })}`,
  queryKey: 'userQueues',
});

/** Every active omnichannel queue: targets for "assign to queue". */
export const omnichannelQueuesRequest = (): DataverseRequest => ({
  method: 'GET',
  path: `queues${query({ $select: SELECT, $filter: 'msdyn_isomnichannelqueue eq true and statecode eq 0', $orderby: 'name asc' })}`,
  queryKey: 'queues',
});

export const QueueRowSchema = z.object({
  queueid: GuidSchema,
  name: z
    .string()
    .nullable()
    .optional()
    .transform((name) => name ?? ''),
  msdyn_queuetype: NullableIntSchema,
});
export type QueueRow = z.infer<typeof QueueRowSchema>;

const QUEUE_TYPE: Readonly<Record<number, Queue['type']>> = { 192350000: 'messaging', 192350001: 'records', 192350002: 'voice' };

export function toQueue(row: QueueRow, supervised: boolean, member = supervised): Queue {
  return {
    id: row.queueid,
    name: row.name,
    type: (row.msdyn_queuetype !== null && QUEUE_TYPE[row.msdyn_queuetype]) || 'other',
    supervised,
    ...(member === supervised ? {} : { member }),
  };
}
