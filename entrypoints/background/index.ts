import { browser, type Browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { createRuntimeRouter } from '../../lib/worker/runtime-router';
import { createOverlayAdmission } from '../../lib/worker/overlay-admission';
import { createViewHub } from '../../lib/worker/view-hub';
import { resolveOrg } from '../../lib/worker/org-resolver';
import { matchesAny } from '../../lib/worker/match-pattern';
import { createWorkspaceLoads } from '../../lib/worker/workspace-loads';
import { createFeedDemand } from '../../lib/worker/feed-demand';
import { FeedController } from '../../lib/feed/feed-controller';
import { createCounters } from '../../lib/dataverse/counters';
import { createWebApiTransport } from '../../lib/dataverse/web-api-transport';
import { createPageTransport, type RunInTab } from '../../lib/dataverse/page-transport';
import { createOrgGate, type OrgGate } from '../../lib/dataverse/transport-core';
import { createMetadataReader } from '../../lib/dataverse/metadata-stream';
import { createOrgProfile } from '../../lib/discovery/org-profile';
import { diagnose } from '../../lib/discovery/diagnose';
import { DIAGNOSE_NO_ORG } from '../../lib/discovery/report';
import type { DataverseTransport } from '../../lib/dataverse/transport';
import { createTransportRouter } from '../../lib/worker/transport-router';
import { createSettingsSource } from '../../lib/settings/settings-source';
import { hostAccess } from '../../lib/policy/host-access';
import { createActionRunner } from '../../lib/actions/runner';
import { openInWorkspace } from '../../lib/actions/open-in-workspace';
import { createAlerts } from '../../lib/features/alerts/worker';
import { NOTIFICATION_ICON } from '../../lib/features/alerts/notification-icon';
import { createSharedLog } from '../../lib/features/shared-log/worker';
import { createSoftLocks } from '../../lib/features/soft-locks/worker';
import { createTrends } from '../../lib/features/trends/worker';
import type { FeatureUpdate } from '../../lib/protocol/view-port';
import {
  actionLogItem,
  alertsMemoryItem,
  feedSnapshotItem,
  removeRetired,
  sharedLogMemoryItem,
  softLocksMemoryItem,
  trendsMemoryItem,
  watchPrefsItem,
  overlayAdmissionsItem,
  workspaceMemoryItem,
  orgContractsItem,
  trackingDecisionsItem,
  sentimentMemoryItem,
} from '../../lib/storage/items';
import { storedSignal } from '../../lib/storage/stored-signal';
import { pageOf, type PageClient } from '../../lib/worker/page-clients';

/** Wakes a stopped worker while views are open, so the feed is rescheduled even if a timer was lost with it. */
const WAKE_ALARM = 'floorwalker-wake';
/** The most a full load waits for the views to draw its list before it reads the agents (a 50,000-row list: ~1 s). */
const VIEWS_DRAWN_WITHIN_MS = 3_000;
/** The worker's Clients API (the DOM typings this project builds with do not describe a worker's scope). */
const workerClients = (globalThis as unknown as { clients: { matchAll(options: object): Promise<readonly PageClient[]> } }).clients;

export default defineBackground(() => {
  // The toolbar button opens the side panel.
  void browser.sidePanel?.setPanelBehavior({ openPanelOnActionClick: true }).catch(() => undefined);

  const settings = createSettingsSource();
  const counters = createCounters();
  // One Retry-After window and one queue per query key per org, whichever way a request goes (worker or page).
  const gates = new Map<string, OrgGate>();
  const gateFor = (org: string) => {
    let gate = gates.get(org);
    if (!gate) gates.set(org, (gate = createOrgGate()));
    return gate;
  };
  const transports = new Map<string, DataverseTransport>();
  const transportFor = (org: string) => {
    let transport = transports.get(org);
    if (!transport) transports.set(org, (transport = createWebApiTransport({ org, counters, gate: gateFor(org) })));
    return transport;
  };
  // One function, run once in the top frame of a tab: no content script or channel a page could talk to.
  const runInTab: RunInTab = async (tabId, world, func, args) => {
    const [first] = await browser.scripting.executeScript({ target: { tabId, frameIds: [0] }, world, func, args } as Parameters<
      typeof browser.scripting.executeScript
    >[0]);
    return first?.result;
  };
  const workspacePatterns = () => (browser.runtime.getManifest().content_scripts ?? []).flatMap((script) => script.matches ?? []);

  // Reads from the worker; writes through the org's workspace tab when one is open (lib/actions/routing.ts).
  const routes = createTransportRouter({
    org: () => feed.currentAccess().org,
    worker: () => feed.transport(),
    page: (org, tab) => createPageTransport({ org, counters, runInTab, tab, gate: gateFor(org) }),
    tabs: {
      query: (patterns) => browser.tabs.query({ url: patterns }),
      focusedWindowId: async () => (await browser.windows.getLastFocused()).id ?? null,
    },
    patterns: workspacePatterns,
    memory: workspaceMemoryItem,
    now: Date.now,
    publish: (workspace, writeRoute) => feed.publishRoutes(workspace, writeRoute),
  });
  const writer = () => {
    const way = routes.transport('write');
    return way.ok ? way.transport : null;
  };

  let hub: ReturnType<typeof createViewHub> | undefined;
  // What the org is (its action contract, change tracking): found out at sign-in, once per org version.
  const orgProfile = createOrgProfile({
    contracts: orgContractsItem,
    tracking: trackingDecisionsItem,
    metadataReader: (org) => createMetadataReader({ org, counters }),
    now: Date.now,
    changed: (contract) => hub?.broadcast({ contract }),
    // What the picture holds by the old version (capacity model, change tracking) is read again, whole.
    updated: () => feed.reloadWhole(),
    log: (line) => console.info(line),
  });
  const feed: FeedController = new FeedController({
    resolveOrg: () =>
      resolveOrg(
        {
          workspacePatterns,
          queryTabs: (patterns) => browser.tabs.query({ url: patterns }),
          configuredOrgs: () => settings.current().values.orgUrls,
        },
        feed.currentAccess().org,
      ),
    isOrgBlocked: (org) =>
      hostAccess(org, settings.current(), (browser.runtime.getManifest() as Browser.runtime.ManifestV3).host_permissions ?? []).kind ===
      'blocked',
    transportFor,
    settings: () => settings.current(),
    counters,
    orgProfile,
    storage: { load: () => feedSnapshotItem.get(), save: (snapshot) => feedSnapshotItem.set(snapshot) },
    viewsDrawn: () => hub?.drawn(VIEWS_DRAWN_WITHIN_MS) ?? Promise.resolve(),
    publish: (patch) => {
      hub?.broadcast(patch);
      // Another org or user: whether its workspace is open, and how its writes go, is published for it.
      if (patch.access) routes.orgChanged();
      // After each successful poll, alerts, other supervisors' locks, the shared log and the trends follow the new picture.
      if (patch.freshness?.state === 'live') for (const feature of [alerts, softLocks, sharedLog, trends]) void feature.afterPoll();
    },
  });

  // The features' worker halves: each publishes its state to the views over the view port.
  const publishFeature = (update: FeatureUpdate) => hub?.broadcastFeature(update);
  const watchPrefs = storedSignal(watchPrefsItem);
  const alerts = createAlerts({
    feed: () => feed.snapshot(),
    prefs: watchPrefs.value,
    memory: alertsMemoryItem,
    sentiment: sentimentMemoryItem,
    log: (message) => console.warn(message),
    setBadge: (text) => void browser.action.setBadgeText({ text }).catch(() => undefined),
    notify: (id, title, message) =>
      void browser.notifications.create(id, { type: 'basic', iconUrl: NOTIFICATION_ICON, title, message }).catch(() => undefined),
    publish: (change) => publishFeature({ feature: 'alertsChange', change }),
    now: Date.now,
  });
  const platform = { transport: () => feed.transport(), access: () => feed.currentAccess(), now: Date.now };
  const softLocks = createSoftLocks({
    ...platform,
    writer,
    memory: softLocksMemoryItem,
    publish: (locks) => publishFeature({ feature: 'softLocks', locks: [...locks] }),
  });
  const sharedLog = createSharedLog({
    ...platform,
    memory: sharedLogMemoryItem,
    publish: (notes) => publishFeature({ feature: 'sharedLog', notes: [...notes] }),
  });
  const trends = createTrends({
    feed: () => ({ queues: feed.queues(), agents: feed.agents(), conversations: () => feed.conversations() }),
    memory: trendsMemoryItem,
    publish: (change) => publishFeature({ feature: 'trendsChange', change }),
    now: Date.now,
  });
  void removeRetired().catch(() => undefined);

  const runner = createActionRunner({
    transport: (route) => routes.transport(route),
    // A restarted worker may act before its first poll: settle the org first, from storage or by asking it.
    contract: async () => {
      const transport = feed.transport();
      if (transport) await orgProfile.ensure(transport);
      return orgProfile.contract();
    },
    conversation: (id) => feed.conversation(id),
    reread: (id) => feed.refreshConversation(id),
    access: () => feed.currentAccess(),
    agents: () => feed.agents(),
    queues: () => feed.queues(),
    now: Date.now,
    publish: (records) => {
      feed.publishActions(records);
      sharedLog.recordsChanged(records);
      void softLocks.recordsChanged(records);
    },
    storage: { load: () => actionLogItem.get(), save: (snapshot) => actionLogItem.set(snapshot) },
    afterAction: () => feed.pollSoon(),
    openInWorkspace: async (id) => {
      const createTab = async (url: string, besideTabId: number) => {
        const beside = await browser.tabs.get(besideTabId);
        await browser.tabs.create({ url, windowId: beside.windowId, index: beside.index + 1, openerTabId: besideTabId });
      };
      const workstreamId = feed.conversation(id)?.workstreamId ?? null;
      return openInWorkspace({ runInTab, createTab }, await routes.actingTab(), { id, workstreamId });
    },
  });

  const ready = settings.ready.catch(() => undefined).then(() => feed.start());
  void ready.then(() => runner.resume());
  settings.subscribe(() => {
    feed.settingsChanged();
    void feed.orgSourcesChanged();
  });

  // Which overlay frame may speak for which workspace tab: see lib/worker/overlay-admission.ts.
  const overlays = createOverlayAdmission(overlayAdmissionsItem);
  const workspaceLoads = createWorkspaceLoads(workspacePatterns);
  browser.tabs.onRemoved.addListener((tabId) => {
    workspaceLoads.removed(tabId);
    void overlays.forget(tabId);
    void routes.refresh();
    void feed.orgSourcesChanged();
  });

  hub = createViewHub({
    ownId: browser.runtime.id,
    admitOverlay: (sender, token) => overlays.admit(sender, token),
    bulkTo: async (sender) => {
      const page = await pageOf(sender.url, () => workerClients.matchAll({ includeUncontrolled: true, type: 'window' }));
      return page && ((envelope) => page.postMessage(envelope));
    },
    // A view's first snapshot and feature state are what a stopped worker left, not empty.
    ready: Promise.all([ready, routes.ready, alerts.ready, softLocks.ready, sharedLog.ready, trends.ready]).then(() => undefined),
    snapshot: () => feed.snapshot(),
    features: () => [
      { feature: 'alerts', alerts: [...alerts.current()] },
      { feature: 'softLocks', locks: [...softLocks.current()] },
      { feature: 'sharedLog', notes: [...sharedLog.current()] },
      { feature: 'trends', trends: trends.current() },
    ],
    setDemand: (views) => demand.views(views),
    pause: () => feed.pause(),
    resume: () => feed.resume(),
    refresh: () => void feed.refresh(),
    action: (intent, requestId) =>
      // Until the worker has looked at the tabs, every write would look as if it had no way to go.
      void routes.ready.then(() => {
        runner.run(intent, requestId);
        void softLocks.actionStarted(intent, requestId, feed.currentAccess().userName ?? '');
      }),
    openWorkspace: () => {
      const url = routes.workspaceUrl();
      if (url)
        void browser.tabs
          .create({ url })
          .catch((error: unknown) => console.warn(`Floorwalker: the workspace did not open: ${String(error)}`));
    },
  });
  // Alerts watch the feed even with no view open, as one hidden view would (30 s, the wake alarm's cadence).
  const demand = createFeedDemand({
    alertsWatching: () => alerts.watching(),
    schedule: (run, ms) => setTimeout(run, ms),
    apply: (next) => {
      feed.setDemand(next);
      if (next.views > 0) void browser.alarms.create(WAKE_ALARM, { periodInMinutes: 0.5 });
      else void browser.alarms.clear(WAKE_ALARM);
    },
  });
  void Promise.all([ready, watchPrefs.loaded, alerts.ready]).then(() => {
    // Now, and whenever the prefs change (in a view, or in another browser): alerts follow at once, and so does the demand.
    watchPrefs.value.subscribe(() => {
      void alerts.afterPoll();
      demand.alertsChanged();
    });
  });
  // A workspace page load is when the user signs in again, switches user or opens another org. Any tab that loads
  // or changes address may open or close an org's workspace: the actions that need one follow at once.
  browser.tabs.onUpdated.addListener((tabId, change, tab) => {
    if (workspaceLoads.updated(tabId, change, tab)) {
      feed.recheckAccess();
      // Its overlay connects when the page is idle; the list need not wait for that (lib/worker/feed-demand.ts). After
      // `ready`: a woken worker's first cycle must not start before what it left in storage is back.
      void ready.then(() => settings.current().values.overlay && demand.expectView());
    }
    if (change.status !== undefined || change.url !== undefined) void routes.refresh();
    if (change.url !== undefined) void feed.orgSourcesChanged();
  });
  browser.runtime.onConnect.addListener((port) => hub?.connect(port));
  // Nothing to do on the alarm itself: the worker waking up restores the feed and reschedules it.
  browser.alarms.onAlarm.addListener(() => void ready);

  const route = createRuntimeRouter(browser.runtime.id, async (request, sender, kind) => {
    const ok = { ok: true, sender: kind, version: browser.runtime.getManifest().version } as const;
    // Checked without waiting: openSidePanel must reach sidePanel.open within the click's user gesture.
    if (kind === 'overlayFrame' && !overlays.admitted(sender)) return { ok: false, error: 'Overlay frame not admitted' };
    switch (request.type) {
      case 'ping':
        return ok;
      case 'openSidePanel': {
        const windowId = sender.tab?.windowId;
        if (windowId === undefined) return { ok: false, error: 'No window to open the side panel in' };
        await browser.sidePanel.open({ windowId });
        return ok;
      }
      case 'overlayToken': {
        // Only our loader, in the top frame of a workspace tab, gets one: that is where the overlay belongs.
        const tabId = sender.tab?.id;
        const fromLoader = kind === 'contentScript' && sender.frameId === 0 && matchesAny(sender.url ?? '', workspacePatterns());
        if (!fromLoader || tabId === undefined) return { ok: false, error: 'Overlay tokens are for the workspace loader only' };
        // No token, no overlay: the loader shows nothing where the organisation or the user turned the overlay off.
        await settings.ready.catch(() => undefined);
        if (!settings.current().values.overlay) {
          console.info(`Floorwalker: no overlay in tab ${tabId}: it is turned off in the settings`);
          return { ok: false, error: 'The overlay is turned off in the settings' };
        }
        return { ...ok, token: await overlays.issue(tabId) };
      }
      case 'settingsChanged':
        feed.settingsChanged();
        return ok;
      case 'diagnose': {
        // The probes read the org's descriptions, not its conversations; still, only our own pages may ask.
        if (kind !== 'extensionPage') return { ok: false, error: 'Diagnostics are for the extension pages only' };
        await ready;
        const transport = feed.transport();
        if (!transport) return { ok: false, error: DIAGNOSE_NO_ORG };
        const report = await diagnose({
          transport,
          metadataReader: createMetadataReader({ org: transport.org, counters }),
          access: feed.currentAccess(),
          throttled: counters.throttled,
          writeRoute: routes.state().writeRoute,
          now: Date.now(),
        });
        return { ...ok, report };
      }
    }
  });
  // eslint-disable-next-line @typescript-eslint/no-misused-promises -- webextension-polyfill sends the answer the returned promise resolves to
  browser.runtime.onMessage.addListener((message, sender) => route(message, sender));

  // Diagnostics and benchmarks read the counters from the worker's console (e2e: worker.evaluate).
  Object.assign(globalThis, { floorwalkerDiagnostics: () => ({ ...counters, stalenessMs: feed.staleness() }) });
});
