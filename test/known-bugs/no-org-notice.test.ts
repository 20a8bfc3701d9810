import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TargetType, type Page } from 'puppeteer';
import { SOFIA } from '../../emulator/personas';
import { startHarness, type Harness } from '../e2e/harness';

/** The worker's own storage API, in the page puppeteer evaluates in. */
declare const chrome: { storage: { sync: { set(items: object): Promise<void>; get(key: string): Promise<Record<string, unknown>> } } };

/**
 * Cause (open): once the org list in the settings is emptied and every workspace tab is closed, the panel goes on
 * showing the last org as live instead of "Open a Dynamics 365 agent workspace to see your conversations." with its
 * button. It passed before the discovery, request-budget and variant changes were merged together; which of them
 * keeps the org in use is not yet found (the worker's access check is the place to look).
 */
describe('known bug: the no-org notice', () => {
  let h: Harness;
  let sp: Page;

  beforeAll(async () => {
    h = await startHarness({ scenario: 'typical', user: SOFIA.upn, speed: 0 });
    sp = await h.openSidePanel();
    await sp.waitForSelector('[role="grid"]', { timeout: 30_000 });
  });
  afterAll(() => h?.close());

  it('with no org known but the workspace seen before: the panel offers to open it, and the floor comes back', async () => {
    await (
      await h.worker()
    ).evaluate(async () => {
      const { settings } = await chrome.storage.sync.get('settings');
      await chrome.storage.sync.set({ settings: { ...(settings as object), orgUrls: [] } });
    });
    for (const page of await h.browser.pages()) if (page.url().startsWith(h.emulatorUrl)) await page.close();
    await sp.bringToFront();
    await sp.waitForSelector('::-p-text(Open a Dynamics 365 agent workspace to see your conversations.)', { timeout: 60_000 });
    await (await sp.waitForSelector('button::-p-text(Open the agent workspace)'))!.click();
    const opened = await (
      await h.browser.waitForTarget((t) => t.type() === TargetType.PAGE && t.url().startsWith(`${h.emulatorUrl}/main.aspx`), {
        timeout: 15_000,
      })
    ).page();
    expect(new URL(opened!.url()).searchParams.get('appname')).toBe('msdyn_CustomerServiceWorkspace');
    await sp.bringToFront();
    await sp.waitForSelector('[role="grid"]', { timeout: 30_000 });
    expect(await sp.$('::-p-text(Open a Dynamics 365 agent workspace)')).toBeNull();
  }, 120_000);
});
