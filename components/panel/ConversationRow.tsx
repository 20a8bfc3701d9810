import type { ReadonlySignal } from '@preact/signals';
import { memo } from 'preact/compat';
import { t } from '../../lib/i18n';
import type { Conversation } from '../../lib/model/conversation';
import type { EffectiveSettings } from '../../lib/model/settings';
import { channelLabel } from '../../lib/view-model/channel-labels';
import { thresholdFor } from '../../lib/view-model/thresholds';
import type { ColumnId } from '../../lib/view-model/list-spec';
import { HandleTime, RowFreshness, SentimentBadge, StatusBadge, WaitTime } from './cells';
import { ROW_HEIGHT, rowDomId } from './columns';
import { ErrorBoundary } from './ErrorBoundary';
import type { LockEntry } from '../../lib/features/soft-locks/locks';
import { RowLockMark } from '../features/soft-locks/RowLockMark';

export interface RowProps {
  row: ReadonlySignal<Conversation>;
  index: number;
  rowIndex: number;
  columns: readonly ColumnId[];
  selected: boolean;
  now: ReadonlySignal<number>;
  settings: EffectiveSettings | null;
  /** Other supervisors' actions under way, for the lock mark. */
  locks: ReadonlySignal<readonly LockEntry[]>;
  onOpen: (id: string) => void;
}

/**
 * One conversation. Reads only its own row signal, so a patch to this row re-renders this row alone; memo keeps
 * its neighbours still when the list around it changes.
 */
export const ConversationRow = memo(function ConversationRow(props: RowProps) {
  const row = props.row.value;
  const top = props.index * ROW_HEIGHT;
  return (
    <ErrorBoundary
      fallback={() => (
        <div role="row" class="fw-row fw-row-broken" aria-rowindex={props.rowIndex} style={{ top }}>
          <div role="gridcell" aria-colspan={props.columns.length}>
            {t('panel_row_broken')}
          </div>
        </div>
      )}
    >
      <div
        role="row"
        id={rowDomId(row.id)}
        class={`fw-row${props.selected ? ' fw-selected' : ''}`}
        aria-rowindex={props.rowIndex}
        aria-selected={props.selected}
        style={{ top }}
        onClick={() => props.onOpen(row.id)}
      >
        {props.columns.map((column) => (
          <div role="gridcell" class={`fw-cell fw-cell-${column}`} key={column}>
            <Cell column={column} row={row} now={props.now} settings={props.settings} locks={props.locks} />
          </div>
        ))}
      </div>
    </ErrorBoundary>
  );
});

function Cell({ column, row, now, settings, locks }: Pick<RowProps, 'now' | 'settings' | 'locks'> & { column: ColumnId; row: Conversation }) {
  switch (column) {
    case 'customer':
      return (
        <span class="fw-customer">
          <span class="fw-strong">
            <RowLockMark conversationId={row.id} locks={locks} />
            {row.customerName ?? t('panel_customer_unknown')}
          </span>
          <span class="fw-subject">{row.subject}</span>
        </span>
      );
    case 'status':
      return <StatusBadge status={row.status} />;
    case 'agent':
      return row.agentName ? <span>{row.agentName}</span> : <span class="fw-muted">{t('panel_unassigned')}</span>;
    case 'queue':
      return <span>{row.queueName ?? '–'}</span>;
    case 'channel':
      return <span>{row.channels.map(channelLabel).join(', ') || '–'}</span>;
    case 'wait':
      return <WaitTime row={row} now={now} threshold={thresholdFor(settings, row.queueId)} />;
    case 'handle':
      return <HandleTime row={row} now={now} />;
    case 'sentiment':
      return <SentimentBadge sentiment={row.sentiment} threshold={thresholdFor(settings, row.queueId)} />;
    case 'transfers':
      return <span>{row.transferCount}</span>;
    case 'freshness':
      return <RowFreshness observedAt={row.observedAt} now={now} />;
  }
}
