import { z } from 'zod';
import { BasePresenceSchema } from './agent';
import { CapacityModelSchema } from './capacity';

/** The four ongoing statuses (statecode 0). Closed rows leave the feed. See docs/platform.md#conversation-status. */
export const ConversationStatusSchema = z.enum(['open', 'active', 'waiting', 'wrapup']);
export type ConversationStatus = z.infer<typeof ConversationStatusSchema>;

/** statuscode → status, for the ongoing set only. */
export const STATUS_BY_CODE: Readonly<Record<number, ConversationStatus>> = { 1: 'open', 2: 'active', 3: 'waiting', 5: 'wrapup' };

/** msdyn_channel option values (global choice msdyn_streamsource), docs/platform.md#channels. */
export const CHANNEL = {
  teams: 19241000,
  whatsapp: 192300000,
  line: 192310000,
  wechat: 192320000,
  facebook: 192330000,
  sms: 192340000,
  entityRecords: 192350000,
  twitter: 192350001,
  custom: 192350002,
  liveChat: 192360000,
  voice: 192370000,
  video: 192380000,
  cobrowse: 192390000,
  screenShare: 192400000,
  voiceCall: 192440000,
  appleMessages: 192450000,
  googleBusinessMessages: 192450001,
} as const;

/** msdyn_customersentimentlabel: 0 N/A, 7 very negative … 13 very positive. Unknown values are kept and shown as such. */
export const SENTIMENT_LEVELS = [0, 7, 8, 9, 10, 11, 12, 13] as const;

/** A transfer or assignment the supervisor started that the target agent has not yet accepted or rejected. */
const PendingHandoffSchema = z.object({
  kind: z.enum(['transfer', 'assign']),
  targetAgentId: z.string(),
  since: z.string(),
});
export type PendingHandoff = z.infer<typeof PendingHandoffSchema>;

/**
 * One ongoing conversation as the panel sees it: normalised from a msdyn_ocliveworkitem row (names resolved,
 * codes kept so rules can be checked). `observedAt` is when the feed first saw this version: per-row freshness.
 *
 * Parsed, each row is kept as a spread copy. Zod builds its output key by key where eval is forbidden (extension
 * pages, the worker), and V8 keeps an object built that way as a hash table once it has more than a dozen keys:
 * ~800 bytes more per conversation, 40 MB of the overlay's heap at 50,000 ongoing. The copy has a compact shape.
 */
export const ConversationSchema = z
  .object({
    id: z.string(),
    subject: z.string(),
    status: ConversationStatusSchema,
    statusCode: z.number().int(),
    channels: z.array(z.number().int()),
    agentId: z.string().nullable(),
    agentName: z.string().nullable(),
    queueId: z.string().nullable(),
    queueName: z.string().nullable(),
    workstreamId: z.string().nullable(),
    customerName: z.string().nullable(),
    createdOn: z.string(),
    assignedOn: z.string().nullable(),
    statusUpdatedOn: z.string().nullable(),
    firstWaitSeconds: z.number().nullable(),
    sentiment: z.number().int(),
    transferCount: z.number().int(),
    statusReason: z.number().int().nullable(),
    /** The supervisor(s) monitoring or consulting, and the first agent after a transfer (consultant). */
    participants: z.array(z.object({ agentId: z.string(), mode: z.enum(['primary', 'consult', 'monitor', 'other']) })),
    pending: PendingHandoffSchema.nullable(),
    /** Capacity units the conversation takes from an agent (its workstream's msdyn_capacityrequired); for assign. */
    capacityUnits: z.number().nullable().optional(),
    /** Its workstream's capacity model (absent: units); under profiles, the profile it takes a unit of. */
    capacityModel: CapacityModelSchema.optional(),
    capacityProfileId: z.string().nullable().optional(),
    /** Presences its workstream allows for assignment (msdyn_allowedpresences); for assign and transfer targets. */
    allowedPresences: z.array(BasePresenceSchema).optional(),
    modifiedOn: z.string(),
    /** Row version from @odata.etag, e.g. W/"1234". */
    etag: z.string(),
    observedAt: z.number(),
  })
  .transform((row) => ({ ...row }));
export type Conversation = z.infer<typeof ConversationSchema>;
