import { t } from '../../i18n';
import type { Alert } from './alert';
import { sentimentWords } from '../../format/sentiment';

/** An alert in words, for the panel and the browser notification alike. */
export function alertWords(alert: Alert): { title: string; body: string } {
  const queue = alert.queueName ?? t('alerts_noQueue');
  const count = alert.conversationIds.length;
  switch (alert.kind) {
    case 'idleMismatch':
      return { title: t('alerts_idleMismatch_title', queue), body: t('alerts_idleMismatch_body', count, alert.value) };
    case 'breachSoon':
      return { title: t('alerts_breachSoon_title', queue), body: t('alerts_breachSoon_body', count, alert.value) };
    case 'sentimentDrop':
      return {
        title: t('alerts_sentimentDrop_title', alert.label ?? ''),
        body: t('alerts_sentimentDrop_body', queue, sentimentWords(alert.value)),
      };
  }
}
