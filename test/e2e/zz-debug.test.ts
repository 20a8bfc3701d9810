import { AxePuppeteer } from '@axe-core/puppeteer';
import { it } from 'vitest';
import { startHarness } from './harness';
it('debug', async () => {
  void AxePuppeteer;
  const h = await startHarness({ scenario: 'typical', locale: 'sv' });
  const t0 = Date.now();
  try {
    await h.page.setViewport({ width: 1400, height: 900 });
    await h.page.waitForSelector('floorwalker-panel >>> [role="grid"]', { timeout: 20_000 }).catch((e) => console.log('E1', String(e).slice(0, 100)));
    console.log('grid after', Date.now() - t0);
  } finally { await h.close(); }
}, 60000);
