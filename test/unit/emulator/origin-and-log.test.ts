// @vitest-environment node
/** Writes from an extension's origin, and the request log seeing a request arrive before it is answered. */
import { afterEach, describe, expect, it } from 'vitest';
import type { Emulator } from '../../../emulator';
import { SOFIA } from '../../../emulator/personas';
import { control, emulator, ORIGIN, signIn } from './helpers';
import { activeChat, errorOf, idOf } from './org';

let e: Emulator;
afterEach(async () => e?.close());

const EXTENSION = 'chrome-extension://difkencgdbknfphjeldipiphnmgbjnne';
type Logged = { id: number; method: string; path: string; origin: string; status: number | null; time: string };

describe('extensionOriginWrites', () => {
  it('refuse: a write from an extension origin answers 403; reads and the page’s own writes pass', async () => {
    e = emulator();
    await control(e, 'config', { extensionOriginWrites: 'refuse' });
    const sofia = await signIn(e, SOFIA.upn);
    const chat = activeChat(e);
    const path = `msdyn_ocliveworkitems(${idOf(chat)})/Microsoft.Dynamics.CRM.CCaaS_ForceCloseConversation`;
    const refused = await sofia.send('POST', path, { ApiVersion: '1.0' }, { Origin: EXTENSION });
    expect(refused.status).toBe(403);
    expect(await errorOf(refused)).toEqual({ code: '0x80040220', message: expect.stringContaining(`'${EXTENSION}'`) });
    expect(e.world.store.get('msdyn_ocliveworkitems', idOf(chat))!.statecode).toBe(0);
    for (const [method, target] of [
      ['PATCH', `msdyn_ocliveworkitems(${idOf(chat)})`],
      ['DELETE', `annotations(${idOf(chat)})`],
    ] as const) {
      expect((await sofia.send(method, target, method === 'PATCH' ? { subject: 'x' } : undefined, { Origin: EXTENSION })).status).toBe(403);
    }
    expect((await sofia.get(`msdyn_ocliveworkitems(${idOf(chat)})?$select=subject`, { Origin: EXTENSION })).status).toBe(200);
    expect((await sofia.send('POST', path, { ApiVersion: '1.0' }, { Origin: ORIGIN })).status).toBe(204);
  });

  it('allow (the default) accepts the same write', async () => {
    e = emulator();
    const sofia = await signIn(e, SOFIA.upn);
    const res = await sofia.send(
      'POST',
      `msdyn_ocliveworkitems(${idOf(activeChat(e))})/Microsoft.Dynamics.CRM.CCaaS_MonitorConversation`,
      { ApiVersion: '1.0' },
      { Origin: EXTENSION },
    );
    expect(res.status).toBe(204);
  });
});

describe('request log', () => {
  it('records each request’s Origin, or "none"', async () => {
    e = emulator();
    const sofia = await signIn(e, SOFIA.upn);
    await sofia.get('WhoAmI()', { Origin: EXTENSION });
    await sofia.get('WhoAmI()');
    const log = (await (await control(e, 'requests')).json()) as { requests: Logged[] };
    expect(log.requests.map((r) => r.origin)).toEqual([EXTENSION, 'none']);
    expect(log.requests[1]!.id).toBeGreaterThan(log.requests[0]!.id);
  });

  it('records how many rows a list answer carried, and null for an answer that is not a list', async () => {
    e = emulator();
    const sofia = await signIn(e, SOFIA.upn);
    const list = (await (await sofia.get('msdyn_ocliveworkitems?$select=activityid&$top=3')).json()) as { value: unknown[] };
    await sofia.get('WhoAmI()');
    const log = (await (await control(e, 'requests')).json()) as { requests: Array<Logged & { rows: number | null }> };
    expect(list.value).toHaveLength(3);
    expect(log.requests.map((r) => r.rows)).toEqual([3, null]);
  });

  it('lists a request in flight with status null when asked, and answered once it is', async () => {
    e = emulator();
    const sofia = await signIn(e, SOFIA.upn);
    await control(e, 'faults', { latencyMs: 400 });
    const pending = sofia.send('POST', `msdyn_ocliveworkitems(${idOf(activeChat(e))})/Microsoft.Dynamics.CRM.CCaaS_MonitorConversation`, {
      ApiVersion: '1.0',
    });
    await new Promise((resolve) => setTimeout(resolve, 100));
    const during = (await (await control(e, 'requests?inFlight=1')).json()) as { requests: Logged[] };
    expect(during.requests).toEqual([
      expect.objectContaining({ method: 'POST', status: null, path: expect.stringContaining('CCaaS_MonitorConversation') }),
    ]);
    expect(((await (await control(e, 'requests')).json()) as { requests: Logged[] }).requests).toEqual([]);
    expect((await pending).status).toBe(204);
    const after = (await (await control(e, 'requests?inFlight=1')).json()) as { requests: Logged[] };
    expect(after.requests).toEqual([{ ...during.requests[0]!, status: 204 }]);
  });
});
