import { describe, expect, it } from 'vitest';
import { checkAccess } from '../../../lib/access/check-access';
import type { DataverseOutcome, DataverseRequest, DataverseTransport } from '../../../lib/dataverse/transport';

const USER = '00000000-0000-4000-8000-000000000001';
const AAD = '00000000-0000-4000-8000-0000000000ad';
const ok = (body: unknown): DataverseOutcome => ({ ok: true, status: 200, body, headers: {} });
const ALL = { monitor: true, assign: true, transfer: true, forceClose: true };

function platform(roles: string[], switches: Record<string, boolean> = {}, overrides: Record<string, DataverseOutcome> = {}) {
  const sent: string[] = [];
  const transport: DataverseTransport = {
    org: 'https://contoso.crm4.dynamics.com',
    async send(request: DataverseRequest) {
      sent.push(request.path);
      const override = Object.entries(overrides).find(([prefix]) => request.path.startsWith(prefix));
      if (override) return override[1];
      if (request.path === 'WhoAmI()') return ok({ UserId: USER.toUpperCase(), BusinessUnitId: USER, OrganizationId: USER });
      if (request.path.startsWith(`systemusers(${USER})?`)) return ok({ fullname: 'Sofia Lindqvist', azureactivedirectoryobjectid: AAD });
      if (request.path.startsWith('RetrieveAadUserRoles') || request.path.includes('systemuserroles_association'))
        return ok({ value: roles.map((name) => ({ name })) });
      if (request.path.startsWith('msdyn_omnichannelconfigurations')) return ok({ value: [switches] });
      throw new Error(`unexpected ${request.path}`);
    },
  };
  return { transport, sent };
}

describe('role check', () => {
  it('finds a supervisor through team roles, reads the org switches and applies the policy', async () => {
    const { transport, sent } = platform([' omnichannel SUPERVISOR ', 'Basic User'], {
      msdyn_enable_supervisor_monitor: true,
      msdyn_enable_supervisor_assign: true,
    });
    const { access, failure } = await checkAccess(transport, { ...ALL, forceClose: false }, () => 42);
    expect(failure).toBeNull();
    expect(access).toMatchObject({
      state: 'supervisor',
      userId: USER,
      userName: 'Sofia Lindqvist',
      hasApiAccessRole: false,
      checkedAt: 42,
      orgSwitches: { monitor: true, assign: true, transfer: false, forceClose: false },
      policyAllows: { monitor: true, assign: true, transfer: true, forceClose: false },
    });
    expect(sent.some((path) => path.startsWith(`RetrieveAadUserRoles(DirectoryObjectId=@p1)?@p1=${AAD}`))).toBe(true);
  });

  it('stops at "not a supervisor" and reads nothing more', async () => {
    const { transport, sent } = platform(['Omnichannel agent']);
    const { access } = await checkAccess(transport, ALL, () => 1);
    expect(access.state).toBe('notSupervisor');
    expect(sent.some((path) => path.startsWith('msdyn_omnichannelconfigurations'))).toBe(false);
  });

  it('flags the "Omnichannel API access" role', async () => {
    const { transport } = platform(['Omnichannel supervisor', 'Omnichannel API access']);
    expect((await checkAccess(transport, ALL, () => 1)).access).toMatchObject({ state: 'supervisor', hasApiAccessRole: true });
  });

  it('falls back to direct roles when the org has no RetrieveAadUserRoles', async () => {
    const { transport, sent } = platform(
      ['Omnichannel supervisor'],
      {},
      {
        RetrieveAadUserRoles: { ok: false, kind: 'http', status: 404, code: null, message: 'Resource not found', retryAt: null },
      },
    );
    expect((await checkAccess(transport, ALL, () => 1)).access.state).toBe('supervisor');
    expect(sent.some((path) => path.includes('/systemuserroles_association'))).toBe(true);
  });

  it('reports signed out and throttled as such', async () => {
    const signedOut: DataverseOutcome = { ok: false, kind: 'signedOut', status: 401, code: null, message: 'sign in', retryAt: null };
    expect((await checkAccess(platform([], {}, { WhoAmI: signedOut }).transport, ALL, () => 1)).access.state).toBe('signedOut');
    const throttled: DataverseOutcome = { ok: false, kind: 'throttled', status: 429, code: null, message: 'slow down', retryAt: 99 };
    const check = await checkAccess(platform([], {}, { WhoAmI: throttled }).transport, ALL, () => 1);
    expect(check).toMatchObject({ access: { state: 'error' }, failure: { kind: 'throttled', retryAt: 99 } });
  });
});
