import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { discoverContract } from '../../../lib/discovery/discover-contract';
import { decideTracking, TRACKING_ROW_LIMIT } from '../../../lib/discovery/tracking-decision';
import { whoAmIRequest, WhoAmISchema } from '../../../lib/dataverse/operations/who-am-i';
import { readOne } from '../../../lib/dataverse/read';
import { readFull, replaceAll } from '../feed/fixtures';
import { LivePicture } from '../../../lib/feed/live-picture';
import { readChanges } from '../../../lib/feed/read-changes';
import type { DataverseTransport } from '../../../lib/dataverse/transport';
import { emulatedOrg, type EmulatedOrg } from './emulated-org';

/** Each variant of the emulator is an org read differently from ours; the product must find out which, by asking it. */
let org: EmulatedOrg | undefined;
afterEach(() => {
  void org?.emulator.close();
  org = undefined;
});

async function userId(transport: DataverseTransport): Promise<string> {
  const who = await readOne(transport, whoAmIRequest(), WhoAmISchema);
  if (!who.ok) throw new Error(who.failure.message);
  return who.value.UserId;
}

describe('discovering the org contract', () => {
  it('reads an unbound, renamed contract from customapis', async () => {
    org = await emulatedOrg('unbound-renamed');
    const found = await discoverContract(org.transport, org.readMetadata);
    expect(found.source).toBe('customapis');
    expect(found.contract.assumed).toBeNull();
    expect(found.contract.apis.CCaaS_AssignConversation).toMatchObject({
      binding: 'unbound',
      parameters: { conversation: 'ConversationId', agent: 'TargetAgentId', queue: null },
      apiVersion: true,
    });
    expect(found.contract.apis.CCaaS_InitiateQueueAssignment?.parameters.queue).toBe('TargetQueueId');
  });

  it('falls back to $metadata where customapis may not be read, and sees no ApiVersion there', async () => {
    org = await emulatedOrg('locked-down');
    const found = await discoverContract(org.transport, org.readMetadata);
    expect(found.source).toBe('metadata');
    expect(found.evidence[0]).toMatchObject({ ok: false, status: 403 });
    expect(found.contract.apis.CCaaS_AssignConversation).toMatchObject({
      binding: 'bound',
      parameters: { agent: 'AgentUserId' },
      apiVersion: false,
    });
    expect(found.contract.apis.CCaaS_InitiateQueueAssignment?.parameters.queue).toBe('DestinationQueueId');
  });

  it('names the parameter it cannot fill and offers no assign shape it would have to guess', async () => {
    org = await emulatedOrg('assign-unmappable');
    const found = await discoverContract(org.transport, org.readMetadata);
    expect(found.contract.apis.CCaaS_AssignConversation?.unmapped).toEqual(['RoutingToken']);
    expect(found.contract.apis.CCaaS_AssignConversation?.parameters.agent).toBeNull();
    expect(found.contract.apis.CCaaS_ForceCloseConversation?.unmapped).toEqual([]);
  });
});

describe('change tracking, decided before the first tracked read', () => {
  it('is not used where the table does not track changes', async () => {
    org = await emulatedOrg('default');
    const probe = await decideTracking(org.transport, 0, null);
    expect(probe.decision).toMatchObject({ use: false, reason: 'notEnabled' });
  });

  it('is used where tracking is on and the history is small', async () => {
    org = await emulatedOrg('default');
    await org.control('config', { changeTracking: true });
    const probe = await decideTracking(org.transport, 0, null);
    expect(probe.decision).toMatchObject({ use: true, reason: 'bounded' });
  });
});

/** Seeding 100,000 closed conversations takes a while: one legacy-free org for every test that reads it. */
describe('a legacy-free org', () => {
  let large: EmulatedOrg;
  beforeAll(async () => {
    large = await emulatedOrg('legacy-free');
  }, 180_000);
  afterAll(() => large.emulator.close());

  it('is not followed by change tracking: the first read would return every one of a long history', async () => {
    const probe = await decideTracking(large.transport, 0, null);
    expect(probe.decision?.use).toBe(false);
    expect(probe.decision?.reason).toBe('tooLarge');
    expect(probe.decision?.rows).toBeGreaterThan(TRACKING_ROW_LIMIT);
  }, 60_000);

  it('shows each agent\u2019s units of each capacity profile on a profile org, and what a conversation takes of them', async () => {
    const load = await readFull(large.transport, await userId(large.transport));
    if (!load.ok) throw new Error(load.failure.message);
    expect(load.value.profiles?.readable).toBe(true);
    const picture = new LivePicture();
    replaceAll(picture, load.value, Date.now());
    const agents = picture.agentList().filter((a) => !a.isBot);
    expect(agents.length).toBeGreaterThan(0);
    for (const agent of agents) {
      expect(agent.capacityModel).toBe('profiles');
      expect(agent.capacityFree).toBeNull();
      expect(agent.capacityProfiles?.length).toBeGreaterThan(0);
    }
    const withWorkstream = picture.conversationList().filter((c) => c.workstreamId);
    expect(withWorkstream.length).toBeGreaterThan(0);
    for (const c of withWorkstream) expect(c.capacityModel).toBe('profiles');
    // The free units shown are the platform's own figure for that profile.
    const agent = agents[0]!;
    const profile = agent.capacityProfiles![0]!;
    expect(
      load.value.profiles?.units.find((u) => u._msdyn_agentid_value === agent.id && u._msdyn_capacityprofileid_value === profile.profileId)
        ?.msdyn_availablecapacityprofileunits,
    ).toBe(profile.free);
  }, 60_000);

  it('says capacity is unknown, not a unit figure, where the profiles cannot be read', async () => {
    const inner = large.transport;
    // A user without read privilege on the profile units: the platform answers 403.
    const refusing: DataverseTransport = {
      org: inner.org,
      send: (request) =>
        request.path.startsWith('msdyn_agentcapacityprofileunits')
          ? Promise.resolve({
              ok: false,
              kind: 'http',
              status: 403,
              code: '0x80040220',
              message: 'Principal user is missing prvReadmsdyn_agentcapacityprofileunit privilege',
              retryAt: null,
            })
          : inner.send(request),
    };
    const load = await readFull(refusing, await userId(inner));
    if (!load.ok) throw new Error(load.failure.message);
    const picture = new LivePicture();
    replaceAll(picture, load.value, Date.now());
    for (const agent of picture.agentList()) {
      expect(agent.capacityModel).toBe('unknown');
      expect(agent.capacityFree).toBeNull();
    }
    for (const c of picture.conversationList().filter((c) => c.workstreamId)) expect(c.capacityModel).toBe('unknown');
  }, 60_000);

  it('reads no more than 5,000 conversations in any answer, and participants only of the sessions on screen', async () => {
    const inner = large.transport;
    const answered: Array<{ path: string; rows: number }> = [];
    const counting: DataverseTransport = {
      org: inner.org,
      send: async (request) => {
        const outcome = await inner.send(request);
        const value = outcome.ok ? (outcome.body as { value?: unknown[] } | null)?.value : undefined;
        answered.push({ path: request.path, rows: Array.isArray(value) ? value.length : 0 });
        return outcome;
      },
    };
    await decideTracking(counting, 0, null);
    const load = await readFull(counting, await userId(inner));
    expect(load.ok).toBe(true);
    const conversationReads = answered.filter((a) => a.path.startsWith('msdyn_ocliveworkitems'));
    expect(conversationReads.length).toBeGreaterThan(0);
    for (const read of conversationReads) expect(read.rows).toBeLessThanOrEqual(5_000);
    const participantReads = answered.filter((a) => a.path.startsWith('msdyn_sessionparticipants'));
    for (const read of participantReads) expect(decodeURIComponent(read.path)).toMatch(/_msdyn_omnichannelsession_value/);
  }, 60_000);
});

describe('capacity on a unit org', () => {
  it('keeps unit capacity, with no profile read', async () => {
    org = await emulatedOrg('default');
    const load = await readFull(org.transport, await userId(org.transport));
    if (!load.ok) throw new Error(load.failure.message);
    expect(load.value.profiles).toBeNull();
    expect(org.transport.sent.some((r) => r.path.includes('capacityprofile'))).toBe(false);
    const picture = new LivePicture();
    replaceAll(picture, load.value, Date.now());
    expect(picture.agentList().some((a) => a.capacityFree !== null && a.capacityModel === undefined)).toBe(true);
  });
});

describe('capacity profiles followed as work is taken', () => {
  it('shows an agent\u2019s new free units of a profile after the next status read', async () => {
    org = await emulatedOrg('default');
    await org.control('config', { capacityModel: 'profiles' });
    const user = await userId(org.transport);
    const load = await readFull(org.transport, user);
    if (!load.ok) throw new Error(load.failure.message);
    const picture = new LivePicture();
    replaceAll(picture, load.value, Date.now());
    const agent = picture.agentList().find((a) => (a.capacityProfiles ?? []).some((p) => (p.free ?? 0) > 0))!;
    const profile = agent.capacityProfiles!.find((p) => (p.free ?? 0) > 0)!;
    const unit = load.value.profiles!.units.find(
      (u) => u._msdyn_agentid_value === agent.id && u._msdyn_capacityprofileid_value === profile.profileId,
    )!;
    await org.control(`rows/msdyn_agentcapacityprofileunits/${unit.msdyn_agentcapacityprofileunitid}`, {
      set: { msdyn_availablecapacityprofileunits: 0 },
    });
    const changes = await readChanges(
      org.transport,
      picture.watermarks,
      false,
      { participants: false, statuses: true, deep: false },
      picture.profileTables(),
    );
    if (!changes.ok) throw new Error(changes.failure.message);
    const delta = picture.applyProfileUnits(changes.value.units, Date.now());
    const after = delta.upsert.find((a) => a.id === agent.id);
    expect(after?.capacityProfiles?.find((p) => p.profileId === profile.profileId)?.free).toBe(0);
  });
});
