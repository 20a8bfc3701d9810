import type { ReadonlySignal } from '@preact/signals';
import { memo } from './memo';
import { t } from '../../lib/i18n';
import type { Conversation, PendingHandoff } from '../../lib/model/conversation';
import type { EffectiveSettings } from '../../lib/model/settings';
import { channelIcon, channelLabel } from '../../lib/view-model/channel-labels';
import { conversationLabel } from '../../lib/view-model/conversation-label';
import { thresholdFor } from '../../lib/view-model/thresholds';
import type { ColumnId } from '../../lib/view-model/list-spec';
import { HandleTime, RowFreshness, SentimentBadge, StatusBadge, WaitTime } from './cells';
import { rowDomId } from './columns';
import { ErrorBoundary } from './ErrorBoundary';
import type { LockEntry } from '../../lib/features/soft-locks/locks';
import { RowLockMark } from '../features/soft-locks/RowLockMark';

export interface RowProps {
  row: ReadonlySignal<Conversation>;
  index: number;
  rowIndex: number;
  columns: readonly ColumnId[];
  /** The two-line layout of a narrow panel: icons for channel and sentiment, the marks on the second line. */
  narrow: boolean;
  rowHeight: number;
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
  return (
    <ErrorBoundary
      fallback={() => (
        <div role="row" class="fw-row fw-row-broken" aria-rowindex={props.rowIndex} style={{ top: `${props.index * props.rowHeight}px` }}>
          <div role="gridcell" aria-colspan={props.columns.length}>
            {t('panel_row_broken')}
          </div>
        </div>
      )}
    >
      <RowLine {...props} />
    </ErrorBoundary>
  );
});

/** The row itself, inside the error boundary: its cells are built right here, so a cell that throws is caught. */
function RowLine(props: RowProps) {
  const row = props.row.value;
  return (
    <div
      role="row"
      id={rowDomId(row.id)}
      class={`fw-row${props.selected ? ' fw-selected' : ''}`}
      aria-rowindex={props.rowIndex}
      aria-selected={props.selected}
      style={{ top: `${props.index * props.rowHeight}px` }}
      onClick={() => props.onOpen(row.id)}
    >
      {props.columns.map((column) => (
        <div role="gridcell" class={`fw-cell fw-cell-${column}`} key={column}>
          {cellContent({ column, row, narrow: props.narrow, now: props.now, settings: props.settings, locks: props.locks })}
        </div>
      ))}
    </div>
  );
}

type CellProps = Pick<RowProps, 'now' | 'settings' | 'locks' | 'narrow'> & { column: ColumnId; row: Conversation };

/**
 * What one cell shows. A plain function, not a component, and so are the cells it calls for what does not tick
 * (status, sentiment, channel, marks): every row scrolled into view would otherwise mount a component per cell. The
 * ticking cells (wait, handle, freshness) and the lock mark are components, so the clock's tick and a change of locks
 * re-render them, not the row.
 */
function cellContent({ column, row, now, settings, locks, narrow }: CellProps) {
  switch (column) {
    case 'customer': {
      const label = conversationLabel(row);
      return narrow ? (
        <span class="fw-customer" title={label.detail ?? undefined}>
          <span class="fw-strong">{label.title}</span>
          {label.detail && <span class="fw-visually-hidden">, {label.detail}</span>}
        </span>
      ) : (
        <span class="fw-customer">
          <span class="fw-strong">
            <RowLockMark conversationId={row.id} locks={locks} />
            {label.title}
          </span>
          {label.detail && <span class="fw-subject">{label.detail}</span>}
        </span>
      );
    }
    case 'status':
      return StatusBadge({ status: row.status });
    case 'agent': {
      const agent = row.agentName || <span class="fw-muted">{t('panel_unassigned')}</span>;
      if (!narrow) return agent;
      // The second line carries the marks: another supervisor's action, a hand-off waiting for the agent.
      return (
        <>
          <RowLockMark conversationId={row.id} locks={locks} />
          {row.pending && PendingMark({ kind: row.pending.kind })}
          {agent}
        </>
      );
    }
    case 'queue':
      return row.queueName ?? '–';
    case 'channel':
      return narrow ? ChannelIcons({ channels: row.channels }) : row.channels.map(channelLabel).join(', ') || '–';
    case 'wait':
      return <WaitTime row={row} now={now} threshold={thresholdFor(settings, row.queueId)} />;
    case 'handle':
      return <HandleTime row={row} now={now} />;
    case 'sentiment':
      return SentimentBadge({ sentiment: row.sentiment, threshold: thresholdFor(settings, row.queueId), iconOnly: narrow });
    case 'transfers':
      return row.transferCount;
    case 'freshness':
      return <RowFreshness observedAt={row.observedAt} now={now} />;
  }
}

function ChannelIcons({ channels }: { channels: readonly number[] }) {
  if (channels.length === 0) return <span class="fw-muted">–</span>;
  const words = channels.map(channelLabel).join(', ');
  return (
    <span class="fw-channel-icons" title={words}>
      <span aria-hidden="true">{channels.map(channelIcon).join('')}</span>
      <span class="fw-visually-hidden">{words}</span>
    </span>
  );
}

function PendingMark({ kind }: { kind: PendingHandoff['kind'] }) {
  const words = t(`panel_detail_pending_${kind}`);
  return (
    <span class="fw-pending-mark" title={words}>
      <span aria-hidden="true">⇄ </span>
      <span class="fw-visually-hidden">{words}: </span>
    </span>
  );
}
