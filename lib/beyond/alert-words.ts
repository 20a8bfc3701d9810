import { t } from '../i18n';
import type { Alert } from './beyond-state';

/** An alert in words, for the panel and the browser notification alike. */
export function alertWords(alert: Alert): { title: string; body: string } {
  const queue = alert.queueName ?? t('beyond_alert_noQueue');
  const count = alert.conversationIds.length;
  switch (alert.kind) {
    case 'idleMismatch':
      return { title: t('beyond_alert_idleMismatch_title', queue), body: t('beyond_alert_idleMismatch_body', count, alert.value) };
    case 'breachSoon':
      return { title: t('beyond_alert_breachSoon_title', queue), body: t('beyond_alert_breachSoon_body', count, alert.value) };
    case 'sentimentDrop':
      return { title: t('beyond_alert_sentimentDrop_title', alert.label ?? ''), body: t('beyond_alert_sentimentDrop_body', queue, t(`panel_sentiment_${alert.value}`)) };
  }
}
