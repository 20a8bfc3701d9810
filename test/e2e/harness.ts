/**
 * End-to-end harness: the emulator in-process on a free loopback port, real Chromium (system browser, no download)
 * with the built test extension, and a workspace tab signed in as a persona. One browser per test file.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import puppeteer, { TargetType, type Browser, type Frame, type Page, type Target, type WebWorker } from 'puppeteer';
import { createEmulator } from '../../emulator';
import { browserArgs, findBrowser, INSTALL_HINT } from '../../scripts/find-browser';
import { TEST_BUILD_DIR, TEST_EXTENSION_ID } from '../../scripts/paths';

export interface HarnessOptions {
  scenario?: 'empty' | 'typical' | 'busy';
  seed?: number;
  /** Persona to sign in as; null opens the workspace signed out. */
  user?: string | null;
  /** Browser UI language, e.g. 'sv'. */
  locale?: string;
  speed?: number;
}

export interface Harness {
  emulatorUrl: string;
  browser: Browser;
  extensionId: string;
  /** The workspace tab, signed in. */
  page: Page;
  worker(): Promise<WebWorker>;
  /** Stops the service worker the way Chrome does when it is idle; the next event starts a new one. */
  killWorker(): Promise<void>;
  /**
   * The overlay's frame in a workspace tab (default: `page`): the extension's overlay.html, which the loader puts in
   * a closed shadow root. Puppeteer reaches it through the browser, as no page script can. Waits until it is there;
   * after a reload or a re-mount it is a new frame, so ask again. Its document is the panel: `frame.$(…)`,
   * `frame.waitForSelector(…)`, `new AxePuppeteer(frame)`. Keys typed with `page.keyboard` go to it while it has
   * focus.
   */
  overlay(page?: Page): Promise<Frame>;
  /** The side panel page, opened as a tab (same document the browser's side panel shows). */
  openSidePanel(): Promise<Page>;
  openExtensionPage(path: string): Promise<Page>;
  /** Calls the emulator's control API: POST with a body, GET without. */
  control<T = unknown>(path: string, body?: unknown): Promise<T>;
  close(): Promise<void>;
}

function isOurWorker(target: Target): boolean {
  return target.type() === TargetType.SERVICE_WORKER && target.url().startsWith(`chrome-extension://${TEST_EXTENSION_ID}/`);
}

export async function startHarness(options: HarnessOptions = {}): Promise<Harness> {
  const executablePath = findBrowser();
  if (!executablePath) throw new Error(INSTALL_HINT);
  const emulator = createEmulator({ scenario: options.scenario ?? 'typical', seed: options.seed ?? 1, speed: options.speed ?? 1 });
  const server = await emulator.listen(0);
  const emulatorUrl = server.url;
  const profile = await mkdtemp(join(tmpdir(), 'floorwalker-e2e-'));
  const browser = await puppeteer.launch({
    executablePath,
    headless: true,
    userDataDir: profile,
    enableExtensions: true,
    args: browserArgs(TEST_BUILD_DIR, options.locale),
    env: { ...process.env, ...(options.locale ? { LANGUAGE: options.locale, LANG: `${options.locale}.UTF-8` } : {}) },
  });
  await browser.waitForTarget(isOurWorker, { timeout: 15_000 });

  const page = await browser.newPage();
  const user = options.user === undefined ? 'sofia@contoso.test' : options.user;
  await page.goto(user ? `${emulatorUrl}/signin?user=${encodeURIComponent(user)}` : `${emulatorUrl}/main.aspx`);

  const overlayUrl = `chrome-extension://${TEST_EXTENSION_ID}/overlay.html`;
  const overlay = async (tab: Page = page): Promise<Frame> => {
    const deadline = Date.now() + 15_000;
    for (;;) {
      const frame = tab.frames().findLast((candidate) => !candidate.detached && candidate.url().startsWith(overlayUrl));
      if (frame) return frame;
      if (Date.now() > deadline) throw new Error(`No overlay frame in ${tab.url()}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  };

  const openExtensionPage = async (path: string) => {
    const tab = await browser.newPage();
    await tab.goto(`chrome-extension://${TEST_EXTENSION_ID}/${path}`);
    return tab;
  };

  return {
    emulatorUrl,
    browser,
    extensionId: TEST_EXTENSION_ID,
    page,
    async worker() {
      const target = await browser.waitForTarget(isOurWorker, { timeout: 15_000 });
      const worker = await target.worker();
      if (!worker) throw new Error('The extension service worker has no worker handle');
      return worker;
    },
    async killWorker() {
      const target = browser.targets().find(isOurWorker);
      const worker = await target?.worker();
      await worker?.close();
    },
    overlay,
    openSidePanel: () => openExtensionPage('sidepanel.html'),
    openExtensionPage,
    async control<T>(path: string, body?: unknown) {
      const response = await fetch(`${emulatorUrl}/_emulator/${path.replace(/^\//, '')}`, {
        method: body === undefined ? 'GET' : 'POST',
        headers: body === undefined ? {} : { 'content-type': 'application/json' },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      if (!response.ok) throw new Error(`Emulator control ${path}: ${response.status} ${await response.text()}`);
      const text = await response.text();
      return (text ? JSON.parse(text) : undefined) as T;
    },
    async close() {
      await browser.close().catch(() => undefined);
      await server.close();
      await emulator.close();
      await rm(profile, { recursive: true, force: true });
    },
  };
}
