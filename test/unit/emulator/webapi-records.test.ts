// @vitest-environment node
import { afterEach, describe, expect, it } from 'vitest';
import type { Emulator } from '../../../emulator';
import { ALEX, SOFIA } from '../../../emulator/personas';
import { API, control, emulator, signIn } from './helpers';

let e: Emulator;
afterEach(async () => e?.close());

const errorOf = async (res: Response) => ((await res.json()) as { error: { code: string; message: string } }).error;

describe('create, retrieve, update, delete', () => {
  it('creates with 204 and OData-EntityId, then retrieves the row', async () => {
    e = emulator();
    const sofia = await signIn(e, SOFIA.upn);
    const queue = [...e.world.store.rows('queues')][0]!;
    const res = await sofia.send('POST', 'msdyn_ocliveworkitems', {
      subject: 'Made by a test',
      statuscode: 1,
      msdyn_channel: '192360000',
      'msdyn_cdsqueueid_msdyn_ocliveworkitem@odata.bind': `/queues(${String(queue.queueid)})`,
    });
    expect(res.status).toBe(204);
    const entityId = res.headers.get('odata-entityid')!;
    expect(entityId).toMatch(new RegExp(`^${API.replaceAll('.', '\\.')}/msdyn_ocliveworkitems\\([0-9a-f-]{36}\\)$`));
    const id = /\(([^)]+)\)$/.exec(entityId)![1]!;
    const row = await sofia.json(`msdyn_ocliveworkitems(${id})?$select=subject,statecode,_msdyn_cdsqueueid_value,msdyn_ocliveworkitemid`);
    expect(row).toMatchObject({
      subject: 'Made by a test',
      statecode: 0,
      _msdyn_cdsqueueid_value: queue.queueid,
      msdyn_ocliveworkitemid: id,
    });
  });

  it('answers 201 with the record for Prefer: return=representation', async () => {
    e = emulator();
    const sofia = await signIn(e, SOFIA.upn);
    const res = await sofia.send(
      'POST',
      'annotations?$select=subject,notetext',
      { subject: 'Note', notetext: 'Hello' },
      { Prefer: 'return=representation' },
    );
    expect(res.status).toBe(201);
    expect(res.headers.get('preference-applied')).toBe('return=representation');
    const body = (await res.json()) as Record<string, unknown>;
    expect(body).toMatchObject({ subject: 'Note', notetext: 'Hello', '@odata.etag': expect.stringMatching(/^W\/"\d+"$/) });
  });

  it('rejects unknown properties and out-of-range choices', async () => {
    e = emulator();
    const sofia = await signIn(e, SOFIA.upn);
    const unknown = await sofia.send('POST', 'msdyn_ocliveworkitems', { subject: 'x', msdyn_bogus: 1 });
    expect(unknown.status).toBe(400);
    expect((await errorOf(unknown)).message).toContain("The property 'msdyn_bogus' does not exist");
    const range = await sofia.send('POST', 'msdyn_ocliveworkitems', { subject: 'x', statuscode: 99 });
    expect(range.status).toBe(400);
    expect((await errorOf(range)).message).toContain('outside the valid range');
  });

  it('answers 404 with the documented code and message for a missing conversation', async () => {
    e = emulator();
    const sofia = await signIn(e, SOFIA.upn);
    const id = '00000000-0000-4000-8000-000000000999';
    const res = await sofia.get(`msdyn_ocliveworkitems(${id})`);
    expect(res.status).toBe(404);
    expect(await errorOf(res)).toEqual({ code: '0x80040217', message: `msdyn_ocliveworkitem With Id = ${id} Does Not Exist` });
  });

  it('answers 304 to If-None-Match with the current etag, and 200 once the row changed', async () => {
    e = emulator();
    const sofia = await signIn(e, SOFIA.upn);
    const id = String([...e.world.store.rows('msdyn_ocliveworkitems')][0]!.activityid);
    const first = await sofia.get(`msdyn_ocliveworkitems(${id})?$select=subject`);
    const etag = ((await first.json()) as Record<string, string>)['@odata.etag']!;
    expect((await sofia.get(`msdyn_ocliveworkitems(${id})?$select=subject`, { 'If-None-Match': etag })).status).toBe(304);
    await sofia.send('PATCH', `msdyn_ocliveworkitems(${id})`, { msdyn_title: 'changed' });
    expect((await sofia.get(`msdyn_ocliveworkitems(${id})?$select=subject`, { 'If-None-Match': etag })).status).toBe(200);
  });

  it('bumps versionnumber and modifiedon on every update, and refuses a stale If-Match with 412', async () => {
    e = emulator();
    const sofia = await signIn(e, SOFIA.upn);
    const id = String([...e.world.store.rows('msdyn_ocliveworkitems')][0]!.activityid);
    const before = await sofia.json(`msdyn_ocliveworkitems(${id})?$select=versionnumber,modifiedon`);
    await control(e, 'clock', { advanceSeconds: 5 });
    const ok = await sofia.send(
      'PATCH',
      `msdyn_ocliveworkitems(${id})`,
      { msdyn_title: 'one' },
      { 'If-Match': String(before['@odata.etag']) },
    );
    expect(ok.status).toBe(204);
    const after = await sofia.json(`msdyn_ocliveworkitems(${id})?$select=versionnumber,modifiedon`);
    expect(Number(after.versionnumber)).toBeGreaterThan(Number(before.versionnumber));
    expect(Date.parse(String(after.modifiedon))).toBeGreaterThan(Date.parse(String(before.modifiedon)));
    const stale = await sofia.send(
      'PATCH',
      `msdyn_ocliveworkitems(${id})`,
      { msdyn_title: 'two' },
      { 'If-Match': String(before['@odata.etag']) },
    );
    expect(stale.status).toBe(412);
    expect((await errorOf(stale)).message).toBe("The version of the existing record doesn't match the RowVersion property provided.");
  });

  it('PATCH with If-Match: * does not create a missing record; without it, it upserts', async () => {
    e = emulator();
    const sofia = await signIn(e, SOFIA.upn);
    const id = '11111111-2222-4333-8444-555555555555';
    expect((await sofia.send('PATCH', `annotations(${id})`, { subject: 'x' }, { 'If-Match': '*' })).status).toBe(404);
    expect((await sofia.send('PATCH', `annotations(${id})`, { subject: 'x' })).status).toBe(204);
    expect((await sofia.json(`annotations(${id})`)).subject).toBe('x');
  });

  it('PATCH to Closed records ClosedInDataverseDirectlyByAdmin and returns 200 with return=representation', async () => {
    e = emulator();
    const sofia = await signIn(e, SOFIA.upn);
    const id = String([...e.world.store.rows('msdyn_ocliveworkitems')].find((r) => r.statecode === 0)!.activityid);
    const res = await sofia.send(
      'PATCH',
      `msdyn_ocliveworkitems(${id})?$select=statecode,statuscode,msdyn_statuschangereason,msdyn_closedon`,
      { statecode: 1, statuscode: 4 },
      { Prefer: 'return=representation' },
    );
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({
      statecode: 1,
      statuscode: 4,
      msdyn_statuschangereason: 192350016,
      msdyn_closedon: expect.any(String),
    });
  });

  it('deletes, then answers 404', async () => {
    e = emulator();
    const alex = await signIn(e, ALEX.upn);
    const created = await alex.send('POST', 'annotations', { subject: 'temp' });
    const url = created.headers.get('odata-entityid')!;
    expect((await alex.send('DELETE', url)).status).toBe(204);
    expect((await alex.get(url)).status).toBe(404);
  });

  it('binding a lookup to a missing record fails with 404', async () => {
    e = emulator();
    const sofia = await signIn(e, SOFIA.upn);
    const res = await sofia.send('POST', 'msdyn_ocliveworkitems', {
      'msdyn_activeagentid_msdyn_ocliveworkitem@odata.bind': '/systemusers(00000000-0000-4000-8000-000000000000)',
    });
    expect(res.status).toBe(404);
    expect((await errorOf(res)).message).toBe('systemuser With Id = 00000000-0000-4000-8000-000000000000 Does Not Exist');
  });
});
