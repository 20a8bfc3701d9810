// @vitest-environment node
import { afterEach, describe, expect, it } from 'vitest';
import type { Emulator } from '../../../emulator';
import { SOFIA } from '../../../emulator/personas';
import { control, conversations, emulator, signIn } from './helpers';

let e: Emulator;
afterEach(async () => e?.close());

describe('POST /_emulator/rows/<entitySet>/<id>: bad data as stored, for the reliability tests', () => {
  it('writes values past validation, as a change the feed sees (new version, new modifiedon)', async () => {
    e = emulator();
    const sofia = await signIn(e, SOFIA.upn);
    const id = String(conversations(e, (row) => row.statecode === 0)[0]!.activityid);
    const before = await sofia.json<{ modifiedon: string; '@odata.etag': string }>(`msdyn_ocliveworkitems(${id})?$select=modifiedon`);
    await control(e, 'clock', { advanceSeconds: 5 });
    const res = await control(e, `rows/msdyn_ocliveworkitems/${id}`, { set: { statuscode: 'two', subject: 42 } });
    expect(res.status).toBe(200);
    const after = await sofia.json<Record<string, unknown>>(`msdyn_ocliveworkitems(${id})?$select=statuscode,subject,modifiedon`);
    expect(after).toMatchObject({ statuscode: 'two', subject: 42 });
    expect(after.modifiedon).not.toBe(before.modifiedon);
    expect(after['@odata.etag']).not.toBe(before['@odata.etag']);
  });

  it('answers 404 for a missing row or table and 400 for a body without "set"', async () => {
    e = emulator();
    const id = String(conversations(e, () => true)[0]!.activityid);
    expect((await control(e, `rows/msdyn_ocliveworkitems/00000000-0000-4000-8000-000000000000`, { set: {} })).status).toBe(404);
    expect((await control(e, `rows/nothing/${id}`, { set: {} })).status).toBe(404);
    expect((await control(e, `rows/msdyn_ocliveworkitems/${id}`, { subject: 'x' })).status).toBe(400);
  });
});
