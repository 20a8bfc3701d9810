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
  /** Side panel widths to show (the browser's side panel is usually 360–420 px wide). */
  sidePanelWidths?: readonly number[];
  sidePanelHeight?: number;
  /** How long to let the trends gather samples first (the worker samples every 30 s). */
  settleMs?: number;
}

/** Until the panel's rows are there: in the overlay's frame, or on the side panel page. */
async function waitForRows(root: Page | Frame, timeout = 30_000): Promise<void> {
  await root.waitForSelector('[role="grid"] [role="row"][aria-rowindex="2"]', { timeout });
}

/**
 * Screenshots of the overlay over the workspace and of the side panel at each width, light and dark (the panel
 * follows prefers-color-scheme), into `dir`: overlay-<scheme>.png and sidepanel-<width>-<scheme>.png.
 * For scripts/screenshots.ts: start a harness on the typical scenario, then call this.
 */
export async function captureScreenshots(h: Harness, options: ScreenshotOptions): Promise<string[]> {
  const schemes = options.schemes ?? ['light', 'dark'];
  const widths = options.sidePanelWidths ?? [360, 420];
  await mkdir(options.dir, { recursive: true });
  const written: string[] = [];

  await h.page.setViewport(options.overlaySize ?? { width: 1440, height: 900 });
  await waitForRows(await h.overlay());
  const side = await h.openSidePanel();
  await waitForRows(side);
  await new Promise((resolve) => setTimeout(resolve, options.settleMs ?? 0));

  const shots: [Page, string, { width: number; height: number } | null][] = [
    [h.page, 'overlay', null],
    ...widths.map(
      (width) =>
        [side, `sidepanel-${width}`, { width, height: options.sidePanelHeight ?? 900 }] as [
          Page,
          string,
          { width: number; height: number },
        ],
    ),
  ];
  for (const scheme of schemes) {
    for (const [page, name, size] of shots) {
      if (size) await page.setViewport(size);
      // In front, as a user looking at it has it: a view behind holds its changes until it shows.
      await page.bringToFront();
      await page.emulateMediaFeatures([{ name: 'prefers-color-scheme', value: scheme }]);
      // Let the ticking times, the layout and the new colours settle before the picture.
      await new Promise((resolve) => setTimeout(resolve, 500));
      const path = join(options.dir, `${name}-${scheme}.png`);
      await page.screenshot({ path });
      written.push(path);
    }
  }
  await side.close();
  return written;
}
