import { t } from '../i18n';
import { SENTIMENT_LEVELS } from '../model/conversation';

type SentimentLevel = (typeof SENTIMENT_LEVELS)[number];
const isLevel = (level: number): level is SentimentLevel => (SENTIMENT_LEVELS as readonly number[]).includes(level);

/** A sentiment level in words; a level the platform adds later is shown with its number. */
export function sentimentWords(level: number): string {
  return isLevel(level) ? t(`panel_sentiment_${level}`) : t('panel_sentiment_unknown', level);
}
