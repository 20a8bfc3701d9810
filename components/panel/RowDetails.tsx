import type { ReadonlySignal } from '@preact/signals';
import { locale, t } from '../../lib/i18n';
import type { Conversation } from '../../lib/model/conversation';
import type { EffectiveSettings } from '../../lib/model/settings';
import { formatClockTime } from '../../lib/format/clock';
import { channelLabel } from '../../lib/view-model/channel-labels';
import { thresholdFor } from '../../lib/view-model/thresholds';
import { HandleTime, RowFreshness, SentimentBadge, StatusBadge, WaitTime } from './cells';

interface Props {
  row: Conversation;
  now: ReadonlySignal<number>;
  settings: EffectiveSettings | null;
  /** The actions area (the actions helper's ConversationActions and ActionLog), rendered under the facts. */
  actions?: preact.ComponentChildren;
}

/** Everything known about one conversation, as a definition list; customer text is rendered as text only. */
export function RowDetails({ row, now, settings, actions }: Props) {
  const threshold = thresholdFor(settings, row.queueId);
  const created = Date.parse(row.createdOn);
  const monitoringNotice = settings?.values.monitoringNotice.trim();
  return (
    <div class="fw-details">
      <dl class="fw-facts">
        <Fact label={t('panel_column_customer')}>{row.customerName ?? t('panel_customer_unknown')}</Fact>
        <Fact label={t('panel_detail_subject')}>{row.subject}</Fact>
        <Fact label={t('panel_column_status')}>
          <StatusBadge status={row.status} />
        </Fact>
        <Fact label={t('panel_column_agent')}>{row.agentName ?? t('panel_unassigned')}</Fact>
        <Fact label={t('panel_column_queue')}>{row.queueName ?? '–'}</Fact>
        <Fact label={t('panel_column_channel')}>{row.channels.map(channelLabel).join(', ') || '–'}</Fact>
        <Fact label={t('panel_column_wait')}>
          <WaitTime row={row} now={now} threshold={threshold} />
        </Fact>
        <Fact label={t('panel_column_handle')}>
          <HandleTime row={row} now={now} />
        </Fact>
        <Fact label={t('panel_column_sentiment')}>
          <SentimentBadge sentiment={row.sentiment} threshold={threshold} />
        </Fact>
        <Fact label={t('panel_column_transfers')}>{row.transferCount}</Fact>
        <Fact label={t('panel_detail_created')}>{Number.isFinite(created) ? formatClockTime(created, now.value, locale.value) : '–'}</Fact>
        <Fact label={t('panel_column_freshness')}>
          <RowFreshness observedAt={row.observedAt} now={now} />
        </Fact>
        {row.pending && <Fact label={t('panel_detail_pending')}>{t(`panel_detail_pending_${row.pending.kind}`)}</Fact>}
        <Fact label={t('panel_detail_id')}>
          <code>{row.id}</code>
        </Fact>
      </dl>
      {monitoringNotice && (
        <p class="fw-note" role="note">
          <span class="fw-strong">{t('panel_monitoring_notice')}</span> {monitoringNotice}
        </p>
      )}
      {actions}
    </div>
  );
}

function Fact({ label, children }: { label: string; children: preact.ComponentChildren }) {
  return (
    <div class="fw-fact">
      <dt>{label}</dt>
      <dd>{children}</dd>
    </div>
  );
}
