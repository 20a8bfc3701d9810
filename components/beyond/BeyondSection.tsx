import { useSignal } from '@preact/signals';
import { useEffect, useMemo } from 'preact/hooks';
import { t } from '../../lib/i18n';
import type { BulkKind } from '../../lib/beyond/bulk-preview';
import { startBulkRun, type BulkRun } from '../../lib/beyond/bulk-run';
import { dispatchThroughRunner } from '../../lib/beyond/runner-outcome';
import { sharedInHash } from '../../lib/beyond/share-views';
import { stuckConversations } from '../../lib/beyond/sweeper';
import type { BeyondModel } from '../../lib/beyond/view-beyond';
import type { ActionIntent } from '../../lib/model/actions';
import type { Conversation } from '../../lib/model/conversation';
import type { PanelController } from '../../lib/view-model/panel-controller';
import { ErrorBoundary } from '../panel/ErrorBoundary';
import { AlertsPanel } from './AlertsPanel';
import { Disclosure } from './Disclosure';
import { BulkBar } from './BulkBar';
import { BulkDialog, BulkProgress } from './BulkDialog';
import { SharedLog } from './SharedLog';
import { ShareViews } from './ShareViews';
import { SweeperView } from './SweeperView';
import beyondCss from './beyond.css?inline';

interface Props {
  controller: PanelController;
  model: BeyondModel;
}

interface ActiveRun {
  kind: BulkKind;
  run: BulkRun;
  /** The rows as they were at the start: a force-closed row leaves the feed but keeps its name here. */
  conversations: Conversation[];
}

/**
 * Issue 11 in the conversations tab: alerts, bulk selection and actions, the stuck-conversation sweeper, the shared
 * log and view sharing. Reads the panel's controller and the beyond model; every action goes out as an ordinary
 * single action through controller.sendIntent.
 */
export function BeyondSection(props: Props) {
  return (
    <ErrorBoundary fallback={(error) => <p class="fw-note" role="note">{t('beyond_broken', error.message)}</p>}>
      <BeyondContent {...props} />
    </ErrorBoundary>
  );
}

function BeyondContent({ controller, model }: Props) {
  const { feed, list, view } = controller;
  const { selection } = model;
  const state = model.state.value;
  const prefs = model.prefs.prefs.value;
  // Not .value: the section need not re-render every second; it follows the feed, and the stuck list is minute-grained.
  const now = controller.now.peek();
  const access = feed.access.value;
  const conversations = feed.conversations.all.value;
  const dialog = useSignal<{ kind: BulkKind; ids: string[] } | null>(null);
  const active = useSignal<ActiveRun | null>(null);
  const progressOpen = useSignal(false);

  // Rows that left the feed leave the selection.
  useEffect(() => selection.prune(new Set(conversations.map((c) => c.id))), [conversations]);

  const stuck = useMemo(() => stuckConversations(conversations, prefs, now), [conversations, prefs, Math.floor(now / 30_000)]);
  const channels = useMemo(() => [...new Set(conversations.flatMap((c) => c.channels))].sort((a, b) => a - b), [conversations]);
  const labelOf = (id: string) => {
    const row = feed.conversations.row(id)?.peek();
    return row ? (row.customerName ?? row.subject) : id;
  };

  const start = (kind: BulkKind, rows: Conversation[], intents: ActionIntent[]) => {
    let run: BulkRun | null = null;
    const dispatch = dispatchThroughRunner({ send: controller.sendIntent, records: feed.actions, onThrottled: (at) => run?.holdUntil(at) });
    run = startBulkRun(intents, { dispatch, now: Date.now, sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)) });
    active.value = { kind, run, conversations: rows };
    dialog.value = null;
    progressOpen.value = true;
  };

  if (!access) return null;
  const chosen = dialog.value ? dialog.value.ids.flatMap((id) => feed.conversations.row(id)?.peek() ?? []) : [];
  const current = active.value;
  // Opened from a colleague's link: the view rides in the page's fragment.
  const incoming = typeof location === 'undefined' ? null : sharedInHash(location.hash);
  return (
    <div class="fw-beyond">
      <style>{beyondCss}</style>
      <AlertsPanel
        alerts={state.alerts}
        prefs={prefs}
        onPrefs={(change) => void model.prefs.update(change)}
        onShow={(ids) => {
          selection.selectAll(list.rowIds.peek().filter((id) => ids.includes(id)));
          if (ids[0]) view.select(ids[0]);
        }}
      />
      <BulkBar
        selected={selection.ids.value.size}
        matching={list.rowIds.value.length}
        onSelectAll={() => selection.selectAll(list.rowIds.peek())}
        onClear={() => selection.clear()}
        onAction={(kind) => (dialog.value = { kind, ids: list.rowIds.peek().filter((id) => selection.ids.peek().has(id)) })}
      />
      {current && !progressOpen.value && (
        <button type="button" class="fw-button" onClick={() => (progressOpen.value = true)}>
          {t(current.run.running.value ? 'beyond_bulk_showRunning' : 'beyond_bulk_showDone')}
        </button>
      )}
      <Disclosure summary={t('beyond_sweeper_summary', stuck.length)}>
        {() => (
          <SweeperView
            stuck={stuck}
            prefs={prefs}
            channels={channels}
            onPrefs={(change) => void model.prefs.update(change)}
            onCleanUp={(ids) => (dialog.value = { kind: 'forceClose', ids })}
            onOpen={(id) => view.openDetails(id)}
          />
        )}
      </Disclosure>
      <Disclosure summary={t('beyond_log_summary', state.notes.length)}>
        {() => <SharedLog notes={state.notes} labelOf={labelOf} now={now} />}
      </Disclosure>
      <Disclosure summary={t('beyond_share_summary')} initiallyOpen={incoming !== null}>
        {() => (
          <ShareViews
            views={controller.savedViews.views.value}
            pageUrl={model.pageUrl}
            incoming={incoming}
            onImport={(shared) => controller.savedViews.save(shared.name, shared.spec)}
          />
        )}
      </Disclosure>
      {dialog.value && (
        <BulkDialog
          kind={dialog.value.kind}
          conversations={chosen}
          access={access}
          settings={feed.settings.value}
          agents={feed.agents.all.value}
          queues={feed.queues.value}
          records={feed.actions.value}
          locks={state.locks}
          now={now}
          onStart={(intents) => start(dialog.value!.kind, chosen, intents)}
          onClose={() => (dialog.value = null)}
        />
      )}
      {current && progressOpen.value && (
        <BulkProgress
          title={t(`beyond_bulk_title_${current.kind}`, current.run.results.value.length)}
          run={current.run}
          conversations={current.conversations}
          onClose={() => (progressOpen.value = false)}
        />
      )}
    </div>
  );
}
