/** The control API's bodies; strict objects, so an unknown key is a 400. */
import { z } from 'zod';
import { ACTION_NAMES, FIELD_TYPES } from '../contract';
import { VARIANT_NAMES } from '../variants';
import { SCENARIOS } from '../world/scenario';
import { MAX_CLOSED_HISTORY, MAX_OTHER_NOTES } from '../world/settings';

const count = z.number().int().min(0);

export const ResetBody = z.strictObject({
  seed: z.number().int().optional(),
  scenario: z.enum(SCENARIOS).optional(),
  variant: z.enum(VARIANT_NAMES).optional(),
});

export const ClockBody = z
  .strictObject({ advanceSeconds: z.number().min(0).optional(), paused: z.boolean().optional(), traffic: z.boolean().optional() })
  .refine(
    (b) => b.advanceSeconds !== undefined || b.paused !== undefined || b.traffic !== undefined,
    'Send advanceSeconds, paused or traffic.',
  );

export const FaultsBody = z.strictObject({
  throttle: z.strictObject({ count, retryAfterSeconds: z.number().int().min(0) }).optional(),
  errors: z.strictObject({ status: z.number().int().min(400).max(599), rate: z.number().min(0).max(1) }).optional(),
  latencyMs: z.number().int().min(0).optional(),
  malformed: z.strictObject({ count }).optional(),
  expireSessions: z.boolean().optional(),
  dropConnections: z.strictObject({ count }).optional(),
  clear: z.boolean().optional(),
});

const parameterName = z.string().regex(/^[A-Za-z_][A-Za-z0-9_]{0,99}$/, 'a parameter name is letters, digits and _');
const successStatus = z.union([z.literal(200), z.literal(204)]);

const ActionPatchBody = z.strictObject({
  parameters: z
    .array(z.strictObject({ name: parameterName, type: z.enum(FIELD_TYPES), optional: z.boolean().optional() }))
    .refine((list) => new Set(list.map((p) => p.name)).size === list.length, 'parameter names must differ')
    .optional(),
  successStatus: successStatus.optional(),
});

const ContractPatchBody = z.strictObject({
  binding: z.enum(['bound', 'unbound']).optional(),
  conversationParameter: parameterName.optional(),
  agentParameter: parameterName.optional(),
  queueParameter: parameterName.optional(),
  apiVersion: z.boolean().optional(),
  successStatus: successStatus.optional(),
  actions: z.partialRecord(z.enum(ACTION_NAMES), ActionPatchBody).optional(),
});

export const ConfigBody = z.strictObject({
  switches: z
    .strictObject({
      monitor: z.boolean().optional(),
      assign: z.boolean().optional(),
      transfer: z.boolean().optional(),
      forceClose: z.boolean().optional(),
    })
    .optional(),
  changeTracking: z.boolean().optional(),
  actionContract: ContractPatchBody.optional(),
  customApisReadable: z.boolean().optional(),
  capacityModel: z.enum(['units', 'profiles']).optional(),
  participantsOnLeave: z.enum(['deactivate', 'keepActive']).optional(),
  supervisorRoleName: z.string().trim().min(1).max(100).optional(),
  closedHistory: count.max(MAX_CLOSED_HISTORY).optional(),
  otherNotes: count.max(MAX_OTHER_NOTES).optional(),
  extensionOriginWrites: z.enum(['allow', 'refuse']).optional(),
  serviceProtection: z
    .strictObject({
      windowSeconds: z.number().int().min(1).optional(),
      requests: count.optional(),
      executionMs: count.optional(),
      concurrency: count.optional(),
    })
    .optional(),
});

export const RespondBody = z.strictObject({ decision: z.enum(['accept', 'reject']) });

/** Column values written as stored, past the Web API's validation: data another integration or an old schema left. */
export const RawRowBody = z.strictObject({ set: z.record(z.string(), z.unknown()) });
