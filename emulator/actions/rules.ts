/** Facts about a conversation the action preconditions are written in. */
import { CONVERSATION_STATUS, CHANNELS, VOICE_CHANNELS } from '../schema/options';
import { badRequest } from '../server/errors';
import { participantsOf } from '../world/records';
import { bestAgent } from '../world/routing';
import type { Row, Store } from '../world/store';
import type { ActionRequest } from './request';
import { cellText } from '../odata/values';

export const statusLabel = (conversation: Row): string =>
  CONVERSATION_STATUS[Number(conversation.statuscode)] ?? String(conversation.statuscode);

const channelsOf = (conversation: Row): number[] =>
  cellText(conversation.msdyn_channel ?? '')
    .split(',')
    .filter(Boolean)
    .map(Number);

export const isRecordRouted = (conversation: Row): boolean => channelsOf(conversation).includes(CHANNELS.record);

/** Voice/video, including a messaging conversation escalated to voice (the channel list then holds both). */
export const hasVoiceOrVideo = (conversation: Row): boolean => channelsOf(conversation).some((c) => VOICE_CHANNELS.includes(c));

/** A violated precondition: 400 with a message that names the rule. */
export const violated = (rule: string, detail: string) => badRequest(`${rule} rule: ${detail}`);

export function activeParticipant(store: Store, conversation: Row, agentId: string, mode: number): Row | undefined {
  return participantsOf(store, conversation).find((p) => p._msdyn_agentid_value === agentId && p.msdyn_mode === mode && !p.msdyn_lefton);
}

/** The agent the request names, or, when the org's contract takes no agent id, the one routing would offer it to. */
export function targetAgent(r: ActionRequest): string {
  if (r.params.agent) return r.params.agent;
  const world = r.c.state.world;
  const queue = world.index.queues.find((q) => q.id === r.conversation._msdyn_cdsqueueid_value);
  const ws = world.index.workstreamOf.get(cellText(r.conversation._msdyn_liveworkstreamid_value ?? ''));
  const agent = queue && ws ? bestAgent(world, queue, ws, r.conversation) : undefined;
  if (!agent) throw violated('Target agent', 'no agent of the queue can take the conversation now.');
  return agent;
}
