/**
 * `npm run screenshots`: the overlay and the side panel, light and dark, on the emulator's typical scenario,
 * into docs/screenshots/ (the README shows them). Needs `npm run build:test` first.
 */
import { resolve } from 'node:path';
import { startHarness } from '../test/e2e/harness';
import { captureScreenshots } from '../test/e2e/screenshots';

const harness = await startHarness({ scenario: 'typical', speed: 0 });
try {
  const written = await captureScreenshots(harness, { dir: resolve(import.meta.dirname, '../docs/screenshots') });
  for (const path of written) console.log(path);
} finally {
  await harness.close();
}
