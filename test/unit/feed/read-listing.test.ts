import { describe, expect, it } from 'vitest';
import type { DataverseRequest, DataverseTransport } from '../../../lib/dataverse/transport';
import { readListing } from '../../../lib/feed/read-reconcile';
import { platform, USER } from './fake-org';
import { id, session } from './fixtures';

const participant = (n: number) => id(20_000 + n);
const ok = (body: unknown) => ({ ok: true as const, status: 200, headers: {}, body });

/** The fake org, with `count` active participants (participant n in session n); what was asked of them is kept. */
function org(count: number) {
  const { transport } = platform();
  const asked: string[] = [];
  const withParticipants: DataverseTransport = {
    org: transport.org,
    async send(request: DataverseRequest) {
      const path = decodeURIComponent(request.path);
      if (!path.startsWith('msdyn_sessionparticipants')) return transport.send(request);
      asked.push(path);
      const all = Array.from({ length: count }, (_, n) => n);
      if (path.includes('$select=msdyn_sessionparticipantid&'))
        return ok({ value: all.map((n) => ({ '@odata.etag': 'W/"1"', msdyn_sessionparticipantid: participant(n) })) });
      const wanted = path.includes('In(') ? all.filter((n) => path.includes(participant(n))) : all;
      return ok({
        value: wanted.map((n) => ({ msdyn_sessionparticipantid: participant(n), _msdyn_omnichannelsession_value: session(n) })),
      });
    },
  };
  return { transport: withParticipants, asked };
}

describe('readListing: participants', () => {
  it('lists ids and versions, and asks by id only for the sessions it does not know', async () => {
    const { transport, asked } = org(300);
    // Participants 0–249 are known (held, or listed by the last reconcile); 250–299 are not.
    const listing = await readListing(transport, USER, (p) => {
      const n = Number(p.slice(-5)) - 20_000;
      return n < 250 ? session(n) : undefined;
    });
    if (!listing.ok) throw new Error(listing.failure.message);
    expect(listing.value.participants).toHaveLength(300);
    expect(listing.value.participants[260]).toEqual({ id: participant(260), etag: 'W/"1"', session: session(260) });
    expect(listing.value.participants[10]!.session).toBe(session(10));
    const byId = asked.filter((path) => path.includes('In('));
    expect(byId).toHaveLength(1);
    expect(byId[0]).toContain(participant(299));
    expect(byId[0]).not.toContain(participant(10));
  });

  it('reads the org’s participants with their sessions once when too many are unknown to ask for by id', async () => {
    const { transport, asked } = org(1_200);
    const listing = await readListing(transport, USER, () => undefined);
    if (!listing.ok) throw new Error(listing.failure.message);
    expect(listing.value.participants.map((row) => row.session)).toEqual(Array.from({ length: 1_200 }, (_, n) => session(n)));
    expect(asked).toHaveLength(2);
    expect(asked.some((path) => path.includes('In('))).toBe(false);
  });
});
