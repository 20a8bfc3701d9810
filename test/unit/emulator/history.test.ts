// @vitest-environment node
/**
 * An org with a past: closed history, case notes, and what a client asks before a change-tracking read
 * (EntityDefinitions, RetrieveTotalRecordCount), and that read paging through every conversation ever.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { Emulator } from '../../../emulator';
import { SOFIA } from '../../../emulator/personas';
import { control, emulator, signIn, type Client, type Row } from './helpers';
import { activeChat, errorOf, idOf } from './org';

let e: Emulator;
afterEach(async () => e?.close());

type Page = { value: Row[]; '@odata.nextLink'?: string; '@odata.deltaLink'?: string };
const NOW = Date.parse('2026-03-02T10:00:00Z');
const DAY = 86_400_000;

async function ongoingIds(client: Client): Promise<string[]> {
  const page = await client.json<Page>('msdyn_ocliveworkitems?$select=activityid&$filter=statecode eq 0');
  return page.value.map(idOf).sort();
}

async function totalConversations(client: Client): Promise<number> {
  const res = await client.json<{ EntityRecordCountCollection: { Keys: string[]; Values: number[] } }>(
    "RetrieveTotalRecordCount(EntityNames=@p1)?@p1=['msdyn_ocliveworkitem']",
  );
  return res.EntityRecordCountCollection.Values[0]!;
}

describe('closed history', () => {
  it('adds closed conversations of past months with closed sessions and left participants, out of ongoing reads', async () => {
    e = emulator();
    const sofia = await signIn(e, SOFIA.upn);
    const ongoing = await ongoingIds(sofia);
    const before = await totalConversations(sofia);
    await control(e, 'config', { closedHistory: 3000 });
    expect(await totalConversations(sofia)).toBe(before + 3000);
    expect(await ongoingIds(sofia)).toEqual(ongoing);
    const recent = await sofia.json<Page>(
      `msdyn_ocliveworkitems?$select=activityid&$filter=modifiedon ge ${new Date(NOW - DAY / 2).toISOString()}`,
    );
    expect(recent.value.some((r) => e.world.historyIds.includes(idOf(r)))).toBe(false);
    const store = e.world.store;
    for (const id of e.world.historyIds.slice(0, 200)) {
      const c = store.get('msdyn_ocliveworkitems', id)!;
      expect(c).toMatchObject({ statecode: 1, statuscode: 4 });
      const closed = Date.parse(String(c.msdyn_closedon));
      expect(closed).toBeLessThanOrEqual(NOW - DAY);
      expect(closed).toBeGreaterThan(NOW - 181 * DAY);
      expect(Date.parse(String(c.modifiedon))).toBe(closed);
      expect(store.get('msdyn_ocsessions', String(c._msdyn_lastsessionid_value))).toMatchObject({ statecode: 1, msdyn_state: 192350002 });
      const seat = store.lookup('msdyn_sessionparticipants', '_msdyn_omnichannelsession_value', c._msdyn_lastsessionid_value)[0];
      if (seat) expect(seat).toMatchObject({ statecode: 1, msdyn_lefton: c.msdyn_closedon });
    }
  });

  it('is the same for the same seed, whatever the total, and shrinks from its newest additions', async () => {
    e = emulator();
    await control(e, 'config', { closedHistory: 50 });
    const other = emulator();
    await control(other, 'config', { closedHistory: 20 });
    expect(other.world.historyIds).toEqual(e.world.historyIds.slice(0, 20));
    const reseeded = emulator({ seed: 2 });
    await control(reseeded, 'config', { closedHistory: 20 });
    expect(reseeded.world.historyIds).not.toEqual(other.world.historyIds);
    const removed = e.world.historyIds.slice(10);
    await control(e, 'config', { closedHistory: 10 });
    expect(e.world.historyIds).toEqual(other.world.historyIds.slice(0, 10));
    expect(removed.every((id) => !e.world.store.get('msdyn_ocliveworkitems', id))).toBe(true);
    await Promise.all([other.close(), reseeded.close()]);
    expect((await control(e, 'config', { closedHistory: 200_001 })).status).toBe(400);
  });
});

describe('before and during a change-tracking read', () => {
  it('EntityDefinitions answers ChangeTrackingEnabled as the org switch says', async () => {
    e = emulator();
    const sofia = await signIn(e, SOFIA.upn);
    const path = "EntityDefinitions(LogicalName='msdyn_ocliveworkitem')?$select=ChangeTrackingEnabled";
    const off = await sofia.json(path);
    expect(off).toEqual({
      '@odata.context': 'http://org.test/api/data/v9.2/$metadata#EntityDefinitions(ChangeTrackingEnabled)/$entity',
      ChangeTrackingEnabled: false,
      MetadataId: expect.stringMatching(/^[0-9a-f-]{36}$/),
    });
    await control(e, 'config', { changeTracking: true });
    expect(await sofia.json(path)).toEqual({ ...off, ChangeTrackingEnabled: true });
    expect(await sofia.json("EntityDefinitions(LogicalName='annotation')?$select=ChangeTrackingEnabled,EntitySetName")).toMatchObject({
      ChangeTrackingEnabled: true,
      EntitySetName: 'annotations',
    });
    const unknown = await sofia.get("EntityDefinitions(LogicalName='msdyn_nothing')");
    expect(unknown.status).toBe(404);
    expect((await errorOf(unknown)).message).toContain("'msdyn_nothing'");
    expect((await sofia.get("EntityDefinitions(LogicalName='annotation')?$select=Nope")).status).toBe(400);
  });

  it('RetrieveTotalRecordCount counts tables by logical name, inline or through an alias', async () => {
    e = emulator();
    const sofia = await signIn(e, SOFIA.upn);
    const res = await sofia.json<Record<string, unknown>>("RetrieveTotalRecordCount(EntityNames=['msdyn_ocliveworkitem','queue'])");
    expect(res).toEqual({
      '@odata.context': 'http://org.test/api/data/v9.2/$metadata#Microsoft.Dynamics.CRM.RetrieveTotalRecordCountResponse',
      EntityRecordCountCollection: {
        Count: 2,
        IsReadOnly: false,
        Keys: ['msdyn_ocliveworkitem', 'queue'],
        Values: [e.world.store.count('msdyn_ocliveworkitems'), e.world.index.queues.length],
      },
    });
    expect((await sofia.get("RetrieveTotalRecordCount(EntityNames=@p1)?@p1=['msdyn_nothing']")).status).toBe(400);
    expect((await sofia.get('RetrieveTotalRecordCount(EntityNames=@p1)?@p1=msdyn_ocliveworkitem')).status).toBe(400);
  });

  it('a tracked first read returns every conversation ever, 5,000 a page, then the delta link', async () => {
    e = emulator();
    await control(e, 'config', { changeTracking: true, closedHistory: 11_000 });
    const sofia = await signIn(e, SOFIA.upn);
    const total = e.world.store.count('msdyn_ocliveworkitems');
    const seen = new Set<string>();
    const sizes: number[] = [];
    let next: string | undefined = 'msdyn_ocliveworkitems?$select=subject';
    let page: Page | undefined;
    while (next) {
      // The client sends the preference on the first request only; a tracked page's link carries the rest.
      page = await sofia.json<Page>(next, sizes.length === 0 ? { Prefer: 'odata.track-changes' } : {});
      sizes.push(page.value.length);
      for (const row of page.value) seen.add(idOf(row));
      next = page['@odata.nextLink'];
      if (next) expect(decodeURIComponent(next)).toMatch(/\$skiptoken=<cookie pagenumber="\d+" pagingcookie="[^"]+" istracking="True" \/>/);
      else expect(page['@odata.deltaLink']).toMatch(/\$deltatoken=/);
    }
    expect(sizes).toEqual([5000, 5000, total - 10_000]);
    expect(seen.size).toBe(total);
    const chat = activeChat(e);
    await sofia.send('PATCH', `msdyn_ocliveworkitems(${idOf(chat)})`, { subject: 'Changed' });
    const delta = await sofia.json<Page>(page!['@odata.deltaLink']!);
    expect(delta.value).toEqual([expect.objectContaining({ activityid: idOf(chat), subject: 'Changed' })]);
  });

  it('pages at the size the client asks for, and rows changed while paging come in the next delta', async () => {
    e = emulator();
    await control(e, 'config', { changeTracking: true });
    const sofia = await signIn(e, SOFIA.upn);
    const first = await sofia.json<Page>('msdyn_ocliveworkitems?$select=subject', { Prefer: 'odata.track-changes,odata.maxpagesize=40' });
    expect(first.value).toHaveLength(40);
    const late = first.value[0]!;
    await sofia.send('PATCH', `msdyn_ocliveworkitems(${idOf(late)})`, { subject: 'Late change' });
    let page = first;
    const ids = first.value.map(idOf);
    while (page['@odata.nextLink']) {
      page = await sofia.json<Page>(page['@odata.nextLink']);
      ids.push(...page.value.map(idOf));
    }
    expect(ids).toHaveLength(e.world.store.count('msdyn_ocliveworkitems'));
    const delta = await sofia.json<Page>(page['@odata.deltaLink']!);
    expect(delta.value).toEqual([expect.objectContaining({ activityid: idOf(late), subject: 'Late change' })]);
  });
});

describe('case notes', () => {
  it('otherNotes crowds the newest notes, and objecttypecode keeps conversation notes apart', async () => {
    e = emulator();
    const sofia = await signIn(e, SOFIA.upn);
    const chat = activeChat(e);
    const created = await sofia.send('POST', 'annotations', {
      subject: 'Floorwalker: reason',
      notetext: 'Transferred for billing',
      'objectid_msdyn_ocliveworkitem@odata.bind': `/msdyn_ocliveworkitems(${idOf(chat)})`,
    });
    expect(created.status).toBe(204);
    await control(e, 'config', { otherNotes: 120 });
    const newest = await sofia.json<Page>('annotations?$select=subject,objecttypecode&$orderby=createdon desc&$top=50');
    expect(newest.value).toHaveLength(50);
    expect(newest.value.every((n) => n.objecttypecode === 'incident')).toBe(true);
    const ours = await sofia.json<Page>(
      "annotations?$select=subject,_objectid_value&$filter=objecttypecode eq 'msdyn_ocliveworkitem'&$orderby=createdon desc&$top=50",
    );
    expect(ours.value).toEqual([expect.objectContaining({ subject: 'Floorwalker: reason', _objectid_value: idOf(chat) })]);
    const onCases = await sofia.json<Page>("annotations?$select=_objectid_value&$filter=objecttypecode eq 'incident'");
    expect(onCases.value).toHaveLength(120);
    expect(onCases.value.every((n) => e.world.store.get('incidents', String(n._objectid_value)))).toBe(true);
    await control(e, 'config', { otherNotes: 0 });
    expect((await sofia.json<Page>('annotations?$select=subject')).value).toHaveLength(1);
  });
});

describe('legacy-free', () => {
  it('plays a large modern org: 100,000 closed conversations, profiles, participants kept, tracking, case notes', async () => {
    e = emulator({ variant: 'legacy-free' });
    const state = (await (await control(e, 'state')).json()) as {
      config: Record<string, unknown>;
      conversations: { byStatus: Record<string, number> };
    };
    expect(state.config).toMatchObject({
      variant: 'legacy-free',
      capacityModel: 'profiles',
      participantsOnLeave: 'keepActive',
      closedHistory: 100_000,
      changeTracking: true,
      otherNotes: 2_000,
      customApisReadable: true,
      extensionOriginWrites: 'allow',
    });
    expect(state.conversations.byStatus.Closed).toBeGreaterThan(100_000);
    const sofia = await signIn(e, SOFIA.upn);
    expect(await totalConversations(sofia)).toBe(e.world.store.count('msdyn_ocliveworkitems'));
    const units = await sofia.json<Page>('msdyn_agentcapacityprofileunits?$select=msdyn_availablecapacityprofileunits&$top=1');
    expect(units.value).toHaveLength(1);
  }, 120_000);
});
