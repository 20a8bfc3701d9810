import { z } from 'zod';
import { EvidenceSchema } from './evidence';

/**
 * "Check this organization": every probe the worker makes of an org, run afresh, each capability with its result and the
 * requests that show it (docs/platform.md, "What is read from the org at run time"). Only ids, names of the
 * platform's own APIs and tables, counts and status codes: nothing a customer wrote.
 */
const CheckResultSchema = z.enum(['pass', 'fail', 'unknown']);
export type CheckResult = z.infer<typeof CheckResultSchema>;

/** A line in words: an i18n key with its substitutions (platform names, counts). */
const WordsSchema = z.object({ key: z.string().max(100), subs: z.array(z.union([z.string().max(2_000), z.number()])).max(9) });
export type Words = z.infer<typeof WordsSchema>;

const CheckSchema = z.object({
  /** What is checked: 'version', 'role', 'switch:assign', 'contract', 'action:CCaaS_…', 'tracking', 'capacity', 'throttling', 'writes'. */
  id: z.string().max(200),
  result: CheckResultSchema,
  found: WordsSchema,
  evidence: z.array(EvidenceSchema).max(10),
});
export type Check = z.infer<typeof CheckSchema>;

export const DiagnosticsReportSchema = z.object({
  org: z.string().max(300),
  at: z.number(),
  version: z.string().max(50).nullable(),
  checks: z.array(CheckSchema).max(50),
});
export type DiagnosticsReport = z.infer<typeof DiagnosticsReportSchema>;

/** The worker's answer when no org is signed in to check: the page says so in the user's language. */
export const DIAGNOSE_NO_ORG = 'noOrg';
