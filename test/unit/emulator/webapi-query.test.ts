// @vitest-environment node
import { afterEach, describe, expect, it } from 'vitest';
import type { Emulator } from '../../../emulator';
import { SOFIA, SAM } from '../../../emulator/personas';
import { API, emulator, signIn } from './helpers';

let e: Emulator;
afterEach(async () => e?.close());

type Page = { value: Record<string, unknown>[]; '@odata.nextLink'?: string; '@odata.count'?: number; '@odata.context': string };

describe('collection queries', () => {
  it('filters, selects and orders through the OData engine', async () => {
    e = emulator();
    const sofia = await signIn(e, SOFIA.upn);
    const page = await sofia.json<Page>(
      'msdyn_ocliveworkitems?$select=subject,statuscode,createdon&$filter=statecode eq 0 and statuscode eq 2&$orderby=createdon desc',
    );
    expect(page['@odata.context']).toBe(`${API}/$metadata#msdyn_ocliveworkitems(subject,statuscode,createdon)`);
    expect(page.value.length).toBeGreaterThan(10);
    for (const row of page.value) {
      expect(Object.keys(row).sort()).toEqual(['@odata.etag', 'activityid', 'createdon', 'statuscode', 'subject']);
      expect(row.statuscode).toBe(2);
      expect(row['@odata.etag']).toMatch(/^W\/"\d+"$/);
    }
    const dates = page.value.map((r) => String(r.createdon));
    expect([...dates].sort().reverse()).toEqual(dates);
  });

  it('answers formatted values, lookup logical names and navigation names when annotations are asked for', async () => {
    e = emulator();
    const sofia = await signIn(e, SOFIA.upn);
    const res = await sofia.get(
      'msdyn_ocliveworkitems?$select=statuscode,msdyn_channel,_msdyn_activeagentid_value,createdon,msdyn_isagentaccepted&$filter=_msdyn_activeagentid_value ne null&$top=1',
      { Prefer: 'odata.include-annotations="*"' },
    );
    expect(res.headers.get('preference-applied')).toBe('odata.include-annotations="*"');
    const row = ((await res.json()) as Page).value[0]!;
    const agent = e.world.store.get('systemusers', String(row._msdyn_activeagentid_value));
    expect(row['_msdyn_activeagentid_value@OData.Community.Display.V1.FormattedValue']).toBe(agent?.fullname);
    expect(row['_msdyn_activeagentid_value@Microsoft.Dynamics.CRM.lookuplogicalname']).toBe('systemuser');
    expect(row['_msdyn_activeagentid_value@Microsoft.Dynamics.CRM.associatednavigationproperty']).toBe(
      'msdyn_activeagentid_msdyn_ocliveworkitem',
    );
    expect(row['statuscode@OData.Community.Display.V1.FormattedValue']).toMatch(/^(Open|Active|Waiting|Wrap-up|Closed)$/);
    expect(row['msdyn_isagentaccepted@OData.Community.Display.V1.FormattedValue']).toMatch(/^(Yes|No)$/);
    expect(row['createdon@OData.Community.Display.V1.FormattedValue']).toMatch(/^\d+\/\d+\/\d{4}, \d+:\d\d (AM|PM)$/);
  });

  it('joins multi-select labels with "; "', async () => {
    e = emulator();
    const sofia = await signIn(e, SOFIA.upn);
    const id = [...e.world.store.rows('msdyn_ocliveworkitems')][0]!.activityid as string;
    e.world.store.update('msdyn_ocliveworkitems', id, { msdyn_channel: '192360000,192370000' });
    const row = await sofia.json(`msdyn_ocliveworkitems(${id})?$select=msdyn_channel`, {
      Prefer: 'odata.include-annotations="OData.Community.Display.V1.FormattedValue"',
    });
    expect(row['msdyn_channel@OData.Community.Display.V1.FormattedValue']).toBe('Live chat; Voice');
  });

  it('leaves annotations out unless asked', async () => {
    e = emulator();
    const sofia = await signIn(e, SOFIA.upn);
    const page = await sofia.json<Page>('msdyn_ocliveworkitems?$select=statuscode&$top=3');
    expect(Object.keys(page.value[0]!).some((k) => k.includes('@OData.Community'))).toBe(false);
  });

  it('pages with odata.maxpagesize and an opaque $skiptoken, covering every row once', async () => {
    e = emulator();
    const sofia = await signIn(e, SOFIA.upn);
    const all = (await sofia.json<Page>('msdyn_ocliveworkitems?$select=activityid')).value.map((r) => r.activityid);
    const seen: unknown[] = [];
    let link: string | undefined = `${API}/msdyn_ocliveworkitems?$select=activityid&$orderby=createdon desc`;
    let pages = 0;
    while (link) {
      const res = await sofia.get(link, { Prefer: 'odata.maxpagesize=7' });
      expect(res.headers.get('preference-applied')).toBe('odata.maxpagesize=7');
      const page = (await res.json()) as Page;
      expect(page.value.length).toBeLessThanOrEqual(7);
      seen.push(...page.value.map((r) => r.activityid));
      link = page['@odata.nextLink'];
      if (link) {
        expect(link.startsWith(`${API}/msdyn_ocliveworkitems?`)).toBe(true);
        expect(link).toContain('$select=activityid&$orderby=createdon%20desc&$skiptoken=%3Ccookie%20pagenumber%3D%22');
      }
      pages++;
    }
    expect(pages).toBe(Math.ceil(all.length / 7));
    expect(new Set(seen).size).toBe(seen.length);
    expect(new Set(seen)).toEqual(new Set(all));
  });

  it('keeps pages stable when rows are added between page requests', async () => {
    e = emulator();
    const sofia = await signIn(e, SOFIA.upn);
    const first = (await (
      await sofia.get('msdyn_ocliveworkitems?$select=activityid,subject&$orderby=subject', { Prefer: 'odata.maxpagesize=10' })
    ).json()) as Page;
    // A row that sorts before everything already seen must not shift the next page.
    await sofia.send('POST', 'msdyn_ocliveworkitems', { subject: '  first of all' });
    const second = (await (await sofia.get(first['@odata.nextLink']!, { Prefer: 'odata.maxpagesize=10' })).json()) as Page;
    const firstIds = new Set(first.value.map((r) => r.activityid));
    expect(second.value.some((r) => firstIds.has(r.activityid))).toBe(false);
    expect(
      String(second.value[0]!.subject).localeCompare(String(first.value[9]!.subject), undefined, { sensitivity: 'base' }),
    ).toBeGreaterThanOrEqual(0);
  });

  it('ignores $top when odata.maxpagesize is sent, and honours it otherwise', async () => {
    e = emulator();
    const sofia = await signIn(e, SOFIA.upn);
    const withPrefer = (await (
      await sofia.get('msdyn_ocliveworkitems?$select=activityid&$top=3', { Prefer: 'odata.maxpagesize=5' })
    ).json()) as Page;
    expect(withPrefer.value).toHaveLength(5);
    expect(withPrefer['@odata.nextLink']).toBeDefined();
    const plain = await sofia.json<Page>('msdyn_ocliveworkitems?$select=activityid&$top=3');
    expect(plain.value).toHaveLength(3);
    expect(plain['@odata.nextLink']).toBeUndefined();
  });

  it('counts with $count=true', async () => {
    e = emulator();
    const sofia = await signIn(e, SOFIA.upn);
    const page = (await (
      await sofia.get('msdyn_ocliveworkitems?$select=activityid&$filter=statecode eq 0&$count=true', { Prefer: 'odata.maxpagesize=5' })
    ).json()) as Page;
    const ongoing = [...e.world.store.rows('msdyn_ocliveworkitems')].filter((r) => r.statecode === 0).length;
    expect(page['@odata.count']).toBe(ongoing);
  });

  it('rejects $skip, unknown columns and unknown navigation properties with 400 and a Dataverse message', async () => {
    e = emulator();
    const sofia = await signIn(e, SOFIA.upn);
    for (const query of ['$skip=10', '$select=nope', '$expand=nope', '$filter=bogus eq 1']) {
      const res = await sofia.get(`msdyn_ocliveworkitems?${query}`);
      expect(res.status, query).toBe(400);
      const body = (await res.json()) as { error: { code: string; message: string } };
      expect(body.error.code).toMatch(/^0x/);
      expect(body.error.message.length).toBeGreaterThan(10);
    }
  });

  it('answers an unknown entity set like Dataverse', async () => {
    e = emulator();
    const sofia = await signIn(e, SOFIA.upn);
    const res = await sofia.get('msdyn_nothings');
    expect(res.status).toBe(404);
    expect(await res.json()).toEqual({
      error: { code: expect.stringMatching(/^0x/), message: "Resource not found for the segment 'msdyn_nothings'." },
    });
  });

  it('expands single-valued navigation properties with a nested $select', async () => {
    e = emulator();
    const sofia = await signIn(e, SOFIA.upn);
    const page = await sofia.json<Page>(
      'msdyn_ocliveworkitems?$select=subject,_msdyn_activeagentid_value&$filter=_msdyn_activeagentid_value ne null&$expand=msdyn_activeagentid_msdyn_ocliveworkitem($select=fullname),msdyn_cdsqueueid_msdyn_ocliveworkitem($select=name)&$top=2',
    );
    const row = page.value[0]!;
    const agent = row.msdyn_activeagentid_msdyn_ocliveworkitem as Record<string, unknown>;
    expect(agent.systemuserid).toBe(row._msdyn_activeagentid_value);
    expect(agent.fullname).toBe(e.world.store.get('systemusers', String(agent.systemuserid))?.fullname);
    expect((row.msdyn_cdsqueueid_msdyn_ocliveworkitem as Record<string, unknown>).name).toEqual(expect.any(String));
  });

  it('caps a page at 5,000 rows and offers the rest through nextLink', async () => {
    e = emulator({ scenario: 'busy' });
    const sofia = await signIn(e, SOFIA.upn);
    const page = await sofia.json<Page>('msdyn_ocliveworkitems?$select=activityid&$count=true');
    expect(page.value).toHaveLength(5000);
    expect(page['@odata.count']).toBe(5000);
    expect(page['@odata.nextLink']).toContain('$skiptoken=');
  }, 30_000);
});

describe('navigation, roles and metadata', () => {
  it('lists direct roles through systemuserroles_association', async () => {
    e = emulator();
    const sofia = await signIn(e, SOFIA.upn);
    const page = await sofia.json<Page>(`systemusers(${SAM.systemuserid})/systemuserroles_association?$select=name`);
    expect(page.value.map((r) => r.name).sort()).toEqual(['Basic User', 'Omnichannel API access', 'Omnichannel supervisor']);
  });

  it('lists queue members and team roles', async () => {
    e = emulator();
    const sofia = await signIn(e, SOFIA.upn);
    const queue = [...e.world.store.rows('queues')][0]!;
    const members = await sofia.json<Page>(`queues(${String(queue.queueid)})/queuemembership_association?$select=fullname,domainname`);
    expect(members.value.map((m) => m.domainname)).toContain(SOFIA.upn);
    const team = [...e.world.store.rows('teams')][0]!;
    const roles = await sofia.json<Page>(`teams(${String(team.teamid)})/teamroles_association?$select=name`);
    expect(roles.value.map((r) => r.name)).toEqual(['Omnichannel supervisor']);
  });

  it('expands an N:N collection: several queues with their members in one answer, the same members as one by one', async () => {
    e = emulator();
    const sofia = await signIn(e, SOFIA.upn);
    const ids = [...e.world.store.rows('queues')].slice(0, 3).map((queue) => String(queue.queueid));
    const list = ids.map((id) => `'${id}'`).join(',');
    const page = await sofia.json<Page>(
      `queues?$select=queueid&$filter=Microsoft.Dynamics.CRM.In(PropertyName='queueid',PropertyValues=[${list}])&$expand=queuemembership_association($select=fullname)`,
    );
    expect(page.value.map((queue) => queue.queueid).sort()).toEqual([...ids].sort());
    for (const queue of page.value) {
      const alone = await sofia.json<Page>(`queues(${String(queue.queueid)})/queuemembership_association?$select=fullname`);
      const expanded = queue.queuemembership_association as Record<string, unknown>[];
      expect(expanded.length).toBeGreaterThan(0);
      expect(expanded.map((member) => [member.systemuserid, member.fullname]).sort()).toEqual(
        alone.value.map((member) => [member.systemuserid, member.fullname]).sort(),
      );
    }
    const nested = await sofia.get(`queues?$select=queueid&$expand=queuemembership_association($top=1)`);
    expect(nested.status).toBe(400);
  });

  it('RetrieveAadUserRoles reports direct and team roles', async () => {
    e = emulator();
    const sofia = await signIn(e, SOFIA.upn);
    const inline = await sofia.json<Page>(`RetrieveAadUserRoles(DirectoryObjectId=${SOFIA.azureactivedirectoryobjectid})`);
    expect(inline.value.map((r) => r.name).sort()).toEqual(['Basic User', 'Omnichannel supervisor']);
    const aliased = await sofia.json<Page>(`RetrieveAadUserRoles(DirectoryObjectId=@p1)?@p1=${SAM.azureactivedirectoryobjectid}`);
    expect(aliased.value.map((r) => r.name)).toContain('Omnichannel API access');
  });

  it('declares entity types, navigation properties and the CCaaS actions with their binding in $metadata', async () => {
    e = emulator();
    const sofia = await signIn(e, SOFIA.upn);
    const res = await sofia.get('$metadata');
    expect(res.headers.get('content-type')).toContain('xml');
    const xml = await res.text();
    expect(xml).toContain('<EntityType Name="msdyn_ocliveworkitem">');
    expect(xml).toContain('<NavigationProperty Name="msdyn_activeagentid_msdyn_ocliveworkitem" Type="mscrm.systemuser">');
    expect(xml).toContain('<NavigationProperty Name="systemuserroles_association" Type="Collection(mscrm.role)"/>');
    expect(xml).toMatch(
      /<Action Name="CCaaS_ForceCloseConversation" IsBound="true">\s*<Parameter Name="entity" Type="mscrm.msdyn_ocliveworkitem"/,
    );
    expect(xml).toContain('<EntitySet Name="bookableresourcecharacteristics"');
  });
});
