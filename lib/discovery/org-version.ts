import { z } from 'zod';
import { readOne } from '../dataverse/read';
import type { DataverseRequest, DataverseTransport } from '../dataverse/transport';
import { evidenceOf, type Evidence } from './evidence';

/**
 * The org's version (RetrieveVersion, [PA-functions] in docs/platform.md): what the platform changes in an update
 * is what we discover again, so the discovered contract and the change-tracking decision are kept per version.
 */
const retrieveVersionRequest = (): DataverseRequest => ({ method: 'GET', path: 'RetrieveVersion()', queryKey: 'version' });

const VersionSchema = z.object({ Version: z.string().min(1).max(50) });

/** The version, or null when the org does not say (then cached answers age out instead). */
export async function readOrgVersion(transport: DataverseTransport): Promise<{ version: string | null; evidence: Evidence }> {
  const request = retrieveVersionRequest();
  const result = await readOne(transport, request, VersionSchema);
  return { version: result.ok ? result.value.Version : null, evidence: evidenceOf(request, result) };
}
