import { describe, expect, it } from 'vitest';
import { availability } from '../../../lib/actions/rules';
import { ACTION_KINDS, type ActionKind, type ActionRecord, type Feature } from '../../../lib/model/actions';
import { CHANNEL, type ConversationStatus } from '../../../lib/model/conversation';
import { DEFAULT_SETTINGS } from '../../../lib/model/settings';
import { ME, access, conversation, settings } from './fixtures';

/**
 * The documented behaviour (docs/platform.md, "Messages on the table"), written as a table rather than derived from the code:
 * which states and channels each action accepts, and the reason otherwise.
 */
const CHANNELS = {
  liveChat: [CHANNEL.liveChat],
  sms: [CHANNEL.sms],
  whatsapp: [CHANNEL.whatsapp],
  teams: [CHANNEL.teams],
  voice: [CHANNEL.voice],
  voiceCall: [CHANNEL.voiceCall],
  chatEscalatedToVoice: [CHANNEL.liveChat, CHANNEL.voice],
  chatEscalatedToVideo: [CHANNEL.liveChat, CHANNEL.video],
  records: [CHANNEL.entityRecords],
} as const;
type ChannelCase = keyof typeof CHANNELS;
const STATES: ConversationStatus[] = ['open', 'active', 'waiting', 'wrapup'];
const MESSAGING: ChannelCase[] = ['liveChat', 'sms', 'whatsapp', 'teams'];
const VOICE: ChannelCase[] = ['voice', 'voiceCall'];

const FEATURE: Record<ActionKind, Feature> = {
  monitor: 'monitor',
  join: 'monitor',
  assignAgent: 'assign',
  assignQueue: 'assign',
  transfer: 'transfer',
  forceClose: 'forceClose',
};

function documented(kind: ActionKind, state: ConversationStatus, channel: ChannelCase): string | null {
  switch (kind) {
    case 'monitor':
      if (state === 'open') return 'actions_reason_monitorState';
      return channel === 'records' ? 'actions_reason_monitorRecord' : null;
    case 'join':
      // Without monitoring first, join is never possible.
      return 'actions_reason_joinFirst';
    case 'assignAgent':
    case 'assignQueue':
      return state === 'open' ? null : 'actions_reason_assignState';
    case 'transfer':
      if (state !== 'active' && state !== 'waiting') return 'actions_reason_transferState';
      if (MESSAGING.includes(channel)) return null;
      return channel.startsWith('chatEscalated') ? 'actions_reason_transferEscalated' : 'actions_reason_transferChannel';
    case 'forceClose':
      return MESSAGING.includes(channel) || VOICE.includes(channel) || channel.startsWith('chatEscalated')
        ? null
        : 'actions_reason_forceCloseChannel';
  }
}

describe('availability: every action × state × channel × role × org switch × policy', () => {
  for (const kind of ACTION_KINDS) {
    for (const state of STATES) {
      for (const channel of Object.keys(CHANNELS) as ChannelCase[]) {
        it(`${kind} on ${state} ${channel}`, () => {
          const row = conversation({ status: state, channels: [...CHANNELS[channel]], agentId: state === 'open' ? null : 'someone-else' });
          const feature = FEATURE[kind];
          for (const role of ['supervisor', 'notSupervisor'] as const) {
            for (const switchOn of [true, false]) {
              for (const policyOn of [true, false]) {
                const who = access({
                  state: role,
                  orgSwitches: { ...access().orgSwitches, [feature]: switchOn },
                  policyAllows: { ...access().policyAllows, [feature]: policyOn },
                });
                const expected =
                  role !== 'supervisor'
                    ? 'actions_reason_notSupervisor'
                    : !switchOn
                      ? `actions_reason_switchOff_${feature}`
                      : !policyOn
                        ? `actions_reason_policyOff_${feature}`
                        : documented(kind, state, channel);
                expect(availability(kind, { conversation: row, access: who })).toEqual({ enabled: expected === null, reason: expected });
              }
            }
          }
        });
      }
    }
  }
});

describe('availability: the finer rules', () => {
  const who = access();

  it('does not let a supervisor monitor a conversation they handle themselves', () => {
    expect(availability('monitor', { conversation: conversation({ agentId: ME }), access: who }).reason).toBe('actions_reason_monitorOwn');
  });

  it('allows join only once monitoring, and not twice', () => {
    const monitoring = conversation({ participants: [{ agentId: ME, mode: 'monitor' }] });
    expect(availability('join', { conversation: monitoring, access: who })).toEqual({ enabled: true, reason: null });
    expect(availability('monitor', { conversation: monitoring, access: who }).reason).toBe('actions_reason_monitoring');
    const joined = conversation({ participants: [{ agentId: ME, mode: 'consult' }] });
    expect(availability('join', { conversation: joined, access: who }).reason).toBe('actions_reason_joined');
    // Someone else monitoring does not count as us.
    const other = conversation({ participants: [{ agentId: 'other', mode: 'monitor' }] });
    expect(availability('join', { conversation: other, access: who }).reason).toBe('actions_reason_joinFirst');
  });

  it('refuses assign for an open conversation that already has an agent or an offer out', () => {
    expect(availability('assignAgent', { conversation: conversation({ status: 'open', agentId: 'x' }), access: who }).reason).toBe(
      'actions_reason_assignState',
    );
    const offered = conversation({ status: 'open', agentId: null, pending: { kind: 'assign', targetAgentId: 'x', since: '' } });
    expect(availability('assignQueue', { conversation: offered, access: who }).reason).toBe('actions_reason_assignState');
  });

  it('refuses a second transfer while one waits for the agent', () => {
    const pending = conversation({ pending: { kind: 'transfer', targetAgentId: 'x', since: '' } });
    expect(availability('transfer', { conversation: pending, access: who }).reason).toBe('actions_reason_transferPending');
  });

  it('names the cause when access is not settled', () => {
    expect(availability('monitor', { conversation: conversation(), access: access({ state: 'signedOut' }) }).reason).toBe(
      'actions_reason_signedOut',
    );
    expect(availability('monitor', { conversation: conversation(), access: access({ state: 'checking' }) }).reason).toBe(
      'actions_reason_accessUnknown',
    );
  });

  it("tells the user's own option apart from the organisation's", () => {
    const off = { ...DEFAULT_SETTINGS, actions: { ...DEFAULT_SETTINGS.actions, transfer: false } };
    const mine = availability('transfer', { conversation: conversation(), access: who, settings: settings({ values: off }) });
    expect(mine.reason).toBe('actions_reason_userOff_transfer');
    const managed = availability('transfer', {
      conversation: conversation(),
      access: who,
      settings: settings({ values: off, managedKeys: ['actions.transfer'] }),
    });
    expect(managed.reason).toBe('actions_reason_policyOff_transfer');
  });

  it('blocks every action while another one on the same conversation is in flight', () => {
    const inFlight = (kind: ActionKind, state: ActionRecord['state']): ActionRecord => ({
      id: 'r',
      intent: { kind, conversationId: conversation().id, etag: 'W/"1"' } as ActionRecord['intent'],
      label: '',
      state,
      startedAt: 0,
      finishedAt: null,
      failure: null,
      detail: null,
      retryAt: null,
      capacityExceededBy: null,
    });
    const ctx = (record: ActionRecord) => ({ conversation: conversation(), access: who, activeRecord: record });
    expect(availability('forceClose', ctx(inFlight('forceClose', 'pending'))).reason).toBe('actions_reason_inFlightSame');
    expect(availability('forceClose', ctx(inFlight('monitor', 'pending'))).reason).toBe('actions_reason_inFlightOther');
    expect(availability('forceClose', ctx(inFlight('transfer', 'waitingForAgent'))).reason).toBe('actions_reason_inFlightOther');
    expect(availability('forceClose', ctx(inFlight('monitor', 'done'))).enabled).toBe(true);
  });

  it('says to open the workspace when an action’s way needs it, only after every platform rule passed', () => {
    const closed = { workspaceOpen: false, workerRefused: false };
    const refusing = { workspaceOpen: false, workerRefused: true };
    expect(availability('monitor', { conversation: conversation(), access: who, routes: closed }).reason).toBe(
      'actions_reason_openWorkspace',
    );
    // Writes go from the worker while the org accepts them from there.
    expect(availability('forceClose', { conversation: conversation(), access: who, routes: closed }).enabled).toBe(true);
    expect(availability('forceClose', { conversation: conversation(), access: who, routes: refusing }).reason).toBe(
      'actions_reason_openWorkspace',
    );
    expect(
      availability('forceClose', { conversation: conversation(), access: who, routes: { workspaceOpen: true, workerRefused: true } })
        .enabled,
    ).toBe(true);
    // Opening the workspace would not help: the platform's own reason comes first.
    expect(
      availability('monitor', { conversation: conversation({ channels: [CHANNEL.entityRecords] }), access: who, routes: closed }).reason,
    ).toBe('actions_reason_monitorRecord');
    expect(availability('monitor', { conversation: conversation(), access: access({ state: 'signedOut' }), routes: closed }).reason).toBe(
      'actions_reason_signedOut',
    );
  });
});
