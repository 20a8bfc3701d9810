import { useComputed, useSignal, useSignalEffect } from '@preact/signals';
import { useMemo } from 'preact/hooks';
import { t } from '../../lib/i18n';
import { dispatchThroughRunner } from '../../lib/features/bulk-actions/dispatch';
import type { BulkKind } from '../../lib/features/bulk-actions/preview';
import { startBulkRun, type BulkRun } from '../../lib/features/bulk-actions/run';
import { sharedInHash } from '../../lib/features/share-views/share';
import { asSwept, countStuck, stuckConversations, SWEEP_ACTION } from '../../lib/features/sweeper/stuck';
import type { StuckMinutes } from '../../lib/features/sweeper/prefs';
import type { ActionIntent } from '../../lib/model/actions';
import type { Conversation } from '../../lib/model/conversation';
import type { PanelController } from '../../lib/view-model/panel-controller';
import { ErrorBoundary } from '../panel/ErrorBoundary';
import { AlertsPanel } from './alerts/AlertsPanel';
import { BulkBar } from './bulk-actions/BulkBar';
import { BulkDialog, BulkProgress } from './bulk-actions/BulkDialog';
import { Disclosure } from './Disclosure';
import { SharedLog } from './shared-log/SharedLog';
import { ShareViews } from './share-views/ShareViews';
import { SweeperView } from './sweeper/SweeperView';
import featuresCss from './features.css?inline';
import { definitionOf } from '../../lib/actions/registry';
import { conversationLabel } from '../../lib/view-model/conversation-label';

interface Props {
  controller: PanelController;
}

interface ActiveRun {
  kind: BulkKind;
  run: BulkRun;
  /** The rows as they were at the start: a force-closed row leaves the feed but keeps its name here. */
  conversations: Conversation[];
}

/**
 * The features in the conversations tab: alerts, bulk selection and actions, the stuck-conversation sweeper, the
 * shared log and sharing saved filters. Every action goes out as an ordinary single action through
 * controller.sendIntent.
 */
export function ConversationTools(props: Props) {
  return (
    <ErrorBoundary
      fallback={(error) => (
        <p class="fw-note" role="note">
          {t('panel_tools_broken', error.message)}
        </p>
      )}
    >
      <Tools {...props} />
    </ErrorBoundary>
  );
}

function Tools({ controller }: Props) {
  const { picture, list, view, features } = controller;
  const { selection } = features;
  const prefs = features.prefs.value.value;
  const notes = features.notes.value;
  // Ten-second steps, not every second: the log's and the locks' ages are shown in minutes or tens of seconds.
  const tick = useComputed(() => Math.floor(controller.now.value / 10_000));
  void tick.value;
  const now = controller.now.peek();
  const access = picture.access.value;
  // The selection's count only: Tools need not re-render whenever a patch moves a row.
  const matching = useComputed(() => list.rowIds.value.length);
  const dialog = useSignal<{ kind: BulkKind; ids: string[]; sweep?: boolean } | null>(null);
  const active = useSignal<ActiveRun | null>(null);
  const progressOpen = useSignal(false);

  // Rows that left the feed leave the selection (checked when rows leave, not on every patch).
  useSignalEffect(() => {
    void picture.conversations.ids.value;
    selection.prune({ has: (id) => picture.conversations.row(id) !== undefined });
  });
  const labelOf = (id: string) => {
    const row = picture.conversations.row(id)?.peek();
    return row ? conversationLabel(row).title : id;
  };

  const start = (kind: BulkKind, rows: Conversation[], intents: ActionIntent[]) => {
    let run: BulkRun | null = null;
    const dispatch = dispatchThroughRunner({
      send: controller.sendIntent,
      records: picture.actions,
      onThrottled: (at) => run?.holdUntil(at),
    });
    run = startBulkRun(intents, { dispatch, now: Date.now, sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)) });
    active.value = { kind, run, conversations: rows };
    dialog.value = null;
    progressOpen.value = true;
  };

  if (!access) return null;
  const chosen = dialog.value ? dialog.value.ids.flatMap((id) => picture.conversations.row(id)?.peek() ?? []) : [];
  const current = active.value;
  // Opened from a colleague's link: the view rides in the page's fragment.
  const incoming = typeof location === 'undefined' ? null : sharedInHash(location.hash);
  return (
    <div class="fw-features">
      <style>{featuresCss}</style>
      <AlertsPanel
        alerts={features.alerts.value}
        prefs={prefs}
        onPrefs={(change) => void features.prefs.update((current) => ({ ...current, ...change(current) }))}
        onShow={(ids) => {
          selection.selectAll(list.rowIds.peek().filter((id) => ids.includes(id)));
          if (ids[0]) view.select(ids[0]);
        }}
      />
      <BulkBar
        selected={selection.ids.value.size}
        matching={matching.value}
        onSelectAll={() => selection.selectAll(list.rowIds.peek())}
        onClear={() => selection.clear()}
        onAction={(kind) => (dialog.value = { kind, ids: list.rowIds.peek().filter((id) => selection.ids.peek().has(id)) })}
      />
      {current && !progressOpen.value && (
        <button type="button" class="fw-button" onClick={() => (progressOpen.value = true)}>
          {t(current.run.running.value ? 'bulk_showRunning' : 'bulk_showDone')}
        </button>
      )}
      <Sweeper controller={controller} onCleanUp={(ids) => (dialog.value = { kind: SWEEP_ACTION, ids, sweep: true })} />
      <Disclosure summary={t('log_summary', notes.length)}>{() => <SharedLog notes={notes} labelOf={labelOf} now={now} />}</Disclosure>
      <Disclosure summary={t('share_summary')} initiallyOpen={incoming !== null}>
        {() => (
          <ShareViews
            filters={controller.savedFilters.filters.value}
            pageUrl={features.pageUrl}
            incoming={incoming}
            onImport={(shared) => controller.savedFilters.save(shared.name, shared.spec)}
          />
        )}
      </Disclosure>
      {dialog.value && (
        <BulkDialog
          kind={dialog.value.kind}
          conversations={chosen}
          access={access}
          settings={picture.settings.value}
          agents={picture.agents.all.value}
          queues={picture.queues.value}
          records={picture.actions.value}
          routes={picture.routes.value}
          contract={picture.contract.value}
          locks={features.locks.value}
          now={now}
          onStart={(intents) => start(dialog.value!.kind, chosen, dialog.value!.sweep ? asSwept(intents) : intents)}
          onClose={() => (dialog.value = null)}
        />
      )}
      {current && progressOpen.value && (
        <BulkProgress
          title={t(
            definitionOf(current.kind).bulk?.labels.title ?? definitionOf(current.kind).labels.name,
            current.run.results.value.length,
          )}
          run={current.run}
          conversations={current.conversations}
          onClose={() => (progressOpen.value = false)}
        />
      )}
    </div>
  );
}

/** The stuck-conversation sweeper: the only part of the tools that follows every row, so a patch re-renders it alone. */
function Sweeper({ controller, onCleanUp }: Props & { onCleanUp: (ids: string[]) => void }) {
  const { features } = controller;
  const minutes = features.prefs.value.value.stuckMinutes;
  // Not .value: the section need not re-render every second; it follows the feed, and the stuck list is minute-grained.
  const now = controller.now.peek();
  const conversations = controller.summaryRows.value;
  // Closed, only the count is needed: at 50,000 rows the sorted list was most of a patch's work here.
  const count = useMemo(() => countStuck(conversations, minutes, now), [conversations, minutes, Math.floor(now / 30_000)]);
  return (
    <Disclosure summary={t('sweeper_summary', count)}>
      {() => <StuckList controller={controller} conversations={conversations} minutes={minutes} now={now} onCleanUp={onCleanUp} />}
    </Disclosure>
  );
}

/** The open sweeper: the stuck conversations listed, longest idle first. */
function StuckList({
  controller,
  conversations,
  minutes,
  now,
  onCleanUp,
}: Props & { conversations: readonly Conversation[]; minutes: StuckMinutes; now: number; onCleanUp: (ids: string[]) => void }) {
  const { view, features } = controller;
  const stuck = useMemo(() => stuckConversations(conversations, minutes, now), [conversations, minutes, Math.floor(now / 30_000)]);
  const channels = useMemo(() => [...new Set(conversations.flatMap((c) => c.channels))].sort((a, b) => a - b), [conversations]);
  return (
    <SweeperView
      stuck={stuck}
      minutes={minutes}
      channels={channels}
      onMinutes={(change) => void features.prefs.update((current) => ({ ...current, stuckMinutes: change(current.stuckMinutes) }))}
      onCleanUp={onCleanUp}
      onOpen={(id) => view.openDetails(id)}
    />
  );
}
