/**
 * Fixed reference data every org has: presences (out-of-box ids per docs/platform.md#presence-and-capacity), roles, the
 * supervisors team, skills and the channel workstreams. Kept apart from the seeded people and traffic.
 */
import { CHANNELS, PRESENCE } from '../schema/options';

export const PRESENCES = [
  { id: 'f523f628-c07a-e811-8162-000d3aa11f50', name: 'Available', base: PRESENCE.available },
  { id: 'efdeb843-c07a-e811-8162-000d3aa11f50', name: 'Busy', base: PRESENCE.busy },
  { id: '08971864-c07a-e811-8162-000d3aa11f50', name: 'Do not disturb', base: PRESENCE.dnd },
  { id: '3dacae76-c07a-e811-8162-000d3aa11f50', name: 'Away', base: PRESENCE.away },
  { id: '70139190-c07a-e811-8162-000d3aa11f50', name: 'Offline', base: PRESENCE.offline },
] as const;

export const presenceIdOf = (base: number): string => PRESENCES.find((p) => p.base === base)?.id ?? PRESENCES[4].id;
export const baseOfPresence = (id: unknown): number => PRESENCES.find((p) => p.id === id)?.base ?? PRESENCE.offline;

export type QueueKind = 'messaging' | 'voice' | 'record';

export interface WorkstreamSpec {
  key: string;
  name: string;
  channel: number;
  /** Persistent (async) channels may wait for the customer; live ones cannot. */
  persistent: boolean;
  capacity: number;
  allowedPresences: readonly number[];
  /** Channel auto-close timers in minutes (msdyn_occhannelstateconfiguration, docs/platform.md#conversation-status): wrap-up and waiting. */
  wrapUpCloseMinutes: number;
  waitingCloseMinutes: number;
}

const ALLOWED = [PRESENCE.available, PRESENCE.busy];

export const WORKSTREAMS: readonly WorkstreamSpec[] = [
  {
    key: 'chat',
    name: 'Live chat',
    channel: CHANNELS.chat,
    persistent: false,
    capacity: 25,
    allowedPresences: ALLOWED,
    wrapUpCloseMinutes: 15,
    waitingCloseMinutes: 0,
  },
  {
    key: 'whatsapp',
    name: 'WhatsApp',
    channel: CHANNELS.whatsapp,
    persistent: true,
    capacity: 20,
    allowedPresences: ALLOWED,
    wrapUpCloseMinutes: 10,
    waitingCloseMinutes: 1440,
  },
  {
    key: 'sms',
    name: 'SMS',
    channel: CHANNELS.sms,
    persistent: true,
    capacity: 20,
    allowedPresences: ALLOWED,
    wrapUpCloseMinutes: 10,
    waitingCloseMinutes: 1440,
  },
  {
    key: 'facebook',
    name: 'Facebook',
    channel: CHANNELS.facebook,
    persistent: true,
    capacity: 20,
    allowedPresences: ALLOWED,
    wrapUpCloseMinutes: 10,
    waitingCloseMinutes: 1440,
  },
  {
    key: 'teams',
    name: 'Microsoft Teams',
    channel: CHANNELS.teams,
    persistent: false,
    capacity: 25,
    allowedPresences: ALLOWED,
    wrapUpCloseMinutes: 15,
    waitingCloseMinutes: 0,
  },
  {
    key: 'custom',
    name: 'Custom messaging',
    channel: CHANNELS.custom,
    persistent: true,
    capacity: 20,
    allowedPresences: ALLOWED,
    wrapUpCloseMinutes: 10,
    waitingCloseMinutes: 1440,
  },
  {
    key: 'voice',
    name: 'Voice',
    channel: CHANNELS.voice,
    persistent: false,
    capacity: 100,
    allowedPresences: [PRESENCE.available],
    wrapUpCloseMinutes: 5,
    waitingCloseMinutes: 0,
  },
  {
    key: 'record',
    name: 'Case routing',
    channel: CHANNELS.record,
    persistent: false,
    capacity: 50,
    allowedPresences: ALLOWED,
    wrapUpCloseMinutes: 30,
    waitingCloseMinutes: 0,
  },
];

/** Units every agent has in the unit capacity model (msdyn_availableunitscapacity when idle). */
export const AGENT_UNIT_CAPACITY = 100;

/**
 * The profile capacity model: each workstream belongs to one profile; a conversation takes one unit of its profile;
 * a profile with blockAssignment stops every new assignment to an agent who has used all of it.
 */
export const CAPACITY_PROFILES: readonly {
  key: string;
  name: string;
  maxUnits: number;
  blockAssignment: boolean;
  workstreams: readonly string[];
}[] = [
  { key: 'chat', name: 'Live chat', maxUnits: 4, blockAssignment: false, workstreams: ['chat', 'teams'] },
  {
    key: 'async',
    name: 'Asynchronous messaging',
    maxUnits: 6,
    blockAssignment: false,
    workstreams: ['whatsapp', 'sms', 'facebook', 'custom'],
  },
  { key: 'voice', name: 'Voice call', maxUnits: 1, blockAssignment: true, workstreams: ['voice'] },
  { key: 'case', name: 'Case', maxUnits: 5, blockAssignment: false, workstreams: ['record'] },
];

export const QUEUE_KINDS: readonly { name: string; kind: QueueKind; workstreams: readonly string[] }[] = [
  { name: 'Billing', kind: 'messaging', workstreams: ['chat', 'whatsapp', 'sms'] },
  { name: 'Technical support', kind: 'messaging', workstreams: ['chat', 'facebook', 'teams', 'custom'] },
  { name: 'Sales enquiries', kind: 'messaging', workstreams: ['chat', 'whatsapp'] },
  { name: 'Voice support', kind: 'voice', workstreams: ['voice'] },
  { name: 'Case routing', kind: 'record', workstreams: ['record'] },
];

export const REGIONS = ['EMEA', 'Americas', 'APAC', 'Nordics', 'UK & Ireland'] as const;

export const SKILLS = ['English', 'Spanish', 'Swedish', 'Billing', 'Networking', 'Voice'] as const;
export const RATINGS = [
  ['Beginner', 1],
  ['Intermediate', 2],
  ['Advanced', 3],
  ['Expert', 4],
] as const;

export const FIRST_NAMES = [
  'Aisha',
  'Ben',
  'Carla',
  'Dev',
  'Elena',
  'Farid',
  'Greta',
  'Hugo',
  'Ines',
  'Jonas',
  'Keiko',
  'Liam',
  'Maya',
  'Noah',
  'Olga',
  'Pedro',
  'Quinn',
  'Rosa',
  'Sven',
  'Tara',
  'Umar',
  'Vera',
  'Wen',
  'Ximena',
  'Yusuf',
  'Zoe',
] as const;
export const LAST_NAMES = [
  'Andersson',
  'Brown',
  'Costa',
  'Dubois',
  'Eriksen',
  'Fischer',
  'García',
  'Hansen',
  'Ivanova',
  'Jensen',
  'Kowalski',
  'Larsen',
  'Müller',
  'Nakamura',
  'O’Brien',
  'Patel',
  'Rossi',
  'Schmidt',
  'Tanaka',
  'Urbano',
  'Virtanen',
  'Wong',
] as const;

export const TOPICS = [
  'Invoice question',
  'Refund request',
  'Password reset',
  'Router offline',
  'Upgrade plan',
  'Delivery delay',
  'Cancel subscription',
  'Payment failed',
  'New order',
  'Address change',
  'Slow connection',
  'Warranty claim',
] as const;

export const CONFIGURATION_ID = '0c0f0000-0000-4000-8000-000000000001';
