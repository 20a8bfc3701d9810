/** Facts about a conversation the action preconditions are written in. */
import { CONVERSATION_STATUS, CHANNELS, VOICE_CHANNELS } from '../schema/options';
import { badRequest } from '../server/errors';
import { participantsOf } from '../world/records';
import type { Row, Store } from '../world/store';

export const statusLabel = (conversation: Row): string => CONVERSATION_STATUS[Number(conversation.statuscode)] ?? String(conversation.statuscode);

export const channelsOf = (conversation: Row): number[] =>
  String(conversation.msdyn_channel ?? '').split(',').filter(Boolean).map(Number);

export const isRecordRouted = (conversation: Row): boolean => channelsOf(conversation).includes(CHANNELS.record);

/** Voice/video, including a messaging conversation escalated to voice (the channel list then holds both). */
export const hasVoiceOrVideo = (conversation: Row): boolean => channelsOf(conversation).some((c) => VOICE_CHANNELS.includes(c));

/** A violated precondition: 400 with a message that names the rule. */
export const violated = (rule: string, detail: string) => badRequest(`${rule} rule: ${detail}`);

export function activeParticipant(store: Store, conversation: Row, agentId: string, mode: number): Row | undefined {
  return participantsOf(store, conversation).find((p) => p._msdyn_agentid_value === agentId && p.msdyn_mode === mode && !p.msdyn_lefton);
}
