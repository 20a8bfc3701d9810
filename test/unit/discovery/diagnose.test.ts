import { afterEach, describe, expect, it } from 'vitest';
import { checkAccess } from '../../../lib/access/check-access';
import { diagnose } from '../../../lib/discovery/diagnose';
import { setLanguageOverride } from '../../../lib/i18n';
import { NO_WRITE_ROUTE } from '../../../lib/model/workspace';
import type { DiagnosticsReport } from '../../../lib/discovery/report';
import { reportText } from '../../../lib/discovery/report-text';
import type { VariantName } from '../../../emulator/variants';
import { emulatedOrg, type EmulatedOrg } from './emulated-org';

let org: EmulatedOrg | undefined;
afterEach(() => {
  void org?.emulator.close();
  setLanguageOverride('en');
});

const ALL = { monitor: true, assign: true, transfer: true, forceClose: true };

async function check(variant: VariantName): Promise<{ report: DiagnosticsReport; text: string }> {
  org = await emulatedOrg(variant);
  const { access } = await checkAccess(org.transport, ALL, Date.now);
  const report = await diagnose({
    transport: org.transport,
    metadataReader: org.readMetadata,
    access,
    throttled: 0,
    writeRoute: NO_WRITE_ROUTE,
    now: Date.now(),
  });
  return { report, text: reportText(report) };
}

const result = (report: DiagnosticsReport, id: string) => report.checks.find((c) => c.id === id);

describe('"Check this organization"', () => {
  it('names the binding and parameters an unbound, renamed org describes', async () => {
    const { report, text } = await check('unbound-renamed');
    expect(result(report, 'action:CCaaS_AssignConversation')?.result).toBe('pass');
    expect(text).toMatch(/✓ Action CCaaS_AssignConversation: unbound, parameters .*TargetAgentId \(Guid\)/);
    expect(text).toMatch(/✓ Supervisor actions described by the organization: read from customapis/);
    expect(text).toMatch(/✓ Supervisor role: a supervisor/);
    expect(text).toMatch(/Writes go from the browser's background/);
  });

  it('names each administrator setting as the admin center does, in Swedish too, not by its key', async () => {
    const { report } = await check('unbound-renamed');
    expect(reportText(report)).toMatch(/✓ Administrator setting: Force close: on/);
    setLanguageOverride('sv');
    const swedish = reportText(report);
    expect(swedish).toMatch(/Administratörsinställning: Övervakning av arbetsledare/);
    expect(swedish).toMatch(/Administratörsinställning: Tvinga stängning/);
    expect(swedish).not.toMatch(/forceClose|: monitor/);
  });

  it('says the description came from the metadata document when customapis is refused, with the 403 as evidence', async () => {
    const { text } = await check('locked-down');
    expect(text).toMatch(/read from the metadata document/);
    expect(text).toMatch(/GET customapis.* → 403/);
    expect(text).toMatch(/✓ Action CCaaS_AssignConversation: bound to msdyn_ocliveworkitem, parameters .*AgentUserId/);
  });

  it('marks assign as not working and names the parameter it cannot fill', async () => {
    const { report, text } = await check('assign-unmappable');
    expect(result(report, 'action:CCaaS_AssignConversation')?.result).toBe('fail');
    expect(result(report, 'action:CCaaS_ForceCloseConversation')?.result).toBe('pass');
    expect(text).toMatch(/✗ Action CCaaS_AssignConversation: .*Floorwalker does not recognize RoutingToken/);
  });

  it('reports units capacity and change tracking off on the default org, and no customer data', async () => {
    const { report, text } = await check('default');
    expect(result(report, 'capacity')?.found.key).toBe('diag_capacity_units');
    expect(result(report, 'tracking')?.found.key).toBe('diag_tracking_notEnabled');
    const customers = (await org!.transport.send({ method: 'GET', path: 'contacts?$select=fullname&$top=20' })) as {
      ok: boolean;
      body?: { value?: Array<{ fullname?: string }> };
    };
    const names = (customers.ok ? (customers.body?.value ?? []) : [])
      .map((row) => row.fullname)
      .filter((name): name is string => Boolean(name));
    expect(names.length).toBeGreaterThan(0);
    for (const name of names) expect(text).not.toContain(name);
  });
});
