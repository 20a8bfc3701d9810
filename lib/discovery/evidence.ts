import { z } from 'zod';
import type { DataverseRequest } from '../dataverse/transport';
import type { Result } from '../dataverse/result';

/**
 * One request a probe sent and what came back, as the diagnostics page shows it and its report prints it: the
 * request (path only, no host), the status, and in `note` the platform's error message or what we found.
 */
export const EvidenceSchema = z.object({
  request: z.string().max(600),
  status: z.number().int().nullable(),
  ok: z.boolean(),
  /** The platform's message on a failure; null on success (what was found is said by the caller). */
  note: z.string().max(600).nullable(),
  /** Size of the answer, when it matters (the $metadata document). */
  bytes: z.number().int().nonnegative().optional(),
});
export type Evidence = z.infer<typeof EvidenceSchema>;

const readable = (path: string): string => {
  try {
    return decodeURIComponent(path);
  } catch {
    return path;
  }
};

/** What a request looked like, for evidence: the method and the path, long ones cut short. */
const describeRequest = (request: Pick<DataverseRequest, 'method' | 'path'>): string => {
  const line = `${request.method} ${readable(request.path.replace(/^https?:\/\/[^/]+/i, ''))}`;
  return line.length > 600 ? `${line.slice(0, 599)}…` : line;
};

/** The evidence of one read: its request and how it ended (a read that succeeded was answered 200). */
export function evidenceOf(request: Pick<DataverseRequest, 'method' | 'path'>, result: Result<unknown>, bytes?: number): Evidence {
  return {
    request: describeRequest(request),
    status: result.ok ? 200 : result.failure.status,
    ok: result.ok,
    note: result.ok ? null : result.failure.message.slice(0, 600),
    ...(bytes === undefined ? {} : { bytes }),
  };
}
