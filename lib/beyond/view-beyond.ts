import { signal, type ReadonlySignal } from '@preact/signals';
import { browser } from 'wxt/browser';
import { BEYOND_STATE_KEY, EMPTY_BEYOND, parseBeyondState, type BeyondState } from './beyond-state';
import { createPrefsModel, PREFS_KEY, type PrefsArea, type PrefsModel } from './beyond-prefs';
import { createBulkSelection, type BulkSelection } from './selection';

/** What a view holds for issue 11: the worker's published state, the supervisor's prefs, the bulk selection. */
export interface BeyondModel {
  state: ReadonlySignal<BeyondState>;
  prefs: PrefsModel;
  selection: BulkSelection;
  /** The side panel page's address: shared-view links point there. */
  pageUrl: string;
}

type Changes = Record<string, { newValue?: unknown }>;

export interface BeyondModelDeps {
  /** storage.local: where the worker publishes (the overlay may read it; storage.session it may not). */
  local: { get(key: string): Promise<Record<string, unknown>> };
  sync: PrefsArea;
  onChanged(listener: (changes: Changes, area: string) => void): () => void;
  pageUrl: string;
}

export function createBeyondModel(deps: BeyondModelDeps): BeyondModel {
  const state = signal<BeyondState>(EMPTY_BEYOND);
  const prefs = createPrefsModel(deps.sync);
  void deps.local.get(BEYOND_STATE_KEY).then((items) => (state.value = parseBeyondState(items[BEYOND_STATE_KEY])), () => undefined);
  void prefs.load().catch(() => undefined);
  deps.onChanged((changes, area) => {
    if (area === 'local' && BEYOND_STATE_KEY in changes) state.value = parseBeyondState(changes[BEYOND_STATE_KEY]!.newValue);
    if (area === 'sync' && PREFS_KEY in changes) prefs.changed(changes[PREFS_KEY]!.newValue);
  });
  return { state, prefs, selection: createBulkSelection(), pageUrl: deps.pageUrl };
}

let shared: BeyondModel | null = null;

/** The view's one model, wired to the extension's storage on first use (overlay and side panel alike). */
export function beyondModel(): BeyondModel {
  shared ??= createBeyondModel({
    local: browser.storage.local,
    sync: browser.storage.sync,
    pageUrl: browser.runtime.getURL('/sidepanel.html'),
    onChanged(listener) {
      const wrapped = (changes: Changes, area: string) => listener(changes, area);
      browser.storage.onChanged.addListener(wrapped);
      return () => browser.storage.onChanged.removeListener(wrapped);
    },
  });
  return shared;
}
