// @vitest-environment node
/** Measures what issue 4 asks to report for `busy`: start time and a 5,000-row page. Prints; no timing asserts. */
import { afterEach, expect, it } from 'vitest';
import { createEmulator, type Emulator } from '../../../emulator';
import { SOFIA } from '../../../emulator/personas';

let e: Emulator;
afterEach(async () => e?.close());

it('busy: start time and a 5,000-row page over HTTP', async () => {
  const started = performance.now();
  e = createEmulator({ scenario: 'busy', speed: 0 });
  const startMs = performance.now() - started;
  const server = await e.listen(0);
  const cookie = (await e.fetch(new Request(`${server.url}/signin?user=${SOFIA.upn}`))).headers.get('set-cookie')!.split(';')[0]!;
  const query = '/api/data/v9.2/msdyn_ocliveworkitems?$select=subject,statuscode,msdyn_channel,_msdyn_activeagentid_value,_msdyn_cdsqueueid_value,createdon,msdyn_customersentimentlabel&$filter=statecode eq 0&$orderby=createdon desc';
  const pageStarted = performance.now();
  const res = await fetch(`${server.url}${query}`, { headers: { cookie, Prefer: 'odata.maxpagesize=5000,odata.include-annotations="*"' } });
  const body = (await res.json()) as { value: unknown[] };
  const pageMs = performance.now() - pageStarted;
  expect(body.value).toHaveLength(5000);
  console.log(`busy start: ${startMs.toFixed(0)} ms; 5,000-row page (annotated, over HTTP): ${pageMs.toFixed(0)} ms`);
  await server.close();
}, 60_000);
