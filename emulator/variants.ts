/**
 * Named variants: orgs that read the platform differently from the default, as data. Each is a set of org settings
 * (world/settings.ts) applied after the scenario is seeded; `default` is the emulator's own reading unchanged.
 * `npm run emulator -- --variant <name>`, `createEmulator({ variant })`, `POST /_emulator/reset {"variant":…}`.
 */
import type { OrgSettings } from './world/settings';

export const VARIANTS = {
  default: {},
  /** The actions unbound, with differently named targets, all six answering 200 with a body. */
  'unbound-renamed': {
    actionContract: {
      binding: 'unbound',
      conversationParameter: 'ConversationId',
      agentParameter: 'TargetAgentId',
      queueParameter: 'TargetQueueId',
      apiVersion: true,
      successStatus: 200,
    },
  },
  /** A large, modern org: capacity profiles, participants kept on leave, a long history, change tracking, busy cases. */
  'legacy-free': {
    capacityModel: 'profiles',
    participantsOnLeave: 'keepActive',
    closedHistory: 100_000,
    changeTracking: true,
    otherNotes: 2_000,
  },
  /**
   * customapis unreadable for non-admins, so only $metadata describes the actions, and they differ from the default:
   * no ApiVersion and other target names. A client that does not read $metadata fails.
   */
  'locked-down': {
    customApisReadable: false,
    actionContract: {
      binding: 'bound',
      agentParameter: 'AgentUserId',
      queueParameter: 'DestinationQueueId',
      apiVersion: false,
    },
  },
  /** The default contract, except that assign takes a parameter nobody could map instead of an agent id. */
  'assign-unmappable': {
    actionContract: { actions: { CCaaS_AssignConversation: { parameters: [{ name: 'RoutingToken', type: 'String' }] } } },
  },
} as const satisfies Record<string, Partial<OrgSettings>>;

export type VariantName = keyof typeof VARIANTS;
export const VARIANT_NAMES = Object.keys(VARIANTS) as VariantName[];
