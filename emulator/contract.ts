/**
 * The undocumented shapes of the supervisor CCaaS actions, in ONE place (platform-api.md §1.5, §7.1: names are
 * documented, parameters/binding/results are not). Both the bound form
 * `POST msdyn_ocliveworkitems(<id>)/Microsoft.Dynamics.CRM.<Name>` and the unbound form `POST <Name>` (id in the
 * body) are served; $metadata declares the binding given here. Correct this object when a real org says otherwise.
 */

export type ActionName =
  | 'CCaaS_MonitorConversation'
  | 'CCaaS_JoinConversation'
  | 'CCaaS_AssignConversation'
  | 'CCaaS_InitiateQueueAssignment'
  | 'CCaaS_InitiateAgentTransferBySupervisor'
  | 'CCaaS_ForceCloseConversation';

export interface ActionShape {
  /** Body parameters besides the conversation (which comes from the URL when bound). */
  parameters: readonly ('AgentId' | 'QueueId')[];
  /** 204 without a body, or 200 with a `…Response` body whose properties (name → Edm type) are listed. */
  successStatus: 200 | 204;
  response?: Readonly<Record<string, 'Edm.Int32' | 'Edm.Boolean' | 'Edm.String'>>;
}

export const CONTRACT = {
  /** How $metadata declares the actions: bound to msdyn_ocliveworkitem (medium confidence, §7.1). */
  isBound: true,
  bindingParameter: 'entity',
  apiVersionParameter: 'ApiVersion',
  apiVersion: '1.0',
  conversationIdParameter: 'ConversationId',
  actions: {
    CCaaS_MonitorConversation: { parameters: [], successStatus: 204 },
    CCaaS_JoinConversation: { parameters: [], successStatus: 204 },
    // Assign answers with a body so a capacity override can say by how much capacity is exceeded.
    CCaaS_AssignConversation: {
      parameters: ['AgentId'],
      successStatus: 200,
      response: { CapacityExceededBy: 'Edm.Int32', PresenceOverridden: 'Edm.Boolean', Status: 'Edm.String' },
    },
    CCaaS_InitiateQueueAssignment: { parameters: ['QueueId'], successStatus: 204 },
    CCaaS_InitiateAgentTransferBySupervisor: { parameters: ['AgentId'], successStatus: 204 },
    CCaaS_ForceCloseConversation: { parameters: [], successStatus: 204 },
  } satisfies Record<ActionName, ActionShape>,
  /** The role a supervisor needs for every action (§2.7). */
  supervisorRoleName: 'Omnichannel supervisor',
  /**
   * "ForceClose/Assign fails" troubleshooting (§1.5, §2.7): the Omnichannel API access role belongs to the
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
