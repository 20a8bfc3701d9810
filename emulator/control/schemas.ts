/** The control API's bodies, exactly as issue 4 writes them; strict objects, so an unknown key is a 400. */
import { z } from 'zod';
import { SCENARIOS } from '../world/scenario';

const count = z.number().int().min(0);

export const ResetBody = z.strictObject({
  seed: z.number().int().optional(),
  scenario: z.enum(SCENARIOS).optional(),
});

export const ClockBody = z
  .strictObject({ advanceSeconds: z.number().min(0).optional(), paused: z.boolean().optional() })
  .refine((b) => b.advanceSeconds !== undefined || b.paused !== undefined, 'Send advanceSeconds or paused.');

export const FaultsBody = z.strictObject({
  throttle: z.strictObject({ count, retryAfterSeconds: z.number().int().min(0) }).optional(),
  errors: z.strictObject({ status: z.number().int().min(400).max(599), rate: z.number().min(0).max(1) }).optional(),
  latencyMs: z.number().int().min(0).optional(),
  malformed: z.strictObject({ count }).optional(),
  expireSessions: z.boolean().optional(),
  dropConnections: z.strictObject({ count }).optional(),
  clear: z.boolean().optional(),
});

export const ConfigBody = z.strictObject({
  switches: z.strictObject({
    monitor: z.boolean().optional(),
    assign: z.boolean().optional(),
    transfer: z.boolean().optional(),
    forceClose: z.boolean().optional(),
  }).optional(),
  changeTracking: z.boolean().optional(),
  serviceProtection: z.strictObject({
    windowSeconds: z.number().int().min(1).optional(),
    requests: count.optional(),
    executionMs: count.optional(),
    concurrency: count.optional(),
  }).optional(),
});

export const RespondBody = z.strictObject({ decision: z.enum(['accept', 'reject']) });

/** Column values written as stored, past the Web API's validation: data another integration or an old schema left. */
export const RawRowBody = z.strictObject({ set: z.record(z.string(), z.unknown()) });
