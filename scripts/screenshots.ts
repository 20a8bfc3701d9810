/**
 * `npm run screenshots`: the overlay (1440×900) and the side panel (360 and 420 px), light and dark, on the
 * emulator's typical scenario with live traffic, into docs/screenshots/ (the README shows them). The trends get a
 * minute and a half of samples first. Needs `npm run build:test` first (the npm script does it).
 */
import { resolve } from 'node:path';
import { startHarness } from '../test/e2e/harness';
import { captureScreenshots } from '../test/e2e/screenshots';

const harness = await startHarness({ scenario: 'typical', speed: 1 });
try {
  const written = await captureScreenshots(harness, { dir: resolve(import.meta.dirname, '../docs/screenshots'), settleMs: 95_000 });
  for (const path of written) console.log(path);
} finally {
  await harness.close();
}
