// @vitest-environment node
/**
 * The unchanged dynamics-web-api library against a listening emulator: list with paging, expand, retrieve,
 * WhoAmI, a bound and an unbound action, and the documented errors as the library surfaces them.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DynamicsWebApi } from 'dynamics-web-api';
import type { Emulator, Listening } from '../../../emulator';
import { SOFIA } from '../../../emulator/personas';
import { conversations, emulator } from './helpers';

let e: Emulator;
let server: Listening;
let api: DynamicsWebApi;

beforeEach(async () => {
  e = emulator();
  server = await e.listen(0);
  const token = async () => {
    const res = await fetch(`${server.url}/_emulator/token`, { method: 'POST', body: JSON.stringify({ user: SOFIA.upn }) });
    return ((await res.json()) as { access_token: string }).access_token;
  };
  api = new DynamicsWebApi({ serverUrl: server.url, dataApi: { version: '9.2' }, onTokenRefresh: token });
});
afterEach(async () => {
  await server.close();
  await e.close();
});

const activeChat = () =>
  conversations(
    e,
    (r) =>
      r.statuscode === 2 &&
      r.msdyn_channel === '192360000' &&
      r._msdyn_activeagentid_value !== SOFIA.systemuserid &&
      !e.world.index.stuck.has(String(r.activityid)),
  );

describe('dynamics-web-api against the emulator', () => {
  it('calls WhoAmI', async () => {
    const who = await api.callFunction<{ UserId: string }>('WhoAmI');
    expect(who.UserId).toBe(SOFIA.systemuserid);
  });

  it('lists with paging (maxPageSize + nextLink) and retrieveAll', async () => {
    const request = { collection: 'msdyn_ocliveworkitems', select: ['subject', 'statuscode'], filter: 'statecode eq 0', maxPageSize: 10 };
    const first = await api.retrieveMultiple(request);
    expect(first.value).toHaveLength(10);
    expect(first.oDataNextLink).toContain('$skiptoken=');
    const second = await api.retrieveMultiple(request, first.oDataNextLink);
    expect(second.value.map((r) => r.activityid)).not.toContain(first.value[0]!.activityid);
    const all = await api.retrieveAll(request);
    expect(all.value).toHaveLength(conversations(e, (r) => r.statecode === 0).length);
  });

  it('expands single-valued navigation properties and reads formatted values', async () => {
    const page = await api.retrieveMultiple({
      collection: 'msdyn_ocliveworkitems',
      select: ['subject', '_msdyn_activeagentid_value'],
      filter: '_msdyn_activeagentid_value ne null',
      expand: [{ property: 'msdyn_activeagentid_msdyn_ocliveworkitem', select: ['fullname'] }],
      includeAnnotations: 'OData.Community.Display.V1.FormattedValue',
      top: 3,
    });
    const row = page.value[0]!;
    expect(row.msdyn_activeagentid_msdyn_ocliveworkitem.fullname).toBe(
      row['_msdyn_activeagentid_value@OData.Community.Display.V1.FormattedValue'],
    );
  });

  it('retrieves a single record', async () => {
    const c = activeChat()[0]!;
    const row = await api.retrieve({ collection: 'msdyn_ocliveworkitems', key: String(c.activityid), select: ['subject', 'statuscode'] });
    expect(row).toMatchObject({ subject: c.subject, statuscode: 2 });
  });

  it('calls a bound and an unbound action', async () => {
    const [a, b] = activeChat();
    await api.callAction({
      actionName: 'Microsoft.Dynamics.CRM.CCaaS_MonitorConversation',
      collection: 'msdyn_ocliveworkitems',
      key: String(a!.activityid),
      action: { ApiVersion: '1.0' },
    });
    await api.callAction({
      actionName: 'CCaaS_ForceCloseConversation',
      action: { ApiVersion: '1.0', ConversationId: String(b!.activityid) },
    });
    expect(e.world.store.get('msdyn_ocliveworkitems', String(b!.activityid))?.statuscode).toBe(4);
    expect(
      [...e.world.store.rows('msdyn_sessionparticipants')].some(
        (p) => p._msdyn_agentid_value === SOFIA.systemuserid && p.msdyn_mode === 192350004,
      ),
    ).toBe(true);
  });

  it('surfaces the documented errors: 404 missing record, 400 rule, 412 stale version, 429 throttling', async () => {
    const missing = '00000000-0000-4000-8000-000000000404';
    await expect(api.retrieve({ collection: 'msdyn_ocliveworkitems', key: missing })).rejects.toMatchObject({
      status: 404,
      code: '0x80040217',
      message: `msdyn_ocliveworkitem With Id = ${missing} Does Not Exist`,
    });
    const open = conversations(e, (r) => r.statuscode === 1 && !r._msdyn_activeagentid_value)[0]!;
    await expect(
      api.callAction({ actionName: 'CCaaS_MonitorConversation', action: { ApiVersion: '1.0', ConversationId: String(open.activityid) } }),
    ).rejects.toMatchObject({ status: 400, message: expect.stringMatching(/Status rule/) });
    const c = activeChat()[0]!;
    // The library reports a failed If-Match precondition (412) as `false` rather than throwing.
    await expect(
      api.update({ collection: 'msdyn_ocliveworkitems', key: String(c.activityid), data: { msdyn_title: 'x' }, ifmatch: 'W/"1"' }),
    ).resolves.toBe(false);
    const log = (await (await fetch(`${server.url}/_emulator/requests`)).json()) as { requests: { method: string; status: number }[] };
    expect(log.requests.at(-1)).toMatchObject({ method: 'PATCH', status: 412 });
    await fetch(`${server.url}/_emulator/faults`, {
      method: 'POST',
      body: JSON.stringify({ throttle: { count: 1, retryAfterSeconds: 3 } }),
    });
    await expect(api.callFunction('WhoAmI')).rejects.toMatchObject({ status: 429, code: '0x80072322' });
  });
});
