import { allDefinitions } from '../actions/registry';
import type { MetadataReader } from '../dataverse/metadata-stream';
import type { WriteRoute } from '../model/workspace';
import type { DataverseTransport } from '../dataverse/transport';
import { workstreamsRequest } from '../dataverse/operations/workstreams';
import type { Access } from '../model/access';
import { SUPERVISOR_FEATURES } from '../model/supervisor-switches';
import { Reader, SPECS } from '../feed/read-full';
import { readProfileTables, usesProfiles } from '../feed/profile-capacity';
import { describeParameters, type ApiDescription } from './api-description';
import { discoverContract } from './discover-contract';
import { evidenceOf, type Evidence } from './evidence';
import type { Check, CheckResult, DiagnosticsReport, Words } from './report';
import { readOrgVersion } from './org-version';
import { decideTracking, TRACKING_ROW_LIMIT } from './tracking-decision';

export interface DiagnoseDeps {
  transport: DataverseTransport;
  metadataReader: MetadataReader | null;
  access: Access;
  /** Answers that told the worker to slow down since it started. */
  throttled: number;
  /** Which way the supervisor's changes reach the org now, as the transport router decides it. */
  writeRoute: WriteRoute;
  now: number;
}

const words = (key: string, ...subs: Array<string | number>): Words => ({ key, subs });

/** "bound to msdyn_ocliveworkitem, parameters ApiVersion (String), AgentId (Guid)". */
function describeApi(api: ApiDescription): Words {
  const parameters = describeParameters(api.parameters) || '–';
  return api.binding === 'unbound' ? words('diag_api_unbound', parameters) : words('diag_api_bound', api.boundEntity ?? '?', parameters);
}

export async function diagnose(deps: DiagnoseDeps): Promise<DiagnosticsReport> {
  const { transport, access } = deps;
  const checks: Check[] = [];
  const version = await readOrgVersion(transport);
  checks.push({
    id: 'version',
    result: version.version ? 'pass' : 'unknown',
    found: version.version ? words('diag_version', version.version) : words('diag_version_unknown'),
    evidence: [version.evidence],
  });

  const supervisor = access.state === 'supervisor';
  checks.push({
    id: 'role',
    result: supervisor ? 'pass' : access.state === 'checking' ? 'unknown' : 'fail',
    found: words(supervisor ? 'diag_role_supervisor' : 'diag_role_not', access.roles.length, access.state),
    evidence: [],
  });
  for (const feature of SUPERVISOR_FEATURES) {
    const on = access.orgSwitches[feature];
    const allowed = access.policyAllows[feature];
    checks.push({
      id: `switch:${feature}`,
      result: supervisor ? (on && allowed ? 'pass' : 'fail') : 'unknown',
      found: words(on ? (allowed ? 'diag_switch_on' : 'diag_switch_policy') : 'diag_switch_off'),
      evidence: [],
    });
  }

  const discovery = await discoverContract(transport, deps.metadataReader);
  checks.push({
    id: 'contract',
    result: discovery.source === 'none' ? 'unknown' : 'pass',
    found: words(`diag_contract_${discovery.source}`, discovery.apis.length),
    evidence: discovery.evidence,
  });
  for (const api of [...new Set(allDefinitions().map((d) => d.operation.api))]) {
    const described = discovery.apis.find((d) => d.uniqueName === api);
    const shape = discovery.contract.apis[api];
    const result: CheckResult = discovery.source === 'none' ? 'unknown' : shape && (shape.unmapped ?? []).length === 0 ? 'pass' : 'fail';
    const found = !described
      ? words(discovery.source === 'none' ? 'diag_api_unasked' : 'diag_api_missing')
      : shape?.unmapped?.length
        ? words('diag_api_unmapped', describeParameters(described.parameters), shape.unmapped.join(', '))
        : describeApi(described);
    checks.push({ id: `action:${api}`, result, found, evidence: [] });
  }

  const tracking = await decideTracking(transport, deps.now, version.version);
  const decision = tracking.decision;
  checks.push({
    id: 'tracking',
    result: decision === null || decision.reason === 'unknown' ? 'unknown' : 'pass',
    found:
      decision === null
        ? words('diag_tracking_unknown')
        : words(`diag_tracking_${decision.reason}`, decision.rows ?? '?', TRACKING_ROW_LIMIT),
    evidence: tracking.evidence,
  });

  checks.push(await capacityCheck(transport));
  checks.push({
    id: 'throttling',
    result: deps.throttled === 0 ? 'pass' : 'fail',
    found: words('diag_throttled', deps.throttled),
    evidence: [],
  });
  const { route, reason } = deps.writeRoute;
  const writes = reason === 'workerRefused' ? 'diag_writes_refused' : `diag_writes_${route}`;
  checks.push({ id: 'writes', result: route === 'none' ? 'unknown' : 'pass', found: words(writes), evidence: [] });
  return { org: transport.org, at: deps.now, version: version.version, checks };
}

/** Units or profiles, as the workstreams say; unknown when the tables of the model in force cannot be read. */
async function capacityCheck(transport: DataverseTransport): Promise<Check> {
  const reader = new Reader(transport);
  const request = workstreamsRequest();
  const workstreams = await reader.rows(request, SPECS.workstream);
  const evidence: Evidence[] = [evidenceOf(request, workstreams)];
  if (!workstreams.ok) return { id: 'capacity', result: 'unknown', found: words('diag_capacity_unknown'), evidence };
  const rows = workstreams.value.rows;
  if (!usesProfiles(rows)) return { id: 'capacity', result: 'pass', found: words('diag_capacity_units', rows.length), evidence };
  const tables = await readProfileTables(reader, rows);
  const readable = tables.ok && tables.value?.readable === true;
  const profiles = tables.ok && tables.value ? tables.value.names.length : 0;
  return {
    id: 'capacity',
    result: readable ? 'pass' : 'unknown',
    found: readable ? words('diag_capacity_profiles', profiles, rows.length) : words('diag_capacity_unknown'),
    evidence,
  };
}
