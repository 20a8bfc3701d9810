import { CHANNEL, type Conversation } from '../model/conversation';

/** Voice and video: a messaging conversation escalated to either can no longer be transferred (docs/platform.md, "Channel"). */
const VOICE_OR_VIDEO: readonly number[] = [CHANNEL.voice, CHANNEL.voiceCall, CHANNEL.video];

/** The digital messaging channels a supervisor may transfer. Co-browse and screen sharing ride on them. */
const MESSAGING: readonly number[] = [
  CHANNEL.teams,
  CHANNEL.whatsapp,
  CHANNEL.line,
  CHANNEL.wechat,
  CHANNEL.facebook,
  CHANNEL.sms,
  CHANNEL.twitter,
  CHANNEL.custom,
  CHANNEL.liveChat,
  CHANNEL.appleMessages,
  CHANNEL.googleBusinessMessages,
];

export const isRecordRouted = (c: Conversation): boolean => c.channels.includes(CHANNEL.entityRecords);
export const hasMessaging = (c: Conversation): boolean => c.channels.some((ch) => MESSAGING.includes(ch));
export const hasVoiceOrVideo = (c: Conversation): boolean => c.channels.some((ch) => VOICE_OR_VIDEO.includes(ch));
