import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from './harness';
import { until } from './screen';

/** What the foundation promises a user: the panel is there, stays there, and the worker only takes valid messages. */
describe('foundation: the built extension in real Chromium over the emulated workspace', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({ scenario: 'typical' });
  });
  afterAll(async () => {
    await h?.close();
  });

  it('loads with the fixed test-build ID', async () => {
    const worker = await h.worker();
    expect(worker.url()).toBe(`chrome-extension://${h.extensionId}/background.js`);
  });

  /**
   * The overlay showing the live floor (the panel's region and its first conversation row). While the loader
   * replaces a frame, the one found may go away before it shows anything: then the next one is taken.
   */
  const live = async () => {
    const deadline = Date.now() + 20_000;
    for (;;) {
      const frame = await h.overlay();
      try {
        await frame.waitForSelector('[aria-label="Floorwalker"] [role="grid"] [role="row"][aria-rowindex="2"]', {
          timeout: Math.max(1, deadline - Date.now()),
        });
        return frame;
      } catch (error) {
        // Gone with its frame (detached, its session closed): the loader has put a new one in its place.
        if (Date.now() > deadline) throw error;
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    }
  };

  it('mounts the panel over the workspace: the overlay page in a frame, in a closed shadow root', async () => {
    const host = await h.page.waitForSelector('floorwalker-panel', { timeout: 15_000 });
    // Closed: the page sees the host, not what is inside it.
    expect(await host!.evaluate((el) => el.shadowRoot)).toBeNull();
    expect(await h.page.evaluate(() => document.querySelectorAll('iframe').length)).toBe(0);
    const frame = await live();
    expect(frame.url()).toBe(`chrome-extension://${h.extensionId}/overlay.html`);
    expect(frame.parentFrame()).toBe(h.page.mainFrame());
  });

  it('keeps the panel across the workspace’s in-page navigation', async () => {
    const before = await h.page.evaluate(() => performance.getEntriesByType('navigation').length);
    const frame = await live();
    // A mark in the overlay's document: still there after navigation means the panel was never reloaded.
    await frame.evaluate(() => Object.assign(window, { __fwMark: 'kept' }));
    const link = await h.page.waitForSelector('#ongoing a', { timeout: 15_000 });
    await link!.click();
    await h.page.waitForFunction(() => location.search.includes('pagetype=entityrecord'), { timeout: 10_000 });
    // Same document (pushState, no reload) and the same panel document, still live.
    expect(await h.page.evaluate(() => performance.getEntriesByType('navigation').length)).toBe(before);
    expect(await (await live()).evaluate(() => (window as unknown as { __fwMark?: string }).__fwMark)).toBe('kept');
    await h.page.goBack();
    await h.page.waitForSelector('#ongoing', { timeout: 10_000 });
    expect(await (await live()).evaluate(() => (window as unknown as { __fwMark?: string }).__fwMark)).toBe('kept');
  });

  it('comes back, live, when the page evicts its host or moves it', async () => {
    await live();
    await h.page.evaluate(() => document.querySelector('floorwalker-panel')!.remove());
    await h.page.waitForSelector('floorwalker-panel', { timeout: 5_000 });
    // A new frame document, admitted with a fresh token: it gets the feed.
    const again = await live();
    expect(await again.evaluate(() => (window as unknown as { __fwMark?: string }).__fwMark)).toBeUndefined();
    // Moved elsewhere by the page (the frame reloads): the loader replaces it with a newly admitted one.
    await again.evaluate(() => Object.assign(window, { __fwMark: 'moved' }));
    await h.page.evaluate(() => document.querySelector('#ongoing')!.append(document.querySelector('floorwalker-panel')!));
    await h.page.waitForFunction(() => document.querySelector('#ongoing floorwalker-panel'), { timeout: 5_000 });
    // The moved frame reloads into a document the worker would refuse; the loader replaces it.
    await until(
      async () => again.detached,
      (detached) => detached,
      'the moved frame to go away',
      15_000,
      100,
    );
    const moved = await live();
    expect(await moved.evaluate(() => (window as unknown as { __fwMark?: string }).__fwMark)).toBeUndefined();
  });

  it('shows no overlay where the settings turn it off, and shows it again when they turn it back on', async () => {
    const options = await h.openExtensionPage('options.html');
    const setOverlay = (on: boolean) =>
      options.evaluate(async (value) => {
        type Sync = { get(key: string): Promise<Record<string, unknown>>; set(items: Record<string, unknown>): Promise<void> };
        const sync = (globalThis as unknown as { chrome: { storage: { sync: Sync } } }).chrome.storage.sync;
        const { settings } = await sync.get('settings');
        await sync.set({ settings: { ...(settings as object | undefined), overlay: value } });
      }, on);
    await setOverlay(false);
    // The loader asks the worker for the frame's token before it adds anything; the worker says why it gave none.
    const worker = await h.worker();
    const refused = new Promise<void>((resolve) =>
      worker.on('console', (message) => {
        if (message.text().includes('turned off in the settings')) resolve();
      }),
    );
    await h.page.reload();
    await refused;
    await h.page.waitForSelector('#ongoing a', { timeout: 15_000 });
    expect(await h.page.$('floorwalker-panel')).toBeNull();
    expect(h.page.frames().filter((frame) => frame.url().includes('/overlay.html'))).toEqual([]);
    await setOverlay(true);
    await h.page.reload();
    await live();
    await options.close();
  });

  it('opens the browser side panel, which shows the panel, from the overlay’s header and from its launcher', async () => {
    const sidePanelUrl = `chrome-extension://${h.extensionId}/sidepanel.html`;
    /** A click that opens the browser's side panel (a new page target); it shows the panel, then is closed again. */
    const opensSidePanel = async (click: () => Promise<void>) => {
      const before = new Set(h.browser.targets());
      const opened = h.browser.waitForTarget((target) => target.url() === sidePanelUrl && !before.has(target), { timeout: 10_000 });
      await click();
      const panel = await (await opened).asPage();
      expect(await panel.waitForSelector('[aria-label="Floorwalker"]', { timeout: 15_000 })).not.toBeNull();
      await panel.close();
    };
    const frame = await live();
    // The frame's controls are in the header's ⋯ menu; a choice closes it.
    const more = async () => (await frame.waitForSelector('.fw-header summary[title="More"]'))!.click();
    await more();
    await opensSidePanel(async () => (await frame.waitForSelector('button::-p-text(Open in side panel)'))!.click());
    await more();
    await (await frame.waitForSelector('button::-p-text(Collapse)'))!.click();
    const launcherButton = (name: string) => h.page.waitForSelector(`::-p-aria([name="${name}"][role="button"])`, { timeout: 5_000 });
    await opensSidePanel(async () => (await launcherButton('Open in side panel'))!.click());
    await (await launcherButton('Open Floorwalker'))!.click();
    await live();
  });

  it('answers a valid message and rejects an invalid one with a reason', async () => {
    const page = await h.openExtensionPage('options.html');
    const replies = await page.evaluate(async () => {
      // The page's own `chrome` global, as any extension page would use it.
      const runtime = (globalThis as unknown as { chrome: { runtime: { sendMessage(m: unknown): Promise<unknown> } } }).chrome.runtime;
      const send = (message: unknown) => runtime.sendMessage(message);
      return { ping: await send({ type: 'ping' }), bogus: await send({ type: 'launchMissiles' }), notAnObject: await send('ping') };
    });
    expect(replies.ping).toMatchObject({ ok: true, sender: 'extensionPage' });
    expect(replies.bogus).toMatchObject({ ok: false });
    expect((replies.bogus as { error: string }).error).toMatch(/Invalid message/);
    expect(replies.notAnObject).toMatchObject({ ok: false });
    await page.close();
  });
});
