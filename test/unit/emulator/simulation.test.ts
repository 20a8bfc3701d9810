// @vitest-environment node
import { afterEach, describe, expect, it } from 'vitest';
import type { Emulator } from '../../../emulator';
import { SOFIA } from '../../../emulator/personas';
import { control, conversations, emulator, signIn } from './helpers';

let e: Emulator;
let other: Emulator | undefined;
afterEach(async () => {
  await e?.close();
  await other?.close();
});

const fingerprint = (em: Emulator) =>
  [...em.world.store.rows('msdyn_ocliveworkitems')]
    .map((r) => `${String(r.activityid)}|${String(r.statuscode)}|${String(r._msdyn_activeagentid_value)}|${String(r.modifiedon)}`)
    .join('\n');

describe('the seeded world', () => {
  it('same seed and start time, same world; another seed, another world', () => {
    e = emulator({ seed: 7 });
    other = emulator({ seed: 7 });
    expect(fingerprint(e)).toBe(fingerprint(other));
    const third = emulator({ seed: 8 });
    expect(fingerprint(third)).not.toBe(fingerprint(e));
  });

  it('typical: about 60 ongoing over 5 queues, 25 agents, every channel kind, an AI agent per queue', () => {
    e = emulator();
    const ongoing = conversations(e, (r) => r.statecode === 0);
    expect(ongoing.length).toBeGreaterThanOrEqual(55);
    expect(ongoing.length).toBeLessThanOrEqual(65);
    expect(e.world.index.queues).toHaveLength(5);
    const agents = [...e.world.store.rows('systemusers')].filter((u) => /^agent\d{3}@/.test(String(u.domainname)));
    expect(agents).toHaveLength(25);
    const channels = new Set(ongoing.map((r) => r.msdyn_channel));
    for (const c of ['192360000', '192370000', '192350000']) expect(channels).toContain(c);
    for (const q of e.world.index.queues) {
      const bot = e.world.store.get('systemusers', q.bot)!;
      expect(bot.msdyn_botapplicationid).toEqual(expect.any(String));
      expect(e.world.store.related('queuemembership', 0, q.id)).toContain(q.bot);
    }
  });

  it('busy: 10,000 ongoing conversations and 2,000 agents', () => {
    e = emulator({ scenario: 'busy' });
    expect(conversations(e, (r) => r.statecode === 0)).toHaveLength(10_000);
    expect([...e.world.store.rows('systemusers')].filter((u) => /^agent\d+@/.test(String(u.domainname)))).toHaveLength(2000);
  }, 30_000);
});

describe('live traffic on the clock', () => {
  it('a frozen clock keeps the org still', async () => {
    e = emulator();
    const sofia = await signIn(e, SOFIA.upn);
    const before = fingerprint(e);
    await sofia.get('WhoAmI()');
    expect(fingerprint(e)).toBe(before);
  });

  it('stepping the clock moves conversations through their lifecycle and bumps versions', async () => {
    e = emulator();
    const versionBefore = e.world.store.currentVersion();
    const countBefore = conversations(e, () => true).length;
    await control(e, 'clock', { advanceSeconds: 1800 });
    expect(e.world.store.currentVersion()).toBeGreaterThan(versionBefore);
    expect(conversations(e, () => true).length).toBeGreaterThan(countBefore); // arrivals
    const closedBySystem = conversations(
      e,
      (r) => r.statecode === 1 && [192350008, 192350010, 192350009].includes(Number(r.msdyn_statuschangereason)),
    );
    expect(closedBySystem.length).toBeGreaterThan(0);
    const arrivedAndAccepted = conversations(
      e,
      (r) => Date.parse(String(r.createdon)) > Date.parse('2026-03-02T10:00:00Z') && r.msdyn_isagentaccepted === true,
    );
    expect(arrivedAndAccepted.length).toBeGreaterThan(0);
    for (const r of arrivedAndAccepted) expect(Date.parse(String(r.modifiedon))).toBeGreaterThanOrEqual(Date.parse(String(r.createdon)));
  });

  it('with the traffic stopped the clock runs on and nothing changes; resumed, the traffic goes on', async () => {
    e = emulator();
    const sofia = await signIn(e, SOFIA.upn);
    const before = fingerprint(e);
    const stopped = (await (await control(e, 'clock', { traffic: false })).json()) as { traffic: boolean };
    expect(stopped.traffic).toBe(false);
    await control(e, 'clock', { advanceSeconds: 1800 });
    const answer = await sofia.get('WhoAmI()');
    expect(fingerprint(e)).toBe(before);
    // The org's Date header is its clock, which moved on.
    expect(Date.parse(answer.headers.get('date') ?? '')).toBe(Date.parse('2026-03-02T10:30:00Z'));
    await control(e, 'clock', { traffic: true });
    await control(e, 'clock', { advanceSeconds: 1800 });
    expect(fingerprint(e)).not.toBe(before);
    // Nothing was stamped in the stopped half hour.
    const stamped = conversations(e, () => true).map((r) => Date.parse(String(r.modifiedon)));
    expect(stamped.filter((at) => at > Date.parse('2026-03-02T10:00:00Z') && at < Date.parse('2026-03-02T10:30:00Z'))).toEqual([]);
    expect(stamped.some((at) => at > Date.parse('2026-03-02T10:30:00Z'))).toBe(true);
  });

  it('stuck conversations never move on their own', async () => {
    e = emulator({ seed: 3 });
    const stuck = [...e.world.index.stuck];
    expect(stuck.length).toBeGreaterThan(0);
    const versions = stuck.map((id) => e.world.store.get('msdyn_ocliveworkitems', id)!.versionnumber);
    await control(e, 'clock', { advanceSeconds: 3600 });
    expect(stuck.map((id) => e.world.store.get('msdyn_ocliveworkitems', id)!.versionnumber)).toEqual(versions);
  });

  it('same seed, same steps, same traffic', async () => {
    e = emulator({ seed: 5 });
    other = emulator({ seed: 5 });
    await control(e, 'clock', { advanceSeconds: 600 });
    await control(other, 'clock', { advanceSeconds: 600 });
    expect(fingerprint(e)).toBe(fingerprint(other));
  });

  it('a pending transfer is decided by the simulated agent after a delay', async () => {
    e = emulator();
    const sofia = await signIn(e, SOFIA.upn);
    const c = conversations(
      e,
      (r) =>
        r.statuscode === 2 &&
        r.msdyn_channel === '192360000' &&
        r._msdyn_activeagentid_value !== SOFIA.systemuserid &&
        !e.world.index.stuck.has(String(r.activityid)),
    )[0]!;
    const queue = e.world.index.queues.find((q) => q.id === c._msdyn_cdsqueueid_value)!;
    const { agentStatusOf } = await import('../../../emulator/world/operations');
    const { presenceIdOf } = await import('../../../emulator/world/catalog');
    const target = queue.agents.find((a) => a !== c._msdyn_activeagentid_value && a !== SOFIA.systemuserid && !a.startsWith('5f0f1a00'))!;
    e.world.store.update('msdyn_agentstatuses', String(agentStatusOf(e.world, target)!.msdyn_agentstatusid), {
      _msdyn_currentpresenceid_value: presenceIdOf(192360000),
    });
    const res = await sofia.send('POST', 'CCaaS_InitiateAgentTransferBySupervisor', {
      ApiVersion: '1.0',
      ConversationId: c.activityid,
      AgentId: target,
    });
    expect(res.status).toBe(204);
    expect(e.world.pending.has(String(c.activityid))).toBe(true);
    await control(e, 'clock', { advanceSeconds: 61 });
    expect(e.world.pending.has(String(c.activityid))).toBe(false);
  });
});
