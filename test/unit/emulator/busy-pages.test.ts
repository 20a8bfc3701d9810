// @vitest-environment node
/** Measures start time and a 5,000-row page for `busy`, with and without a long closed history. Prints; no timing asserts. */
import { afterEach, expect, it } from 'vitest';
import { createEmulator, type Emulator } from '../../../emulator';
import { SOFIA } from '../../../emulator/personas';

let e: Emulator;
afterEach(async () => e?.close());

const ONGOING_PAGE = '/api/data/v9.2/msdyn_ocliveworkitems?$select=subject,statuscode,msdyn_channel,_msdyn_activeagentid_value,_msdyn_cdsqueueid_value,createdon,msdyn_customersentimentlabel&$filter=statecode eq 0&$orderby=createdon desc';

async function timedPage(url: string, cookie: string): Promise<number> {
  const started = performance.now();
  const res = await fetch(`${url}${ONGOING_PAGE}`, { headers: { cookie, Prefer: 'odata.maxpagesize=5000,odata.include-annotations="*"' } });
  const body = (await res.json()) as { value: unknown[] };
  expect(body.value).toHaveLength(5000);
  return performance.now() - started;
}

it('busy: start time and a 5,000-row page over HTTP', async () => {
  const started = performance.now();
  e = createEmulator({ scenario: 'busy', speed: 0 });
  const startMs = performance.now() - started;
  const server = await e.listen(0);
  const cookie = (await e.fetch(new Request(`${server.url}/signin?user=${SOFIA.upn}`))).headers.get('set-cookie')!.split(';')[0]!;
  const pageMs = await timedPage(server.url, cookie);
  console.log(`busy start: ${startMs.toFixed(0)} ms; 5,000-row page (annotated, over HTTP): ${pageMs.toFixed(0)} ms`);
  await server.close();
}, 60_000);

it('busy with 200,000 closed conversations: the ongoing page does not pay for the history', async () => {
  e = createEmulator({ scenario: 'busy', speed: 0 });
  const server = await e.listen(0);
  const cookie = (await e.fetch(new Request(`${server.url}/signin?user=${SOFIA.upn}`))).headers.get('set-cookie')!.split(';')[0]!;
  const without = await timedPage(server.url, cookie);
  const started = performance.now();
  const configured = await fetch(`${server.url}/_emulator/config`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ closedHistory: 200_000 }) });
  expect(configured.status).toBe(200);
  const loadMs = performance.now() - started;
  const withHistory = await timedPage(server.url, cookie);
  console.log(`busy ongoing page: ${without.toFixed(0)} ms; after loading 200,000 closed conversations (${loadMs.toFixed(0)} ms): ${withHistory.toFixed(0)} ms`);
  await server.close();
}, 180_000);
