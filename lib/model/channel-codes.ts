/*
 * Kept apart from the schemas in conversation.ts (which re-exports it): code that ships in the overlay content
 * script needs the codes but must not bundle zod.
 */
/** msdyn_channel option values (global choice msdyn_streamsource), platform-api.md §1.3. */
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
