import { t } from '../i18n';
import { CHANNEL } from '../model/conversation';

const NAME_BY_CODE = new Map<number, keyof typeof CHANNEL>(
  Object.entries(CHANNEL).map(([name, code]) => [code, name as keyof typeof CHANNEL]),
);

/** msdyn_channel code → its label. An unknown code is shown as its number, never dropped: the platform adds channels. */
export function channelLabel(code: number): string {
  const name = NAME_BY_CODE.get(code);
  return name ? t(`panel_channel_${name}`) : t('panel_channel_unknown', code);
}

const VOICE: ReadonlySet<number> = new Set([CHANNEL.voice, CHANNEL.voiceCall]);
const RECORDS: ReadonlySet<number> = new Set([CHANNEL.entityRecords]);
const VIDEO: ReadonlySet<number> = new Set([CHANNEL.video, CHANNEL.cobrowse, CHANNEL.screenShare]);

/** A one-glyph mark for a channel's kind (call, video, record, message), for the narrow row; the label goes beside it as text. */
export function channelIcon(code: number): string {
  if (VOICE.has(code)) return '☎';
  if (VIDEO.has(code)) return '▶';
  if (RECORDS.has(code)) return '▤';
  return '✉';
}
