import { describe, expect, it } from 'vitest';
import { ACCESS_RECHECK_MS, createAccessMonitor, type AccessMonitorDeps } from '../../../lib/feed/access-monitor';
import { PROBE_MS } from '../../../lib/feed/poll-scheduler';
import type { DataverseTransport } from '../../../lib/dataverse/transport';
import type { Access } from '../../../lib/model/access';
import { DEFAULT_SETTINGS } from '../../../lib/model/settings';
import { ORG, platform, USER } from './fake-org';

function monitor(p = platform(), change: Partial<AccessMonitorDeps> = {}) {
  const now = { t: 1_000_000 };
  const seen: Access[] = [];
  const data = { held: true, resets: 0 };
  const policy = { blocked: false };
  const org = { url: ORG as string | null };
  const access = createAccessMonitor({
    resolveOrg: async () => org.url,
    isOrgBlocked: () => policy.blocked,
    transportFor: () => p.transport,
    settings: () => ({ values: DEFAULT_SETTINGS, managedKeys: [], policyIssues: [] }),
    now: () => now.t,
    changed: (a) => seen.push(a),
    hasData: () => data.held,
    resetData: () => {
      data.resets++;
      data.held = false;
    },
    ...change,
  });
  return { access, p, now, seen, data, policy, org };
}

describe('access monitor', () => {
  it('runs the role check before anything is read, and lets the cycle read once the user is a supervisor', async () => {
    const { access, p, seen } = monitor();
    const gate = await access.settle();
    expect(gate).toMatchObject({ kind: 'read', transport: p.transport });
    expect(access.current()).toMatchObject({ state: 'supervisor', org: ORG, userId: USER, userName: 'Sofia' });
    expect(p.sent[0]).toBe('WhoAmI()');
    expect(seen.at(-1)!.state).toBe('supervisor');
    // Checked a moment ago: the next cycle does not check again.
    p.sent.length = 0;
    await access.settle();
    expect(p.sent).toEqual([]);
  });

  it('notices an admin changing a supervisor switch within half a minute, without a full role check', async () => {
    const { access, now, p } = monitor();
    await access.settle();
    expect(access.current().orgSwitches.forceClose).toBe(false);
    p.state.switches = { msdyn_enable_supervisor_forceclose: true };
    p.sent.length = 0;
    for (let i = 0; i < 10; i++) {
      now.t += 3_000;
      const gate = await access.settle();
      if (gate.kind === 'read') await access.rereadSwitchesIfDue(gate.transport);
    }
    expect(access.current().orgSwitches.forceClose).toBe(true);
    expect(p.sent.filter((path) => path === 'WhoAmI()')).toEqual([]);
    expect(p.sent.filter((path) => path.startsWith('msdyn_omnichannelconfigurations')).length).toBe(1);
  });

  it('reads the switches at the next good poll when asked (a manual refresh), however recently they were read', async () => {
    const { access, now, p } = monitor();
    const gate = await access.settle();
    if (gate.kind !== 'read') throw new Error(`no read: ${gate.kind}`);
    p.state.switches = { msdyn_enable_supervisor_forceclose: true };
    p.sent.length = 0;
    now.t += 1_000;
    await access.rereadSwitchesIfDue(gate.transport);
    expect(p.sent).toEqual([]);
    access.askSwitches();
    await access.rereadSwitchesIfDue(gate.transport);
    expect(access.current().orgSwitches.forceClose).toBe(true);
    // Asked once, read once: the next polls keep to the half-minute.
    now.t += 1_000;
    await access.rereadSwitchesIfDue(gate.transport);
    expect(p.sent.filter((path) => path.startsWith('msdyn_omnichannelconfigurations'))).toHaveLength(1);
  });

  it('sends nothing to an org the policy blocks, says so, and checks once the policy allows it', async () => {
    const { access, p, policy, data } = monitor();
    policy.blocked = true;
    expect(await access.settle()).toEqual({ kind: 'wait', ms: ACCESS_RECHECK_MS });
    expect(access.current().state).toBe('blockedHost');
    expect(p.sent).toEqual([]);
    expect(data.held).toBe(false);
    policy.blocked = false;
    expect((await access.settle()).kind).toBe('read');
    expect(access.current().state).toBe('supervisor');
    expect(p.sent).toContain('WhoAmI()');
  });

  it('drops the data when the org or the user changes, and probes again while there is no org', async () => {
    const { access, data, org } = monitor();
    await access.settle();
    expect(data.resets).toBe(1); // the first org replaces "none"
    org.url = null;
    expect(await access.settle()).toEqual({ kind: 'wait', ms: PROBE_MS });
    expect(access.current().state).toBe('noOrg');
    expect(data.resets).toBe(2);

    // Another user signs in to the same org: what the feed held was theirs to see, not this user's.
    const who = { id: USER };
    const same = platform();
    const transport: DataverseTransport = {
      org: ORG,
      send: (request) =>
        request.path === 'WhoAmI()'
          ? Promise.resolve({ ok: true, status: 200, body: { UserId: who.id, BusinessUnitId: USER, OrganizationId: USER }, headers: {} })
          : same.transport.send(request),
    };
    const other = monitor(same, { transportFor: () => transport });
    await other.access.settle();
    other.data.held = true;
    const resetsBefore = other.data.resets;
    who.id = '00000000-0000-4000-8000-0000000000ee';
    other.access.recheck();
    await other.access.settle();
    expect(other.data.resets).toBe(resetsBefore + 1);
    expect(other.access.current().userId).toBe(who.id);
  });

  it('keeps the last good answer through a fault in a routine re-check, and tries again soon', async () => {
    const { access, now, p } = monitor();
    await access.settle();
    now.t += ACCESS_RECHECK_MS;
    p.state.next.push({ ok: false, kind: 'network', status: null, code: null, message: 'reset', retryAt: null });
    expect((await access.settle()).kind).toBe('read');
    expect(access.current().state).toBe('supervisor');
    // The check is due again one probe interval later, not a whole re-check period.
    p.sent.length = 0;
    now.t += PROBE_MS;
    await access.settle();
    expect(p.sent).toContain('WhoAmI()');
  });

  it('reports a failed first check for the scheduler, and a signed-out session as such', async () => {
    const { access, p } = monitor();
    p.state.next.push({ ok: false, kind: 'signedOut', status: 401, code: null, message: 'sign in', retryAt: null });
    expect(await access.settle()).toMatchObject({ kind: 'failed', failure: { kind: 'signedOut' } });
    expect(access.current().state).toBe('signedOut');
    expect(access.transport()).toBeNull();
  });

  it('waits without reading for a user who is not a supervisor, and drops what the feed held', async () => {
    const p = platform();
    const transport: DataverseTransport = {
      org: ORG,
      send: (request) =>
        decodeURIComponent(request.path).includes('systemuserroles_association')
          ? Promise.resolve({ ok: true, status: 200, body: { value: [{ name: 'Customer Service Representative' }] }, headers: {} })
          : p.transport.send(request),
    };
    const { access, data } = monitor(p, { transportFor: () => transport });
    expect(await access.settle()).toEqual({ kind: 'wait', ms: ACCESS_RECHECK_MS });
    expect(access.current().state).toBe('notSupervisor');
    expect(data.held).toBe(false);
    expect(p.sent.some((path) => path.startsWith('msdyn_ocliveworkitems'))).toBe(false);
  });
});
