import { computed, useComputed, useSignal, useSignalEffect, type ReadonlySignal } from '@preact/signals';
import type { ComponentChildren } from 'preact';
import { useCallback, useEffect, useMemo, useRef } from 'preact/hooks';
import { language, t } from '../lib/i18n';
import { actionRequest, requestAction } from '../lib/actions/dialog-state';
import type { ViewKind } from '../lib/protocol/view-port';
import type { PanelController } from '../lib/view-model/panel-controller';
import { queueStats } from '../lib/view-model/queue-stats';
import { commandForKey, type PanelCommand } from '../lib/view-model/shortcuts';
import { ActionDialogHost } from './actions/ActionDialogHost';
import { AccessNotice, Notice, showsFeed } from './panel/AccessNotice';
import { AgentsView } from './panel/AgentsView';
import { CommandPalette } from './panel/CommandPalette';
import { ConversationGrid } from './panel/ConversationGrid';
import { ConversationsToolbar } from './panel/ConversationsToolbar';
import { DetailsDialog } from './panel/DetailsDialog';
import { Diagnostics } from './panel/Diagnostics';
import { ErrorBoundary } from './panel/ErrorBoundary';
import { LiveRegion } from './panel/LiveRegion';
import { paletteCommands } from './panel/palette-commands';
import { PanelHeader } from './panel/PanelHeader';
import { QueueTiles } from './panel/QueueTiles';
import { ShortcutSheet } from './panel/ShortcutSheet';
import { Tabs } from './panel/Tabs';
import { useNarrow } from './panel/use-narrow';
import { ConversationTools } from './features/ConversationTools';
import { BulkSelectArea } from './features/bulk-actions/BulkSelectArea';
import { LockWarning } from './features/soft-locks/LockWarning';

export interface PanelProps {
  controller: PanelController;
  view: ViewKind;
  /** Controls only the overlay has (dock side, collapse, open in side panel), shown in the header. */
  frameControls?: ComponentChildren;
  /** Opens the extension's diagnostics page (the ⋯ menu's item). */
  onDiagnostics?: () => void;
}

const isField = (target: EventTarget | null) =>
  target instanceof HTMLElement && (target.isContentEditable || /^(INPUT|SELECT|TEXTAREA)$/.test(target.tagName));

/**
 * The supervisor panel, the same in the overlay and the side panel. It renders the controller's signals and turns
 * keys and clicks into calls on it; it never talks to the browser itself.
 */
export function Panel({ controller, view: viewKind, frameControls, onDiagnostics }: PanelProps) {
  const { picture, view, list, features } = controller;
  const rootRef = useRef<HTMLElement>(null);
  const gridRef = useRef<HTMLDivElement>(null);
  const searchRef = useRef<HTMLInputElement>(null);
  const paletteOpen = useSignal(false);
  const helpOpen = useSignal(false);
  const lastIndex = useRef(0);
  const searchWanted = useRef(false);
  const narrow = useNarrow(rootRef);

  // A live update that removes the selected row moves the selection to the row now in its place, so the
  // keyboard user keeps their position (focus itself stays on the grid); the list does not scroll to it.
  useSignalEffect(() => {
    const ids = list.rowIds.value;
    const selected = view.selectedId.value;
    const index = selected ? ids.indexOf(selected) : -1;
    if (index >= 0) lastIndex.current = index;
    else if (selected && ids.length > 0) view.selectInPlace(ids[Math.min(lastIndex.current, ids.length - 1)]!);
  });

  useEffect(() => {
    if (!searchWanted.current || !searchRef.current) return;
    searchWanted.current = false;
    searchRef.current.focus();
  });

  // Where focus goes back to after a dialog: the grid, or on the agents tab the tab itself, never the page body.
  const focusGrid = useCallback(() => {
    const home = gridRef.current ?? rootRef.current?.querySelector<HTMLElement>('[role="tab"][aria-selected="true"]');
    home?.focus();
  }, []);

  const run = (command: PanelCommand, fromGrid: boolean) => {
    const ids = list.rowIds.peek();
    const selected = view.selectedId.peek();
    switch (command.type) {
      case 'move':
      case 'moveTo': {
        if (view.tab.peek() !== 'conversations' || ids.length === 0) return false;
        const current = selected ? ids.indexOf(selected) : -1;
        const next =
          command.type === 'moveTo'
            ? command.where === 'first'
              ? 0
              : ids.length - 1
            : Math.max(0, Math.min(ids.length - 1, current < 0 ? 0 : current + command.by));
        view.select(ids[next]!);
        focusGrid();
        return true;
      }
      case 'details':
        if (!fromGrid || !selected) return false;
        view.openDetails(selected);
        return true;
      case 'search':
        // The search box exists only on the conversations tab: focus it now, or once that tab has rendered.
        if (view.tab.peek() === 'conversations' && searchRef.current) searchRef.current.focus();
        else searchWanted.current = true;
        view.setTab('conversations');
        return true;
      case 'help':
        helpOpen.value = true;
        return true;
      case 'palette':
        paletteOpen.value = true;
        return true;
      case 'action':
        if (!selected || view.tab.peek() !== 'conversations') return false;
        requestAction(command.kind, selected);
        return true;
    }
  };

  const onKeyDown = (event: KeyboardEvent) => {
    if (paletteOpen.value || helpOpen.value || view.detailsId.value || actionRequest.value) return;
    const command = commandForKey({
      key: event.key,
      ctrlKey: event.ctrlKey,
      metaKey: event.metaKey,
      altKey: event.altKey,
      inField: isField(event.target),
    });
    if (command && run(command, event.target === gridRef.current)) event.preventDefault();
  };

  const closeDialog = (close: () => void) => () => {
    close();
    queueMicrotask(focusGrid);
  };

  // What depends on every row (a live patch changes a few of them every couple of seconds) is passed down as signals
  // and read only by the small parts that show it, so a patch re-renders those and not the whole panel.
  const stats = useComputed(() => queueStats(picture.queues.value, controller.summaryRows.value, picture.agents.all.value));
  const counts = useMemo(
    () => ({
      conversations: computed(() => picture.conversations.all.value.length),
      agents: computed(() => picture.agents.all.value.length),
    }),
    [picture],
  );
  const showing = useComputed(() => t('panel_showing', list.rowIds.value.length, counts.conversations.value));

  const access = picture.access.value;
  const queues = picture.queues.value;
  const tab = view.tab.value;
  const detailsId = view.detailsId.value;

  return (
    <section
      ref={rootRef}
      class={`fw-root${narrow ? ' fw-narrow' : ''}`}
      aria-label={t('panel_title')}
      data-view={viewKind}
      lang={language.value}
      onKeyDown={onKeyDown}
    >
      <PanelHeader
        controller={controller}
        onPalette={() => (paletteOpen.value = true)}
        onHelp={() => (helpOpen.value = true)}
        onDiagnostics={onDiagnostics}
        frameControls={frameControls}
      />
      <div class="fw-main">
        {!picture.ready.value || !access ? (
          <Notice tone="info" text={t('panel_connecting')} />
        ) : (
          <ErrorBoundary fallback={(error) => <Notice tone="error" title={t('panel_view_broken')} text={error.message} />}>
            <AccessNotice
              access={access}
              queues={queues}
              onOpenWorkspace={picture.workspace.value.canOpen ? controller.openWorkspace : undefined}
            />
            {showsFeed(access) && (
              <>
                <Diagnostics
                  rowIssues={picture.rowIssues.value}
                  problem={picture.problem.value}
                  writeRoute={picture.writeRoute.value}
                  now={controller.now.peek()}
                />
                <QueueTiles
                  stats={stats}
                  now={controller.now}
                  settings={picture.settings.value}
                  trends={features.trends.value.queues}
                  open={!controller.folds.value.value.queueStrip}
                  onToggle={() => void controller.folds.update((folds) => ({ ...folds, queueStrip: !folds.queueStrip }))}
                />
                <Tabs current={tab} counts={counts} onChange={(next) => view.setTab(next)} />
                <section id={`fw-tabpanel-${tab}`} role="tabpanel" aria-labelledby={`fw-tab-${tab}`} class="fw-tabpanel">
                  <ErrorBoundary fallback={(error) => <Notice tone="error" title={t('panel_view_broken')} text={error.message} />}>
                    {tab === 'conversations' ? (
                      <>
                        <ConversationsToolbar controller={controller} searchRef={searchRef} narrow={narrow} count={showing} />
                        <ConversationTools controller={controller} />
                        <BulkSelectArea selection={features.selection} order={list.rowIds} cursor={view.selectedId}>
                          <ConversationGrid controller={controller} gridRef={gridRef} narrow={narrow} />
                        </BulkSelectArea>
                        <EmptyList shown={list.rowIds} total={counts.conversations} />
                      </>
                    ) : (
                      <AgentsView
                        agents={picture.agents.all}
                        queues={queues}
                        conversations={picture.conversations.all}
                        now={controller.now}
                        presence={features.trends.value.agents}
                        narrow={narrow}
                      />
                    )}
                  </ErrorBoundary>
                </section>
              </>
            )}
          </ErrorBoundary>
        )}
      </div>
      <LiveRegion announcement={controller.announcement} />
      {detailsId && <DetailsDialog controller={controller} id={detailsId} onClose={closeDialog(() => view.openDetails(null))} />}
      {paletteOpen.value && (
        <CommandPalette
          commands={paletteCommands(controller, {
            focusSearch: () => run({ type: 'search' }, false),
            showShortcuts: () => (helpOpen.value = true),
            openDetails: (id) => view.openDetails(id),
            requestAction,
          })}
          onClose={closeDialog(() => (paletteOpen.value = false))}
        />
      )}
      <ActionDialogHost
        conversations={picture.conversations.all}
        access={access}
        agents={picture.agents.all}
        queues={queues}
        settings={picture.settings.value}
        records={picture.actions.value}
        routes={picture.routes.value}
        contract={picture.contract.value}
        send={controller.sendIntent}
        onClosed={() => queueMicrotask(focusGrid)}
        noticeFor={(id) => (
          <LockWarning conversationId={id} locks={features.locks.value} me={access?.userId ?? null} now={controller.now.value} />
        )}
      />
      {helpOpen.value && <ShortcutSheet onClose={closeDialog(() => (helpOpen.value = false))} />}
    </section>
  );
}

/** Said where the grid has no rows: none at all, or none that pass the filters. */
function EmptyList({ shown, total }: { shown: ReadonlySignal<readonly string[]>; total: ReadonlySignal<number> }) {
  if (shown.value.length > 0) return null;
  return <p class="fw-empty">{total.value === 0 ? t('panel_empty_none') : t('panel_empty_filtered')}</p>;
}
