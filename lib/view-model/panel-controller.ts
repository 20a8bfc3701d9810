import { computed, effect, signal, type ReadonlySignal } from '@preact/signals';
import { createFeatureModels, type FeatureModels } from '../features/models';
import { locale, setLanguageOverride, t } from '../i18n';
import type { ActionIntent } from '../model/actions';
import type { Conversation } from '../model/conversation';
import { panelFoldsItem, savedFiltersItem, type PanelFolds } from '../storage/items';
import { storedSignal, type StoredSignal } from '../storage/stored-signal';
import { createAnnouncer, type Announcement } from './announcer';
import { channelLabel } from './channel-labels';
import { createClock } from './clock';
import { createConversationList, type ConversationList } from './conversation-list';
import type { FeedSource } from './feed-source';
import { nextTask } from './next-task';
import { createPictureMirror, type PictureMirror } from './picture-mirror';
import { createSavedFilters, type SavedFilters } from './saved-filters';
import { createViewState, type ViewState } from './view-state';

export interface PanelController {
  /** This view's mirror of the worker's live picture. */
  picture: PictureMirror;
  view: ViewState;
  list: ConversationList;
  /** Every conversation, a task after each patch: for summaries over all rows (tiles, stuck count), see nextTask. */
  summaryRows: ReadonlySignal<readonly Conversation[]>;
  savedFilters: SavedFilters;
  /** What the supervisor folded away, remembered across views and reloads. */
  folds: StoredSignal<PanelFolds>;
  /** Alerts, soft locks, the shared log, the bulk selection and the watch prefs. */
  features: FeatureModels;
  now: ReadonlySignal<number>;
  announcement: ReadonlySignal<Announcement | null>;
  /** True from a manual refresh until the worker reports a newer poll (or gives up): the button stays disabled. */
  refreshing: ReadonlySignal<boolean>;
  refresh(): void;
  setPaused(paused: boolean): void;
  /** Returns the request id the action's record will carry (bulk actions follow each item by it). */
  sendIntent: (intent: ActionIntent) => string;
  /** Ask the worker to open the org's agent workspace. */
  openWorkspace: () => void;
  /** Open "Check this organization" (the options page's diagnostics), where the host can. */
  openDiagnostics?: () => void;
}

export interface PanelControllerOptions {
  source: FeedSource;
  stop: AbortSignal;
  /** A refresh that gets no answer re-enables the button after this long. */
  refreshTimeoutMs?: number;
  newRequestId?: () => string;
  openDiagnostics?: () => void;
  /** Whether the view is on screen; while it is not, its clock stands still (the worker holds its changes meanwhile). */
  shown?: ReadonlySignal<boolean>;
  /** Runs `then` once what the view holds now has been drawn (default: after the next frame is painted). */
  afterDrawn?: (then: () => void) => void;
}

/** After the next frame: its animation callbacks run before it is painted, a task queued from one runs after. */
const afterNextPaint = (then: () => void) => requestAnimationFrame(() => setTimeout(then, 0));

/** Everything a view (one open panel) needs, wired to one feed source. Entrypoints create it; components only read it. */
export function createPanelController(options: PanelControllerOptions): PanelController {
  const { source, stop } = options;
  const afterDrawn = options.afterDrawn ?? afterNextPaint;
  const picture = createPictureMirror();
  const features = createFeatureModels(stop);
  const view = createViewState();
  const now = createClock(stop, options.shown);
  const list = createConversationList(picture, view, {
    now,
    locale,
    channelLabel,
    noneLabel: () => t('panel_group_none'),
  });
  // Saved filters belong to the signed-in user: bound again when we learn who that is, or it changes.
  const owner = computed(() => ({ org: picture.access.value?.org ?? null, userId: picture.access.value?.userId ?? null }));
  const savedFilters = createSavedFilters(savedFiltersItem, owner, stop);
  const announcement = createAnnouncer({
    ready: picture.ready,
    conversations: picture.conversations,
    freshness: picture.freshness,
    now,
    stop,
  });

  const refreshing = signal(false);
  let refreshBaseline: number | null = null;
  let refreshTimer: ReturnType<typeof setTimeout> | undefined;
  const endRefresh = () => {
    clearTimeout(refreshTimer);
    refreshing.value = false;
  };
  const disposeRefreshWatch = effect(() => {
    const lastSuccessAt = picture.freshness.value?.lastSuccessAt ?? null;
    if (refreshing.peek() && lastSuccessAt !== refreshBaseline) endRefresh();
  });

  // The organisation or the user may pin the UI language in settings; otherwise the browser's language holds.
  const disposeLanguage = effect(() => {
    const override = picture.settings.value?.values.language;
    if (override) setLanguageOverride(override);
  });

  const unsubscribers = [
    source.onMessage((message) => {
      if (message.type === 'feature') features.apply(message.update);
      else if (message.type === 'whenDrawn') afterDrawn(() => source.send({ type: 'drawn', id: message.id }));
      else picture.apply(message);
    }),
    source.onDisconnect(() => picture.disconnected()),
  ];
  stop.addEventListener(
    'abort',
    () => {
      endRefresh();
      disposeRefreshWatch();
      disposeLanguage();
      unsubscribers.forEach((unsubscribe) => unsubscribe());
      source.close();
    },
    { once: true },
  );
  source.connect();

  const newRequestId = options.newRequestId ?? (() => crypto.randomUUID());
  return {
    openDiagnostics: options.openDiagnostics,
    picture,
    view,
    list,
    summaryRows: nextTask(picture.conversations.all, stop),
    savedFilters,
    folds: storedSignal(panelFoldsItem, stop),
    features,
    now,
    announcement,
    refreshing,
    refresh() {
      if (refreshing.peek()) return;
      refreshing.value = true;
      refreshBaseline = picture.freshness.peek()?.lastSuccessAt ?? null;
      refreshTimer = setTimeout(endRefresh, options.refreshTimeoutMs ?? 15_000);
      source.send({ type: 'refresh' });
    },
    setPaused(paused) {
      source.send({ type: paused ? 'pause' : 'resume' });
    },
    sendIntent(intent) {
      const requestId = newRequestId();
      source.send({ type: 'action', requestId, intent });
      return requestId;
    },
    openWorkspace() {
      source.send({ type: 'openWorkspace' });
    },
  };
}
