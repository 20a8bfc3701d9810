/**
 * The built test extension in real Chromium (a fresh profile each time) against one emulated org, and the handles
 * the bench needs: the workspace tab and its overlay frame, more tabs and side panels, JS heap through the
 * DevTools protocol. Every extension page gets the bench's probe (page-probe.ts) before its own scripts run.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import puppeteer, { TargetType, type Browser, type CDPSession, type Frame, type Page, type Target } from 'puppeteer';
import { SOFIA } from '../../emulator';
import { browserArgs, findBrowser, INSTALL_HINT } from '../../scripts/find-browser';
import { TEST_BUILD_DIR, TEST_EXTENSION_ID } from '../../scripts/paths';
import type { Org } from './org';
import { probeEveryDocument } from './page-probe';
import { sleep } from './time-box';

/** The supervisor the extension is signed in as in every session. */
export const SUPERVISOR = SOFIA.upn;
/** A workspace window big enough for the overlay to show a screenful of rows. */
const VIEWPORT = { width: 1600, height: 1200 };
const EXTENSION = `chrome-extension://${TEST_EXTENSION_ID}`;
const MB = 1024 * 1024;

export interface BrowserSession {
  browser: Browser;
  chromium: string;
  /** The first tab; `signIn` takes it to the workspace. */
  workspace: Page;
  /** Signs in as the supervisor in the first tab (the workspace loads, and with it the overlay). */
  signIn(): Promise<void>;
  /** The overlay's frame in a workspace tab (waits for it). */
  overlay(tab?: Page, timeoutMs?: number): Promise<Frame>;
  /** Another workspace tab, signed in already (the cookie is the browser's). */
  openWorkspaceTab(): Promise<Page>;
  /** An extension page (sidepanel.html, options.html) as a tab. */
  openExtensionPage(path: string): Promise<Page>;
  /** JS heap in use after a garbage collection: of a tab, of the overlay frame's renderer, or of the worker. */
  heapMb(of: Page | 'overlay' | 'worker'): Promise<number>;
  close(): Promise<void>;
}

const isOurWorker = (target: Target) => target.type() === TargetType.SERVICE_WORKER && target.url().startsWith(`${EXTENSION}/`);

async function heapOf(session: CDPSession): Promise<number> {
  await session.send('HeapProfiler.collectGarbage');
  const { usedSize } = await session.send('Runtime.getHeapUsage');
  return usedSize / MB;
}

/** Starts Chromium with the test build and a fresh profile; the workspace tab carries the probe from the start. */
export async function launchBrowser(org: Org): Promise<BrowserSession> {
  const executablePath = findBrowser();
  if (!executablePath) throw new Error(INSTALL_HINT);
  const profile = await mkdtemp(join(tmpdir(), 'floorwalker-bench-'));
  const browser = await puppeteer.launch({
    executablePath,
    headless: true,
    userDataDir: profile,
    enableExtensions: true,
    defaultViewport: VIEWPORT,
    args: browserArgs(TEST_BUILD_DIR),
    // A 50,000-row page can keep a call waiting; the bench's own limits are shorter and say what timed out.
    protocolTimeout: 600_000,
  });
  try {
    await browser.waitForTarget(isOurWorker, { timeout: 30_000 });
    const chromium = await browser.version();
    const workspace = await browser.newPage();
    await probeEveryDocument(workspace);

    const overlay = async (tab: Page = workspace, timeoutMs = 30_000): Promise<Frame> => {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const frame = tab.frames().findLast((candidate) => !candidate.detached && candidate.url().startsWith(`${EXTENSION}/overlay.html`));
        if (frame) return frame;
        if (Date.now() > deadline) throw new Error(`No overlay frame in ${tab.url()} within ${timeoutMs / 1000} s`);
        await sleep(20);
      }
    };
    const openExtensionPage = async (path: string) => {
      const tab = await browser.newPage();
      await probeEveryDocument(tab);
      await tab.goto(`${EXTENSION}/${path}`);
      return tab;
    };

    return {
      browser,
      chromium,
      workspace,
      async signIn() {
        await workspace.goto(`${org.url}/signin?user=${encodeURIComponent(SUPERVISOR)}`);
      },
      overlay,
      async openWorkspaceTab() {
        const tab = await browser.newPage();
        await probeEveryDocument(tab);
        await tab.goto(`${org.url}/main.aspx?appname=msdyn_CustomerServiceWorkspace`);
        return tab;
      },
      openExtensionPage,
      async heapMb(of) {
        if (of === 'worker') {
          const worker = await (await browser.waitForTarget(isOurWorker, { timeout: 15_000 })).worker();
          if (!worker) throw new Error('The extension service worker has no worker handle');
          return heapOf(worker.client);
        }
        if (of === 'overlay') {
          const target = browser.targets().find((candidate) => candidate.url().startsWith(`${EXTENSION}/overlay.html`));
          if (!target) throw new Error('No overlay frame to measure');
          const session = await target.createCDPSession();
          try {
            return await heapOf(session);
          } finally {
            await session.detach().catch(() => undefined);
          }
        }
        const session = await of.createCDPSession();
        try {
          return await heapOf(session);
        } finally {
          await session.detach().catch(() => undefined);
        }
      },
      async close() {
        await browser.close().catch(() => undefined);
        await rm(profile, { recursive: true, force: true });
      },
    };
  } catch (error) {
    await browser.close().catch(() => undefined);
    await rm(profile, { recursive: true, force: true });
    throw error;
  }
}
