// @vitest-environment node
import { afterEach, describe, expect, it } from 'vitest';
import type { Emulator } from '../../../emulator';
import { SOFIA } from '../../../emulator/personas';
import { API, control, emulator, signIn } from './helpers';

let e: Emulator;
afterEach(async () => e?.close());

type Delta = { value: Record<string, unknown>[]; '@odata.deltaLink'?: string; '@odata.context': string };

describe('change tracking', () => {
  it('is off by default: the preference is ignored and no deltaLink comes back', async () => {
    e = emulator();
    const sofia = await signIn(e, SOFIA.upn);
    const res = await sofia.get('msdyn_ocliveworkitems?$select=subject', { Prefer: 'odata.track-changes' });
    expect(res.headers.get('preference-applied')).toBeNull();
    expect(((await res.json()) as Delta)['@odata.deltaLink']).toBeUndefined();
  });

  it('returns a deltaLink, then changed rows and $deletedEntity rows', async () => {
    e = emulator();
    await control(e, 'config', { changeTracking: true });
    const sofia = await signIn(e, SOFIA.upn);
    const first = await sofia.get('msdyn_ocliveworkitems?$select=subject', { Prefer: 'odata.track-changes' });
    expect(first.headers.get('preference-applied')).toBe('odata.track-changes');
    const initial = (await first.json()) as Delta;
    expect(initial.value.length).toBeGreaterThan(60);
    const deltaLink = initial['@odata.deltaLink']!;
    expect(deltaLink.startsWith(`${API}/msdyn_ocliveworkitems?$select=subject&$deltatoken=`)).toBe(true);

    const rows = [...e.world.store.rows('msdyn_ocliveworkitems')];
    const changed = String(rows[0]!.activityid);
    const deleted = String(rows[1]!.activityid);
    await sofia.send('PATCH', `msdyn_ocliveworkitems(${changed})`, { subject: 'Renamed' });
    await sofia.send('DELETE', `msdyn_ocliveworkitems(${deleted})`);

    const delta = await sofia.json<Delta>(deltaLink, { Prefer: 'odata.track-changes' });
    expect(delta['@odata.context']).toBe(`${API}/$metadata#msdyn_ocliveworkitems(subject)/$delta`);
    expect(delta.value).toContainEqual(expect.objectContaining({ activityid: changed, subject: 'Renamed' }));
    expect(delta.value).toContainEqual({
      '@odata.context': `${API}/$metadata#msdyn_ocliveworkitems/$deletedEntity`,
      id: deleted,
      reason: 'deleted',
    });
    expect(delta.value).toHaveLength(2);
    const again = await sofia.json<Delta>(delta['@odata.deltaLink']!);
    expect(again.value).toHaveLength(0);
  });

  it.each(['$filter=statecode eq 0', '$orderby=createdon', '$expand=msdyn_cdsqueueid_msdyn_ocliveworkitem', '$top=5'])(
    'refuses %s with change tracking',
    async (option) => {
      e = emulator();
      await control(e, 'config', { changeTracking: true });
      const sofia = await signIn(e, SOFIA.upn);
      const res = await sofia.get(`msdyn_ocliveworkitems?$select=subject&${option}`, { Prefer: 'odata.track-changes' });
      expect(res.status).toBe(400);
    },
  );
});
