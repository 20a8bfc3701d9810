/**
 * The undocumented shapes of the supervisor CCaaS actions, in ONE place (docs/platform.md#supervisor-actions: names are
 * documented, parameters/binding/results are not). `CONTRACT` is the emulator's default reading; `ContractPatch` is
 * how `POST /_emulator/config {"actionContract":…}` and the named variants replace parts of it to play an org that
 * reads differently. Correct `CONTRACT` when a real org says otherwise.
 */

export type ActionName =
  | 'CCaaS_MonitorConversation'
  | 'CCaaS_JoinConversation'
  | 'CCaaS_AssignConversation'
  | 'CCaaS_InitiateQueueAssignment'
  | 'CCaaS_InitiateAgentTransferBySupervisor'
  | 'CCaaS_ForceCloseConversation';

/** Parameter and property types as the customapi tables name them (the `type` option set, 0 Boolean … 12 Guid). */
export type FieldType = 'Boolean' | 'DateTime' | 'Decimal' | 'Float' | 'Integer' | 'String' | 'Guid';
export const FIELD_TYPES = ['Boolean', 'DateTime', 'Decimal', 'Float', 'Integer', 'String', 'Guid'] as const satisfies readonly FieldType[];

/** What an action's own parameter stands for; the conversation and ApiVersion parameters are common to all. */
export type TargetRole = 'agent' | 'queue';

export interface DefaultActionShape {
  /** The targets the action takes besides the conversation, named by the contract's agent/queue parameter names. */
  takes: readonly TargetRole[];
  successStatus: 200 | 204;
  /** Properties of the `<Name>Response` complex type, answered when the success status is 200. */
  response: Readonly<Record<string, FieldType>>;
}

const STATUS_ONLY = { Status: 'String' } as const;

export const CONTRACT = {
  /** How $metadata and customapis declare the actions: bound to msdyn_ocliveworkitem (medium confidence, docs/platform.md#supervisor-actions). */
  binding: 'bound' as 'bound' | 'unbound',
  /** Until an org's contract is set, both the bound and the unbound form are answered (the binding is unknown). */
  servesBothBindings: true,
  boundEntity: 'msdyn_ocliveworkitem',
  bindingParameter: 'entity',
  apiVersionParameter: 'ApiVersion',
  apiVersion: '1.0',
  conversationParameter: 'ConversationId',
  agentParameter: 'AgentId',
  queueParameter: 'QueueId',
  /** Ids are declared Guid (customapi type 12): the documented CCaaS APIs take GUID ids. */
  idType: 'Guid' as FieldType,
  actions: {
    CCaaS_MonitorConversation: { takes: [], successStatus: 204, response: STATUS_ONLY },
    CCaaS_JoinConversation: { takes: [], successStatus: 204, response: STATUS_ONLY },
    // Assign answers with a body so a capacity override can say by how much capacity is exceeded.
    CCaaS_AssignConversation: {
      takes: ['agent'],
      successStatus: 200,
      response: { CapacityExceededBy: 'Integer', PresenceOverridden: 'Boolean', Status: 'String' },
    },
    CCaaS_InitiateQueueAssignment: { takes: ['queue'], successStatus: 204, response: STATUS_ONLY },
    CCaaS_InitiateAgentTransferBySupervisor: { takes: ['agent'], successStatus: 204, response: STATUS_ONLY },
    CCaaS_ForceCloseConversation: { takes: [], successStatus: 204, response: STATUS_ONLY },
  } satisfies Record<ActionName, DefaultActionShape>,
  /** The role a supervisor needs for every action (docs/platform.md#roles). */
  supervisorRoleName: 'Omnichannel supervisor',
  /**
   * "ForceClose/Assign fails" troubleshooting (docs/platform.md#supervisor-actions and #roles): the Omnichannel API access role belongs to the
   * service's application user; a person holding it gets this failure on these actions.
   */
  apiAccessRole: {
    name: 'Omnichannel API access',
    failsActions: ['CCaaS_AssignConversation', 'CCaaS_ForceCloseConversation'] as readonly ActionName[],
    status: 403,
    code: '0x80040220',
    message:
      "The caller holds the 'Omnichannel API access' security role, which is reserved for the Omnichannel application user. " +
      'Remove this role from the user to assign or force close conversations.',
  },
  /** How long the simulated target agent takes to accept or reject a pending transfer/assignment (virtual seconds). */
  respondAfterSeconds: { min: 15, max: 60 },
  /** Share of pending transfers/assignments the simulated agent rejects. */
  rejectShare: 0.2,
} as const;

export const ACTION_NAMES = Object.keys(CONTRACT.actions) as ActionName[];

/** One declared parameter of an action, as a per-action override lists it. */
export interface ParameterPatch {
  name: string;
  type: FieldType;
  optional?: boolean;
}

/**
 * A per-action override: `parameters` replaces the action's own parameters (everything but the conversation and
 * ApiVersion), e.g. an assign that takes `RoutingToken` instead of an agent id; `successStatus` its answer.
 */
export interface ActionPatch {
  parameters?: readonly ParameterPatch[];
  successStatus?: 200 | 204;
}

/** `POST /_emulator/config {"actionContract": …}`: any subset, merged onto the contract in force. */
export interface ContractPatch {
  binding?: 'bound' | 'unbound';
  conversationParameter?: string;
  agentParameter?: string;
  queueParameter?: string;
  /** false: the actions take no ApiVersion parameter (sending one is an invalid parameter). */
  apiVersion?: boolean;
  /** Every action's success status (a per-action successStatus still wins). */
  successStatus?: 200 | 204;
  actions?: Partial<Record<ActionName, ActionPatch>>;
}

/**
 * Other custom APIs an org with Contact Center has; listed in `customapis` so the data looks like a real org's
 * (a client must pick the six supervisor actions out of them). They are not served.
 */
export const OTHER_CUSTOM_APIS: readonly {
  uniquename: string;
  isfunction: boolean;
  parameters: readonly ParameterPatch[];
  response: Readonly<Record<string, FieldType>>;
}[] = [
  {
    uniquename: 'CCaaS_GetPresence',
    isfunction: true,
    parameters: [{ name: 'ApiVersion', type: 'String' }],
    response: { AgentId: 'Guid', AgentName: 'String', PresenceId: 'Guid', CurrentPresenceStatusInfo: 'String', Timestamp: 'DateTime' },
  },
  {
    uniquename: 'CCaaS_ModifyAgentPresence',
    isfunction: false,
    parameters: [
      { name: 'ApiVersion', type: 'String' },
      { name: 'AgentId', type: 'Guid' },
      { name: 'PresenceId', type: 'Guid' },
    ],
    response: {},
  },
  {
    uniquename: 'contoso_EscalateCase',
    isfunction: false,
    parameters: [
      { name: 'CaseId', type: 'Guid' },
      { name: 'Reason', type: 'String', optional: true },
    ],
    response: { Escalated: 'Boolean' },
  },
];
