// @vitest-environment node
/**
 * The busy scenario over HTTP: a 5,000-row page of ongoing conversations, and the same page after a long closed
 * history is loaded (the history never leaks into the ongoing set). How fast is for the bench, not for this test.
 */
import { afterEach, expect, it } from 'vitest';
import { createEmulator, type Emulator } from '../../../emulator';
import { SOFIA } from '../../../emulator/personas';

let e: Emulator;
afterEach(async () => e?.close());

const ONGOING_PAGE =
  '/api/data/v9.2/msdyn_ocliveworkitems?$select=subject,statuscode,msdyn_channel,_msdyn_activeagentid_value,_msdyn_cdsqueueid_value,createdon,msdyn_customersentimentlabel&$filter=statecode eq 0&$orderby=createdon desc';

/** The ids on the first page of ongoing conversations (5,000 rows, annotated). */
async function ongoingPage(url: string, cookie: string): Promise<string[]> {
  const res = await fetch(`${url}${ONGOING_PAGE}`, { headers: { cookie, Prefer: 'odata.maxpagesize=5000,odata.include-annotations="*"' } });
  const body = (await res.json()) as { value: Array<{ activityid: string }> };
  return body.value.map((row) => row.activityid);
}

async function signedIn(): Promise<{ url: string; cookie: string; close: () => Promise<void> }> {
  e = createEmulator({ scenario: 'busy', speed: 0 });
  const server = await e.listen(0);
  const cookie = (await e.fetch(new Request(`${server.url}/signin?user=${SOFIA.upn}`))).headers.get('set-cookie')!.split(';')[0]!;
  return { url: server.url, cookie, close: () => server.close() };
}

it('busy: serves a full 5,000-row page of ongoing conversations over HTTP', async () => {
  const server = await signedIn();
  const ids = await ongoingPage(server.url, server.cookie);
  expect(ids).toHaveLength(5000);
  expect(new Set(ids).size).toBe(5000);
  await server.close();
}, 60_000);

it('busy with 200,000 closed conversations: the ongoing page is the same as without the history', async () => {
  const server = await signedIn();
  const without = await ongoingPage(server.url, server.cookie);
  const configured = await fetch(`${server.url}/_emulator/config`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ closedHistory: 200_000 }),
  });
  expect(configured.status).toBe(200);
  expect(await ongoingPage(server.url, server.cookie)).toEqual(without);
  await server.close();
}, 180_000);
