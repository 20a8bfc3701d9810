import { browser, type Browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { createRuntimeRouter } from '../../lib/worker/runtime-router';
import { createOverlayAdmission } from '../../lib/worker/overlay-admission';
import { createViewHub } from '../../lib/worker/view-hub';
import { resolveOrg } from '../../lib/worker/org-resolver';
import { matchesAny } from '../../lib/worker/match-pattern';
import { FeedController } from '../../lib/feed/feed-controller';
import { createCounters } from '../../lib/dataverse/counters';
import { createWebApiTransport } from '../../lib/dataverse/web-api-transport';
import type { DataverseTransport } from '../../lib/dataverse/transport';
import { createSettingsSource } from '../../lib/settings/settings-source';
import { hostAccess } from '../../lib/policy/host-access';
import { createActionRunner } from '../../lib/actions/runner';
import { openInWorkspace } from '../../lib/actions/open-in-workspace';
import { createAlerts } from '../../lib/features/alerts/worker';
import { NOTIFICATION_ICON } from '../../lib/features/alerts/notification-icon';
import { createSharedLog } from '../../lib/features/shared-log/worker';
import { createSoftLocks } from '../../lib/features/soft-locks/worker';
import type { FeatureUpdate } from '../../lib/protocol/view-port';
import {
  actionLogItem,
  alertsMemoryItem,
  feedSnapshotItem,
  removeRetired,
  sharedLogMemoryItem,
  softLocksMemoryItem,
  watchPrefsItem,
  overlayAdmissionsItem,
} from '../../lib/storage/items';
import { storedSignal } from '../../lib/storage/stored-signal';

/** Wakes a stopped worker while views are open, so the feed is rescheduled even if a timer was lost with it. */
const WAKE_ALARM = 'floorwalker-wake';

export default defineBackground(() => {
  // The toolbar button opens the side panel.
  void browser.sidePanel?.setPanelBehavior({ openPanelOnActionClick: true }).catch(() => undefined);

  const settings = createSettingsSource();
  const counters = createCounters();
  const transports = new Map<string, DataverseTransport>();
  const transportFor = (org: string) => {
    let transport = transports.get(org);
    if (!transport) transports.set(org, (transport = createWebApiTransport({ org, counters })));
    return transport;
  };
  const workspacePatterns = () => (browser.runtime.getManifest().content_scripts ?? []).flatMap((script) => script.matches ?? []);

  let hub: ReturnType<typeof createViewHub> | undefined;
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
    isOrgBlocked: (org) => hostAccess(org, settings.current(), (browser.runtime.getManifest() as Browser.runtime.ManifestV3).host_permissions ?? []).kind === 'blocked',
    transportFor,
    settings: () => settings.current(),
    counters,
    storage: { load: () => feedSnapshotItem.get(), save: (snapshot) => feedSnapshotItem.set(snapshot) },
    publish: (patch) => {
      hub?.broadcast(patch);
      // After each successful poll, alerts, other supervisors' locks and the shared log follow the new picture.
      if (patch.freshness?.state === 'live') for (const feature of [alerts, softLocks, sharedLog]) void feature.afterPoll();
    },
  });

  // The features' worker halves: each publishes its state to the views over the view port.
  const publishFeature = (update: FeatureUpdate) => hub?.broadcastFeature(update);
  const watchPrefs = storedSignal(watchPrefsItem);
  const alerts = createAlerts({
    feed: () => feed.snapshot(),
    prefs: watchPrefs.value,
    memory: alertsMemoryItem,
    setBadge: (text) => void browser.action.setBadgeText({ text }).catch(() => undefined),
    notify: (id, title, message) =>
      void browser.notifications.create(id, { type: 'basic', iconUrl: NOTIFICATION_ICON, title, message }).catch(() => undefined),
    publish: (list) => publishFeature({ feature: 'alerts', alerts: [...list] }),
    now: Date.now,
  });
  const platform = { transport: () => feed.transport(), access: () => feed.currentAccess(), now: Date.now };
  const softLocks = createSoftLocks({
    ...platform,
    memory: softLocksMemoryItem,
    publish: (locks) => publishFeature({ feature: 'softLocks', locks: [...locks] }),
  });
  const sharedLog = createSharedLog({
    ...platform,
    memory: sharedLogMemoryItem,
    publish: (notes) => publishFeature({ feature: 'sharedLog', notes: [...notes] }),
  });
  void removeRetired().catch(() => undefined);

  const runner = createActionRunner({
    transport: () => feed.transport(),
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
    openInWorkspace: (id) => {
      const org = feed.currentAccess().org;
      if (org) void openInWorkspace(browser.tabs, org, id);
    },
  });

  const ready = settings.ready.catch(() => undefined).then(() => feed.start());
  void ready.then(() => runner.resume());
  settings.subscribe(() => feed.settingsChanged());

  // Which overlay frame may speak for which workspace tab: see lib/worker/overlay-admission.ts.
  const overlays = createOverlayAdmission(overlayAdmissionsItem);
  browser.tabs.onRemoved.addListener((tabId) => void overlays.forget(tabId));

  hub = createViewHub({
    ownId: browser.runtime.id,
    admitOverlay: (sender, token) => overlays.admit(sender, token),
    // A view's first snapshot and feature state are what a stopped worker left, not empty.
    ready: Promise.all([ready, alerts.ready, softLocks.ready, sharedLog.ready]).then(() => undefined),
    snapshot: () => feed.snapshot(),
    features: () => [
      { feature: 'alerts', alerts: [...alerts.current()] },
      { feature: 'softLocks', locks: [...softLocks.current()] },
      { feature: 'sharedLog', notes: [...sharedLog.current()] },
    ],
    setDemand: (demand) => {
      views = demand;
      applyDemand();
    },
    pause: () => feed.pause(),
    resume: () => feed.resume(),
    refresh: () => void feed.refresh(),
    action: (intent, requestId) => {
      runner.run(intent, requestId);
      void softLocks.actionStarted(intent, requestId, feed.currentAccess().userName ?? '');
    },
  });
  // Alerts watch the feed even with no view open, as one hidden view would (30 s, the wake alarm's cadence).
  let views = { views: 0, visible: false };
  function applyDemand(): void {
    const demand = { views: views.views + (alerts.watching() ? 1 : 0), visible: views.visible };
    feed.setDemand(demand);
    if (demand.views > 0) void browser.alarms.create(WAKE_ALARM, { periodInMinutes: 0.5 });
    else void browser.alarms.clear(WAKE_ALARM);
  }
  void Promise.all([ready, watchPrefs.loaded, alerts.ready]).then(() => {
    // Now, and whenever the prefs change (in a view, or in another browser): alerts follow at once, and so does the demand.
    watchPrefs.value.subscribe(() => {
      void alerts.afterPoll();
      applyDemand();
    });
  });
  // A workspace page load is when the user signs in again, switches user or opens another org.
  browser.tabs.onUpdated.addListener((_tabId, change, tab) => {
    if (change.status === 'complete' && tab.url && matchesAny(tab.url, workspacePatterns())) feed.recheckAccess();
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
    }
  });
  // eslint-disable-next-line @typescript-eslint/no-misused-promises -- webextension-polyfill sends the answer the returned promise resolves to
  browser.runtime.onMessage.addListener((message, sender) => route(message, sender));

  // Diagnostics and benchmarks read the counters from the worker's console (e2e: worker.evaluate).
  Object.assign(globalThis, { floorwalkerDiagnostics: () => ({ ...counters, stalenessMs: feed.staleness() }) });
});
