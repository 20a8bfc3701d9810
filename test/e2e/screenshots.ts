import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Frame, Page } from 'puppeteer';
import type { Harness } from './harness';

export type Scheme = 'light' | 'dark';

export interface ScreenshotOptions {
  /** Folder to write into (docs/screenshots for the README). */
  dir: string;
  schemes?: readonly Scheme[];
  overlaySize?: { width: number; height: number };
  sidePanelSize?: { width: number; height: number };
}

/** Until the panel's rows are there: in the overlay's frame, or on the side panel page. */
async function waitForRows(root: Page | Frame, timeout = 30_000): Promise<void> {
  await root.waitForSelector('[role="grid"] [role="row"][aria-rowindex="2"]', { timeout });
}

/**
 * Screenshots of the overlay over the workspace and of the side panel, light and dark (the panel follows
 * prefers-color-scheme), into `dir`: overlay-light.png, overlay-dark.png, sidepanel-light.png, sidepanel-dark.png.
 * For scripts/screenshots.ts (lead-owned): start a harness on the typical scenario, then call this.
 */
export async function captureScreenshots(h: Harness, options: ScreenshotOptions): Promise<string[]> {
  const schemes = options.schemes ?? ['light', 'dark'];
  await mkdir(options.dir, { recursive: true });
  const written: string[] = [];

  await h.page.setViewport(options.overlaySize ?? { width: 1440, height: 900 });
  await waitForRows(await h.overlay());
  const side = await h.openSidePanel();
  await side.setViewport(options.sidePanelSize ?? { width: 400, height: 900 });
  await waitForRows(side);

  for (const scheme of schemes) {
    for (const [page, name] of [[h.page, 'overlay'], [side, 'sidepanel']] as const) {
      await page.emulateMediaFeatures([{ name: 'prefers-color-scheme', value: scheme }]);
      // Let the ticking times and the new colours settle before the picture.
      await new Promise((resolve) => setTimeout(resolve, 300));
      const path = join(options.dir, `${name}-${scheme}.png`);
      await page.screenshot({ path });
      written.push(path);
    }
  }
  await side.close();
  return written;
}
