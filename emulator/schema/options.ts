/**
 * Choice (option set) values and labels from the platform contract
 * (docs/platform.md). Labels feed FormattedValue annotations.
 */

export type OptionSet = Readonly<Record<number, string>>;

export const CONVERSATION_STATE: OptionSet = { 0: 'Open', 1: 'Closed', 2: 'Resolved', 3: 'Scheduled', 4: 'Wrap-up' };
export const CONVERSATION_STATUS: OptionSet = {
  1: 'Open',
  2: 'Active',
  3: 'Waiting',
  4: 'Closed',
  5: 'Wrap-up',
  6: 'Resolved',
  7: 'Scheduled',
};
export const STATUS = { open: 1, active: 2, waiting: 3, closed: 4, wrapup: 5 } as const;

export const CHANNEL: OptionSet = {
  19241000: 'Microsoft Teams',
  192300000: 'WhatsApp',
  192310000: 'LINE',
  192320000: 'WeChat',
  192330000: 'Facebook',
  192340000: 'SMS',
  192350000: 'Entity Records',
  192350001: 'Twitter',
  192350002: 'Custom',
  192360000: 'Live chat',
  192370000: 'Voice',
  192380000: 'Video',
  192390000: 'Co-browse',
  192400000: 'Screen sharing',
  192440000: 'Voice call',
  192450000: 'Apple Messages for Business',
  192450001: "Google's Business Messages",
};
export const CHANNELS = {
  teams: 19241000,
  whatsapp: 192300000,
  facebook: 192330000,
  sms: 192340000,
  record: 192350000,
  custom: 192350002,
  chat: 192360000,
  voice: 192370000,
  video: 192380000,
  voiceCall: 192440000,
} as const;
export const VOICE_CHANNELS: readonly number[] = [CHANNELS.voice, CHANNELS.voiceCall, CHANNELS.video];

export const SENTIMENT: OptionSet = {
  0: 'N/A',
  7: 'Very negative',
  8: 'Negative',
  9: 'Slightly negative',
  10: 'Neutral',
  11: 'Slightly positive',
  12: 'Positive',
  13: 'Very positive',
};

export const STATUS_CHANGE_REASON: OptionSet = {
  192350001: 'AwaitingAgentAssignment',
  192350002: 'AwaitingAgentAcceptance',
  192350003: 'InConversation',
  192350004: 'AwaitingCustomerResponse',
  192350005: 'AgentMovedToWrapUp',
  192350006: 'CustomerDisconnectedOrLeftActiveConversation',
  192350007: 'CutomerMovedToWrapUp',
  192350008: 'ConversationEndedByAgent',
  192350009: 'AutoClosedFromWaitingState',
  192350010: 'AutoClosedBySystem',
  192350011: 'ClosedDueToOverflow',
  192350012: 'CustomerDisconnectedOrLeftOpenConversation',
  192350013: 'ConversationEndedByBot',
  192350014: 'ClosedDueToFailure',
  192350015: 'ForceClosedBySupervisor',
  192350016: 'ClosedInDataverseDirectlyByAdmin',
  192350017: 'AssignedBySupervisor',
};
export const REASON = {
  awaitingAssignment: 192350001,
  awaitingAcceptance: 192350002,
  inConversation: 192350003,
  awaitingCustomer: 192350004,
  agentWrapUp: 192350005,
  customerLeftActive: 192350006,
  endedByAgent: 192350008,
  autoClosedWaiting: 192350009,
  autoClosed: 192350010,
  forceClosed: 192350015,
  closedByAdmin: 192350016,
  assignedBySupervisor: 192350017,
} as const;

export const DISTRIBUTION_MODE: OptionSet = { 192350000: 'Push', 192350001: 'Pick' };
export const ACTIVITY_STATE: OptionSet = { 0: 'Default', 1: 'Talk', 2: 'Hold', 3: 'Ended' };
export const ROUTING_TYPE: OptionSet = { 0: 'Rule Based', 1: 'Intent Based' };

export const QUEUE_TYPE: OptionSet = { 192350000: 'Messaging', 192350001: 'Entity', 192350002: 'Voice' };
export const ASSIGNMENT_STRATEGY: OptionSet = {
  192350000: 'Omnichannel assignment',
  192350001: 'Round robin',
  192350002: 'Custom',
  192350003: 'Longest idle',
};

export const BASE_PRESENCE: OptionSet = {
  192360000: 'Available',
  192360001: 'Busy',
  192360002: 'Busy - DND',
  192360003: 'Away',
  192360004: 'Offline',
};
export const PRESENCE = { available: 192360000, busy: 192360001, dnd: 192360002, away: 192360003, offline: 192360004 } as const;

export const CAPACITY_FORMAT: OptionSet = { 192350000: 'Unit', 192360000: 'Profile' };
export const WORKSTREAM_MODE: OptionSet = { 717210000: 'Legacy', 717210001: 'Simplified' };
export const DIRECTION: OptionSet = { 0: 'Inbound', 1: 'Outbound', 2: 'Direct inbound', 3: 'Direct outbound' };
export const CONVERSATION_MODE: OptionSet = { 192350000: 'Live chat', 192350001: 'Persistent' };

export const PARTICIPANT_MODE: OptionSet = { 192350002: 'Primary', 192350003: 'Consult', 192350004: 'Monitor', 192350005: 'Preview' };
export const MODE = { primary: 192350002, consult: 192350003, monitor: 192350004 } as const;

export const SESSION_STATE: OptionSet = { 192350000: 'Default', 192350001: 'Active', 192350002: 'Closed', 192350003: 'New' };
export const SESSION_CLOSURE: OptionSet = {
  192350000: 'Default',
  192350011: 'SupervisorAssignToQueue',
  192350012: 'SupervisorTransferToAgent',
  192350014: 'ForceClose',
};

export const ACTIVE_INACTIVE_STATE: OptionSet = { 0: 'Active', 1: 'Inactive' };
export const ACTIVE_INACTIVE_STATUS: OptionSet = { 1: 'Active', 2: 'Inactive' };
export const TEAM_TYPE: OptionSet = { 0: 'Owner', 1: 'Access', 2: 'Security Group', 3: 'Office Group' };
export const CHARACTERISTIC_TYPE: OptionSet = { 1: 'Skill', 2: 'Certification' };
export const RESOURCE_TYPE: OptionSet = {
  1: 'Generic',
  2: 'Contact',
  3: 'User',
  4: 'Equipment',
  5: 'Account',
  6: 'Crew',
  7: 'Facility',
  8: 'Pool',
};
export const INCIDENT_STATE: OptionSet = { 0: 'Active', 1: 'Resolved', 2: 'Cancelled' };

/** customapi.bindingtype and the request-parameter / response-property type option set (custom API tables docs). */
export const BINDING_TYPE: OptionSet = { 0: 'Global', 1: 'Entity', 2: 'EntityCollection' };
export const CUSTOM_API_FIELD_TYPE: OptionSet = {
  0: 'Boolean',
  1: 'DateTime',
  2: 'Decimal',
  3: 'Entity',
  4: 'EntityCollection',
  5: 'EntityReference',
  6: 'Float',
  7: 'Integer',
  8: 'Money',
  9: 'Picklist',
  10: 'String',
  11: 'StringArray',
  12: 'Guid',
};
export const PROCESSING_STEP_TYPE: OptionSet = { 0: 'None', 1: 'Async Only', 2: 'Sync and Async' };
