import { describe, expect, it } from 'vitest';
import type { DataverseRequest, DataverseTransport } from '../../../lib/dataverse/transport';
import { readAgents, Reader } from '../../../lib/feed/read-full';
import { id } from './fixtures';

const queue = (n: number) => id(5_000 + n);
const member = (n: number, extra: Record<string, unknown> = {}) => ({
  systemuserid: id(n),
  fullname: `Agent ${n}`,
  msdyn_botapplicationid: null,
  isdisabled: false,
  ...extra,
});
const MEMBERS = 'queuemembership_association';

/**
 * An org whose queue n has agents n and n + 1 (so most agents are in two queues). `cut` queues answer the expanded
 * read with a next link on their members, `missing` ones are left out of it; both are there one by one.
 */
function org(options: { cut?: number[]; missing?: number[]; members?: (n: number) => unknown[] } = {}) {
  const sent: string[] = [];
  const membersOf = options.members ?? ((n: number) => [member(n), member(n + 1)]);
  const transport: DataverseTransport = {
    org: 'https://contoso.crm4.dynamics.com',
    async send(request: DataverseRequest) {
      const path = decodeURIComponent(request.path);
      sent.push(path);
      const ok = (body: unknown) => ({ ok: true as const, status: 200, headers: {}, body });
      const n = (queueId: string) => Number(queueId.slice(-4)) - 5_000;
      const one = /^queues\(([^)]+)\)\/queuemembership_association/.exec(path);
      if (one) return ok({ value: membersOf(n(one[1]!)) });
      if (path.startsWith('queues?')) {
        const ids = [...path.matchAll(/'([0-9a-f-]{36})'/g)].map((match) => match[1]!);
        const rows = ids
          .filter((queueId) => !options.missing?.includes(n(queueId)))
          .map((queueId) =>
            options.cut?.includes(n(queueId))
              ? { queueid: queueId, [MEMBERS]: membersOf(n(queueId)).slice(0, 1), [`${MEMBERS}@odata.nextLink`]: 'queues(x)/next' }
              : { queueid: queueId, [MEMBERS]: membersOf(n(queueId)) },
          );
        return ok({ value: rows });
      }
      return ok({ value: [] });
    },
  };
  return { transport, sent };
}

const queues = (count: number) => Array.from({ length: count }, (_, n) => queue(n));
const membersRequests = (sent: string[]) => sent.filter((path) => path.includes(MEMBERS));

describe('reading the agents of the supervised queues', () => {
  it('reads the members of 60 queues in two requests, each agent once with all their queues', async () => {
    const { transport, sent } = org();
    const read = await readAgents(new Reader(transport), queues(60));
    expect(membersRequests(sent)).toHaveLength(2);
    const members = read.ok ? read.value.members : [];
    expect(members).toHaveLength(61);
    expect(members.find((agent) => agent.id === id(1))).toMatchObject({ name: 'Agent 1', queueIds: [queue(0), queue(1)] });
  });

  it('reads a queue alone when its members did not all come expanded, or the queue did not come at all', async () => {
    const { transport, sent } = org({ cut: [3], missing: [7] });
    const read = await readAgents(new Reader(transport), queues(10));
    const members = read.ok ? read.value.members : [];
    expect(membersRequests(sent).filter((path) => path.startsWith('queues('))).toEqual([
      `queues(${queue(3)})/${MEMBERS}?$select=systemuserid,fullname,msdyn_botapplicationid,isdisabled`,
      `queues(${queue(7)})/${MEMBERS}?$select=systemuserid,fullname,msdyn_botapplicationid,isdisabled`,
    ]);
    expect(members.find((agent) => agent.id === id(4))?.queueIds).toEqual([queue(3), queue(4)]);
    expect(members.find((agent) => agent.id === id(8))?.queueIds).toEqual([queue(7), queue(8)]);
  });

  it('leaves out a malformed or disabled member with the reason, and keeps the others', async () => {
    const { transport } = org({ members: (n) => [member(n), member(100 + n, { isdisabled: true }), { systemuserid: 'nope' }] });
    const reader = new Reader(transport);
    const read = await readAgents(reader, queues(2));
    expect(read.ok && read.value.members.map((agent) => agent.id)).toEqual([id(0), id(1)]);
    expect(reader.issues).toEqual([
      expect.objectContaining({ entity: 'systemuser', field: 'systemuserid' }),
      expect.objectContaining({ entity: 'systemuser', field: 'systemuserid' }),
    ]);
  });
});
