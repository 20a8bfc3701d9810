import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from './harness';

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

  it('mounts the panel over the workspace, in a shadow root', async () => {
    const host = await h.page.waitForSelector('floorwalker-panel', { timeout: 15_000 });
    expect(await host!.evaluate((el) => el.shadowRoot !== null || el.getRootNode() !== document)).toBe(true);
    const region = await h.page.waitForSelector('floorwalker-panel >>> [aria-label="Floorwalker"]', { timeout: 15_000 });
    expect(region).not.toBeNull();
  });

  it('keeps the panel across the workspace’s in-page navigation', async () => {
    const before = await h.page.evaluate(() => performance.getEntriesByType('navigation').length);
    const link = await h.page.waitForSelector('#ongoing a', { timeout: 15_000 });
    await link!.click();
    await h.page.waitForFunction(() => location.search.includes('pagetype=entityrecord'), { timeout: 10_000 });
    // Same document (pushState, no reload) and the panel is still mounted.
    expect(await h.page.evaluate(() => performance.getEntriesByType('navigation').length)).toBe(before);
    expect(await h.page.$('floorwalker-panel >>> [aria-label="Floorwalker"]')).not.toBeNull();
    await h.page.goBack();
    await h.page.waitForSelector('#ongoing', { timeout: 10_000 });
    expect(await h.page.$('floorwalker-panel >>> [aria-label="Floorwalker"]')).not.toBeNull();
  });

  it('renders the side panel page', async () => {
    const side = await h.openSidePanel();
    expect(await side.waitForSelector('[aria-label="Floorwalker"]', { timeout: 15_000 })).not.toBeNull();
    await side.close();
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
