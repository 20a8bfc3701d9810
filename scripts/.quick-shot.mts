import { startHarness } from '../test/e2e/harness';
import { captureScreenshots } from '../test/e2e/screenshots';
const h = await startHarness({ scenario: 'typical', speed: 1 });
try {
  const out = await captureScreenshots(h, { dir: '/tmp/shots', schemes: ['light'], settleMs: Number(process.env.SETTLE ?? 3000) });
  console.log(out.join('\n'));
} finally { await h.close(); }
