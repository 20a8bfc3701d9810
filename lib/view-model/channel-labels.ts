import { t } from '../i18n';
import { CHANNEL } from '../model/conversation';

const NAME_BY_CODE = new Map<number, keyof typeof CHANNEL>(Object.entries(CHANNEL).map(([name, code]) => [code, name as keyof typeof CHANNEL]));

/** msdyn_channel code → its label. An unknown code is shown as its number, never dropped: the platform adds channels. */
export function channelLabel(code: number): string {
  const name = NAME_BY_CODE.get(code);
  return name ? t(`panel_channel_${name}`) : t('panel_channel_unknown', code);
}
