import { it } from 'vitest';
import { startHarness } from './harness';
import { openView, waitForState } from '../soak/probe';
import { PersistedSchema } from '../../lib/feed/persisted';

it('debug persisted', async () => {
  const h = await startHarness({ scenario: 'typical' });
  const view = await openView(h);
  await waitForState(view, "s.freshness.state === 'live' && s.conversations.length > 0", 20_000);
  await new Promise((r) => setTimeout(r, 4000));
  const worker = await h.worker();
  const stored = await worker.evaluate(async () => (await (globalThis as any).chrome.storage.session.get('feed')).feed);
  const parsed = PersistedSchema.safeParse(stored);
  console.log('PARSE', parsed.success, parsed.success ? '' : JSON.stringify(parsed.error.issues.slice(0, 3)));
  console.log('ACCESS', JSON.stringify((stored as any)?.access)?.slice(0, 300));
  await h.close();
}, 60_000);
