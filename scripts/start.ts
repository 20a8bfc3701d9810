/**
 * `npm start`: the emulated org with live traffic, and Chromium with the extension, signed in as the default
 * supervisor on the workspace. Without a display it runs headless and saves a screenshot instead.
 * Ctrl-C stops everything it started.
 */
import { execFileSync } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import puppeteer from 'puppeteer';
import { createEmulator } from '../emulator';
import { browserArgs, findBrowser, INSTALL_HINT } from './find-browser';
import { TEST_BUILD_DIR } from './paths';

const PORT = Number(process.env.PORT ?? 5555);
const USER = process.env.FLOORWALKER_USER ?? 'sofia@contoso.test';
const SCREENSHOT = resolve(import.meta.dirname, '../.output/workspace.png');

function hasDisplay(): boolean {
  return process.platform !== 'linux' || Boolean(process.env.DISPLAY || process.env.WAYLAND_DISPLAY);
}

async function main(): Promise<void> {
  const executablePath = findBrowser();
  if (!executablePath) {
    console.error(INSTALL_HINT);
    process.exitCode = 1;
    return;
  }
  execFileSync('npx', ['wxt', 'build', '--mode', 'test'], { stdio: ['ignore', 'ignore', 'inherit'] });

  const emulator = createEmulator({ scenario: 'typical', seed: 1, speed: 1 });
  const server = await emulator.listen(PORT);
  console.log(`Emulated org: ${server.url}`);

  const headless = !hasDisplay();
  const profile = await mkdtemp(join(tmpdir(), 'floorwalker-start-'));
  const browser = await puppeteer.launch({
    executablePath,
    headless,
    userDataDir: profile,
    enableExtensions: true,
    defaultViewport: headless ? { width: 1440, height: 900 } : null,
    args: browserArgs(TEST_BUILD_DIR),
  });
  const [first] = await browser.pages();
  const page = first ?? (await browser.newPage());
  await page.goto(`${server.url}/signin?user=${encodeURIComponent(USER)}`);
  console.log(`Chromium is on the workspace, signed in as ${USER} (${executablePath}).`);

  if (headless) {
    // Give the panel a moment to load its first picture of the org before the screenshot.
    await page.waitForSelector('floorwalker-panel', { timeout: 15_000 }).catch(() => undefined);
    await new Promise((done) => setTimeout(done, 4_000));
    await page.screenshot({ path: SCREENSHOT });
    console.log(`No display: running headless. Screenshot of the workspace with the panel: ${SCREENSHOT}`);
  }
  console.log('Press Ctrl-C to stop.');

  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    await browser.close().catch(() => undefined);
    await server.close();
    await emulator.close();
    await rm(profile, { recursive: true, force: true });
    process.exit(0);
  };
  process.on('SIGINT', () => void stop());
  process.on('SIGTERM', () => void stop());
  browser.on('disconnected', () => void stop());
}

main().catch((error: unknown) => {
  console.error(`npm start failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
