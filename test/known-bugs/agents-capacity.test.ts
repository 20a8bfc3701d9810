import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'puppeteer';
import { SOFIA } from '../../emulator/personas';
import { startHarness, type Harness } from '../e2e/harness';
import { webApi } from '../soak/probe';

/**
 * Known product bug, kept out of `npm test` until it is fixed (then this check joins the agents test in
 * test/e2e/feed.test.ts).
 *
 * The Agents tab's "Capacity (units)" column shows "–" for every agent, though the platform gives each agent's free
 * units (msdyn_agentstatus.msdyn_availableunitscapacity) and the feed reads them: lib/feed/normalize-agent.ts always
 * sets `capacityTotal: null` ("the profile's maximum is not on msdyn_agentstatus"), and
 * components/panel/AgentsView.tsx renders the cell only when both the total and the free units are known. The free
 * units are shown nowhere but in the assign and transfer pickers.
 */
describe('known bug: the Agents tab shows no capacity', () => {
  let h: Harness;
  let sp: Page;

  beforeAll(async () => {
    h = await startHarness({ scenario: 'typical', user: SOFIA.upn, speed: 0 });
    sp = await h.openSidePanel();
    await sp.waitForSelector('[role="grid"] [role="row"][aria-rowindex="2"]', { timeout: 30_000 });
  });
  afterAll(async () => {
    await h?.close();
  });

  it('shows each agent’s free capacity units as the platform has them', async () => {
    const api = webApi(h, SOFIA.upn);
    const names = new Map((await api.call<{ value: Array<{ systemuserid: string; fullname: string }> }>('GET', 'systemusers?$select=systemuserid,fullname')).value.map((u) => [u.fullname, u.systemuserid]));
    const free = new Map((await api.call<{ value: Array<{ _msdyn_agentid_value: string; msdyn_availableunitscapacity: number | null }> }>('GET', 'msdyn_agentstatuses?$select=_msdyn_agentid_value,msdyn_availableunitscapacity')).value.map((s) => [s._msdyn_agentid_value, s.msdyn_availableunitscapacity]));
    await (await sp.waitForSelector('[role="tab"]::-p-text(Agents)'))!.click();
    await sp.waitForSelector('table.fw-table tbody tr');
    const shown = await sp.$$eval('table.fw-table tbody tr', (rows) =>
      rows.map((row) => ({ name: row.querySelector('th')!.firstChild?.textContent?.trim() ?? '', capacity: row.querySelectorAll('td')[2]?.textContent ?? '' })));
    const wrong = shown.flatMap(({ name, capacity }) => {
      const units = free.get(names.get(name) ?? '');
      return units === undefined || units === null || capacity.includes(`${units} free`) ? [] : [`${name}: shows "${capacity}", platform ${units} units free`];
    });
    expect(shown.length).toBeGreaterThan(20);
    expect(wrong).toEqual([]);
  });
});
