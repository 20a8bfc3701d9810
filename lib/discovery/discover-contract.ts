import { z } from 'zod';
import { ActionContractSchema, BUILT_IN_CONTRACT, type ActionContract, type CustomApiShape } from '../actions/contract';
import { allDefinitions } from '../actions/registry';
import type { MetadataReader } from '../dataverse/metadata-stream';
import { readRows } from '../dataverse/read';
import type { DataverseTransport } from '../dataverse/transport';
import { ApiDescriptionSchema, type ApiDescription } from './api-description';
import { createCsdlScanner, describeCsdlOperations } from './csdl-actions';
import { CCAAS_PREFIX, CustomApiRowSchema, customApisRequest, describeCustomApi } from './custom-apis';
import { EvidenceSchema, evidenceOf, type Evidence } from './evidence';
import { shapeFor } from './match-shape';

/**
 * The org's own description of the supervisor actions, and the contract built from it: `customapis` first (one
 * small read), `$metadata` for what it cannot tell (no privilege to read it, or actions it does not list).
 */
export const ContractDiscoverySchema = z.object({
  /** Where the description came from; 'none' when the org could not be asked, and our reading stays in force. */
  source: z.enum(['customapis', 'metadata', 'none']),
  /** False when a read failed for a passing reason: the result is used, never cached, and asked again later. */
  complete: z.boolean(),
  contract: ActionContractSchema,
  /** The CCaaS APIs the org described, whether we use them or not. */
  apis: z.array(ApiDescriptionSchema).max(100),
  evidence: z.array(EvidenceSchema).max(10),
});
export type ContractDiscovery = z.infer<typeof ContractDiscoverySchema>;

/** The APIs the actions call, with what each one's target means. */
const neededApis = () => new Map(allDefinitions().map((d) => [d.operation.api, d.operation.target] as const));

/** The contract the descriptions give: one shape per action API the org describes in a form we can call. */
function contractFrom(descriptions: readonly ApiDescription[]): ActionContract {
  const apis: Record<string, CustomApiShape> = {};
  for (const [api, target] of neededApis()) {
    const description = descriptions.find((d) => d.uniqueName === api);
    const shape = description ? shapeFor(description, target) : null;
    if (shape) apis[api] = shape;
  }
  return { ...BUILT_IN_CONTRACT, apis, assumed: null };
}

/** A failure that says nothing about the org's contract: try again later rather than remember it. */
const passing = (failure: { kind: string; status: number | null }) =>
  failure.kind === 'network' || failure.kind === 'throttled' || failure.kind === 'signedOut' || (failure.status ?? 0) >= 500;

export async function discoverContract(transport: DataverseTransport, readMetadata: MetadataReader | null): Promise<ContractDiscovery> {
  const evidence: Evidence[] = [];
  const request = customApisRequest();
  const rows = await readRows(transport, request, { entity: 'customapi', idField: 'uniquename', schema: CustomApiRowSchema });
  evidence.push(evidenceOf(request, rows));
  const listed = rows.ok ? rows.value.rows.map(describeCustomApi) : [];
  const missing = [...neededApis().keys()].filter((api) => !listed.some((d) => d.uniqueName === api));
  if (rows.ok && missing.length === 0)
    return { source: 'customapis', complete: true, contract: contractFrom(listed), apis: listed, evidence };
  if (!rows.ok && rows.failure.kind === 'signedOut') return unknown(evidence);

  const metadata = readMetadata ? await readCsdl(readMetadata) : null;
  if (metadata) evidence.push(metadata.evidence);
  if (metadata?.ok) {
    const apis = [...listed, ...metadata.apis.filter((d) => !listed.some((l) => l.uniqueName === d.uniqueName))];
    return { source: 'metadata', complete: rows.ok || !passing(rows.failure), contract: contractFrom(apis), apis, evidence };
  }
  // $metadata could not be read: what customapis said stands if it said anything; otherwise nothing is known.
  if (rows.ok && listed.length > 0)
    return { source: 'customapis', complete: false, contract: contractFrom(listed), apis: listed, evidence };
  return unknown(evidence);
}

const unknown = (evidence: Evidence[]): ContractDiscovery => ({
  source: 'none',
  complete: false,
  contract: BUILT_IN_CONTRACT,
  apis: [],
  evidence,
});

async function readCsdl(readMetadata: MetadataReader): Promise<{ ok: boolean; apis: ApiDescription[]; evidence: Evidence }> {
  const scanner = createCsdlScanner(CCAAS_PREFIX);
  const result = await readMetadata((text) => scanner.push(text));
  const request = { method: 'GET' as const, path: '$metadata' };
  if (!result.ok) return { ok: false, apis: [], evidence: evidenceOf(request, result) };
  const apis = describeCsdlOperations(scanner.finish());
  return { ok: true, apis, evidence: { ...evidenceOf(request, result, result.value.bytes), status: result.value.status } };
}
