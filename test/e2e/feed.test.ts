import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Frame, Page } from 'puppeteer';
import { SOFIA } from '../../emulator/personas';
import { formatDuration } from '../../lib/format/duration';
import { POLL_INTERVAL_BOUNDS } from '../../lib/model/settings';
import { startHarness, type Harness } from './harness';
import { kindOf, requestsSince, webApi, type LoggedRequest } from '../soak/probe';
import {
  conversationOf,
  FORMATTED,
  ongoingConversations,
  STATUS,
  supervisedOngoing,
  type PlatformConversation,
  type WebApi,
} from './platform';
import {
  allRows,
  clockSeconds,
  gridRowCount,
  look,
  lookAtRows,
  rowCells,
  search,
  until,
  waitForText,
  type Cells,
  type Root,
  type ShownRow,
} from './screen';

/**
 * The live feed end to end, as the supervisor sees it: the built extension's worker reads the emulator's Web API
 * with the signed-in user's session cookie, and the side panel and the overlay over the workspace show it. Each row
 * on screen is compared with the platform's own row, read back through the Web API. The org's clock stands still
 * (speed 0): nothing changes but what a test changes, and the feed keeps polling.
 */

const MAX_SKEW_SECONDS = 5;

/** What the row should show, from the platform's row: the words of each column, and the wait in seconds. */
function expectedCells(row: PlatformConversation, now: number): { cells: Cells; waitSeconds: number | null; ticking: boolean } {
  const status = row.statuscode;
  const ticking = status === STATUS.open || status === STATUS.waiting;
  const since = Date.parse(row.msdyn_statusupdatedon ?? row.createdon);
  const waitSeconds = ticking ? (now - since) / 1000 : row.msdyn_conversationfirstwaittimeinseconds;
  const customer = (row[`_msdyn_customer_value${FORMATTED}`] as string | undefined)?.trim() || null;
  const subject = row.subject ?? '';
  return {
    cells: {
      // The customer names the row, or the subject when there is none; the subject beside it only when it differs.
      customer: customer ?? subject,
      subject: customer && subject.trim() && customer.trim().toLowerCase() !== subject.trim().toLowerCase() ? subject : '',
      status: String(row[`statuscode${FORMATTED}`]),
      agent: (row[`_msdyn_activeagentid_value${FORMATTED}`] as string | undefined) ?? 'Unassigned',
      queue: (row[`_msdyn_cdsqueueid_value${FORMATTED}`] as string | undefined) ?? '–',
      transfers: String(row.msdyn_transfercount ?? 0),
    },
    waitSeconds,
    ticking,
  };
}

/**
 * How the row on screen differs from the platform's row; empty when it shows what the platform has. The screen was
 * read between `now` and `readUntil`: a ticking wait may be any it showed in that time.
 */
function differences(shown: ShownRow | null, row: PlatformConversation, now: number, readUntil = now): string[] {
  if (!shown) return ['not on screen'];
  const expected = expectedCells(row, now);
  const found: string[] = [];
  for (const [column, text] of Object.entries(expected.cells)) {
    // A narrow panel's two-line rows leave the transfer count to the details; the wide grid must show it.
    if (column === 'transfers' && shown.twoLine) continue;
    if (shown[column as keyof Cells] !== text) found.push(`${column}: shows "${shown[column as keyof Cells]}", platform "${text}"`);
  }
  if (expected.waitSeconds === null) {
    if (shown.wait !== '–') found.push(`wait: shows "${shown.wait}", platform has none`);
  } else if (expected.ticking) {
    const wait = /^\d+(:\d\d)+$/.test(shown.wait ?? '') ? clockSeconds(shown.wait!) : Number.NaN;
    const latest = expected.waitSeconds + (readUntil - now) / 1000;
    if (!(wait >= expected.waitSeconds - MAX_SKEW_SECONDS && wait <= latest + MAX_SKEW_SECONDS))
      found.push(`wait: shows "${shown.wait}", platform ${formatDuration(expected.waitSeconds)} (ticking)`);
  } else if (shown.wait !== formatDuration(expected.waitSeconds)) {
    found.push(`wait: shows "${shown.wait}", platform ${formatDuration(expected.waitSeconds)} (recorded)`);
  }
  return found;
}

/** The worker's poll cycles in the request log: each starts with its read of the conversations collection. */
const startsCycle = (r: LoggedRequest) => r.method === 'GET' && r.path.startsWith('/api/data/v9.2/msdyn_ocliveworkitems?');

describe('feed: the live picture on screen, in the side panel and the overlay, as the platform has it', () => {
  let h: Harness;
  let sp: Page;
  let overlay: Frame;
  let api: WebApi;
  const views = (): Array<[string, Root]> => [
    ['side panel', sp],
    ['overlay', overlay],
  ];
  /** The conversation the new/changed/closed checks follow. */
  let newId = '';

  /** Waits until the row shows, in both views, what the platform has now. */
  async function shownAsOnPlatform(id: string): Promise<PlatformConversation> {
    const row = await conversationOf(api, id);
    for (const [name, root] of views()) {
      await search(root, id);
      await until(
        async () => differences(await rowCells(root, id), row, Date.now()),
        (found) => found.length === 0,
        `the ${name} to show ${id} as the platform has it`,
      );
    }
    return row;
  }

  /** Waits until each view, looked at, lists `count` conversations. */
  async function everyViewLists(count: number, timeoutMs?: number): Promise<void> {
    for (const [name, root] of views()) {
      await look(root);
      await until(
        () => gridRowCount(root),
        (rows) => rows === count,
        `the ${name} to list the platform's ${count} ongoing conversations`,
        timeoutMs,
        500,
      );
    }
  }

  /** The side panel, ready: a grid with rows, live. */
  async function openSidePanel(): Promise<Page> {
    const page = await h.openSidePanel();
    // Wide enough for the full grid (every column compared); the overlay shows the narrow two-line rows.
    await page.setViewport({ width: 640, height: 900 });
    await page.waitForSelector('[role="grid"] [role="row"][aria-rowindex="2"]', { timeout: 30_000 });
    return page;
  }

  beforeAll(async () => {
    h = await startHarness({ scenario: 'typical', user: SOFIA.upn, speed: 0 });
    api = webApi(h, SOFIA.upn);
    await h.page.setViewport({ width: 1400, height: 900 });
    sp = await openSidePanel();
    overlay = await h.overlay();
    // The side panel tab was opened after it.
    await lookAtRows(overlay);
  });
  afterAll(async () => {
    await h?.close();
  });

  it('shows every ongoing conversation of the supervisor’s queues, each row as the platform has it, read with the session cookie', async () => {
    // Until now only the worker has read the Web API (the test's own reads come after).
    const workerOnly = await requestsSince(h, new Date(0));
    const platform = await supervisedOngoing(api);
    expect(platform.length).toBeGreaterThan(40);
    await everyViewLists(platform.length);
    // Scrolled from top to bottom, the side panel shows each of them with the platform's values.
    // (Reading every row takes a while on a loaded machine; the waits tick meanwhile.)
    const readFrom = Date.now();
    const shown = await allRows(sp);
    const readUntil = Date.now();
    expect(new Set(shown.keys())).toEqual(new Set(platform.map((row) => row.activityid)));
    const wrong = platform.flatMap((row) =>
      differences(shown.get(row.activityid) ?? null, row, readFrom, readUntil).map((d) => `${row.activityid} ${d}`),
    );
    expect(wrong).toEqual([]);
    // The worker's reads were answered as Sofia: it has no token, so the session cookie went along.
    expect(workerOnly.filter(startsCycle).length).toBeGreaterThan(0);
    expect(workerOnly.filter((r) => r.user !== SOFIA.upn || r.status !== 200)).toEqual([]);
  });

  it('shows a new conversation, in both views, as the platform has it, with no refresh', async () => {
    const queue = (
      await api.call<{ value: Array<{ queueid: string }> }>('GET', 'queues?$select=queueid&$filter=msdyn_queuetype eq 192350000')
    ).value[0]!;
    const contact = await api.call<{ contactid: string }>('POST', 'contacts', { fullname: 'Feed e2e customer' });
    const created = await api.call<{ activityid: string }>('POST', 'msdyn_ocliveworkitems', {
      subject: 'Feed e2e: new conversation',
      msdyn_channel: '192360000',
      'msdyn_cdsqueueid_msdyn_ocliveworkitem@odata.bind': `/queues(${queue.queueid})`,
      'msdyn_customer_msdyn_ocliveworkitem_contact@odata.bind': `/contacts(${contact.contactid})`,
    });
    const row = await shownAsOnPlatform(created.activityid);
    expect(row.statuscode).toBe(STATUS.open);
    expect((await rowCells(overlay, created.activityid))?.agent).toBe('Unassigned');
    newId = created.activityid;
  });

  it('shows a change of status, agent and wait, in both views, as the platform has it', async () => {
    expect(newId, 'the conversation the previous check created').not.toBe('');
    const members = (
      await api.call<{ value: Array<{ systemuserid: string; msdyn_botapplicationid: string | null }> }>(
        'GET',
        `queues(${(await conversationOf(api, newId))._msdyn_cdsqueueid_value})/queuemembership_association?$select=systemuserid,msdyn_botapplicationid`,
      )
    ).value;
    const agent = members.find((m) => !m.msdyn_botapplicationid && m.systemuserid !== SOFIA.systemuserid)!;
    // An agent takes it after 12 min 34 s in the queue: Active, their name, the recorded first wait.
    const assignedAt = new Date(Date.now() - 60_000).toISOString();
    await h.control(`rows/msdyn_ocliveworkitems/${newId}`, {
      set: {
        statuscode: STATUS.active,
        _msdyn_activeagentid_value: agent.systemuserid,
        msdyn_activeagentassignedon: assignedAt,
        msdyn_statusupdatedon: assignedAt,
        msdyn_conversationfirstwaittimeinseconds: 754,
      },
    });
    const active = await shownAsOnPlatform(newId);
    expect([active.statuscode, active._msdyn_activeagentid_value]).toEqual([STATUS.active, agent.systemuserid]);
    expect((await rowCells(sp, newId))?.wait).toBe('12:34');
    // Then the customer goes quiet: Waiting since an hour ago, the wait ticking from then.
    await h.control(`rows/msdyn_ocliveworkitems/${newId}`, {
      set: { statuscode: STATUS.waiting, msdyn_statusupdatedon: new Date(Date.now() - 3_723_000).toISOString() },
    });
    await shownAsOnPlatform(newId);
    expect(clockSeconds((await rowCells(overlay, newId))!.wait!)).toBeGreaterThanOrEqual(3_723);
  });

  it('removes a closed conversation from both views', async () => {
    expect(newId, 'the conversation the previous checks created').not.toBe('');
    const before: number[] = [];
    for (const [, root] of views()) {
      await search(root, '');
      before.push(await gridRowCount(root));
    }
    await api.call('PATCH', `msdyn_ocliveworkitems(${newId})`, { statecode: 1, statuscode: STATUS.closed });
    expect((await conversationOf(api, newId)).statecode).toBe(1);
    for (const [index, [name, root]] of views().entries()) {
      await look(root);
      await until(
        async () => ({ row: await root.$(`#fw-row-${newId}`), count: await gridRowCount(root) }),
        (seen) => seen.row === null && seen.count === before[index]! - 1,
        `the ${name} to drop the closed row`,
      );
    }
  });

  it('shows the agents’ presence, free capacity, queues and conversations as the platform has them', async () => {
    const queues = (
      await api.call<{ value: Array<{ queueid: string; name: string }> }>(
        'GET',
        `systemusers(${SOFIA.systemuserid})/queuemembership_association?$select=queueid,name`,
      )
    ).value;
    const expected = new Map<string, { name: string; queues: string[]; presence: string; capacity: string; conversations: number }>();
    for (const queue of queues) {
      const members = (
        await api.call<{ value: Array<{ systemuserid: string; fullname: string; isdisabled: boolean }> }>(
          'GET',
          `queues(${queue.queueid})/queuemembership_association?$select=systemuserid,fullname,isdisabled`,
        )
      ).value;
      for (const member of members.filter((m) => !m.isdisabled)) {
        const entry = expected.get(member.systemuserid) ?? {
          name: member.fullname,
          queues: [],
          presence: '',
          capacity: '–',
          conversations: 0,
        };
        entry.queues.push(queue.name);
        expected.set(member.systemuserid, entry);
      }
    }
    const presences = new Map(
      (
        await api.call<{ value: Array<{ msdyn_presenceid: string; msdyn_name: string }> }>(
          'GET',
          'msdyn_presences?$select=msdyn_presenceid,msdyn_name',
        )
      ).value.map((p) => [p.msdyn_presenceid, p.msdyn_name]),
    );
    const statuses = (
      await api.call<{
        value: Array<{
          _msdyn_agentid_value: string;
          _msdyn_currentpresenceid_value: string | null;
          msdyn_availableunitscapacity: number | null;
        }>;
      }>('GET', 'msdyn_agentstatuses?$select=_msdyn_agentid_value,_msdyn_currentpresenceid_value,msdyn_availableunitscapacity')
    ).value;
    for (const status of statuses) {
      const entry = expected.get(status._msdyn_agentid_value);
      if (!entry) continue;
      if (status._msdyn_currentpresenceid_value) entry.presence = presences.get(status._msdyn_currentpresenceid_value) ?? '';
      // The platform's agent status has the free units, not the profile's maximum.
      if (status.msdyn_availableunitscapacity !== null) entry.capacity = `${status.msdyn_availableunitscapacity} units free`;
    }
    const supervised = new Set(queues.map((q) => q.queueid));
    for (const row of await ongoingConversations(api)) {
      const entry = row._msdyn_activeagentid_value ? expected.get(row._msdyn_activeagentid_value) : undefined;
      if (entry && supervised.has(row._msdyn_cdsqueueid_value ?? '')) entry.conversations++;
    }

    await look(sp);
    await (await sp.waitForSelector('[role="tab"]::-p-text(Agents)'))!.click();
    const table = 'table.fw-table';
    await sp.waitForSelector(`${table} tbody tr`);
    const shown = await sp.$$eval(`${table} tbody tr`, (rows) =>
      rows.map((row) => {
        const name = row.querySelector('th')!.cloneNode(true) as HTMLElement;
        name.querySelectorAll('.fw-tag').forEach((tag) => tag.remove());
        const cells = [...row.querySelectorAll('td')].map((cell) => {
          const copy = cell.cloneNode(true) as HTMLElement;
          copy.querySelectorAll('[aria-hidden="true"]').forEach((hidden) => hidden.remove());
          return (copy.textContent ?? '').trim();
        });
        return {
          name: (name.textContent ?? '').trim(),
          presence: cells[0],
          // cells[1] is the time in that presence, cells[2] the last hour's presence timeline.
          capacity: cells[3],
          conversations: Number(cells[4]),
          queues: cells[5]!.split(', ').sort(),
        };
      }),
    );
    expect(expected.size).toBeGreaterThan(20);
    const platform = [...expected.values()]
      .map((agent) => ({
        name: agent.name,
        presence: agent.presence || 'Unknown',
        capacity: agent.capacity,
        conversations: agent.conversations,
        queues: agent.queues.sort(),
      }))
      .sort((a, b) => a.name.localeCompare(b.name, 'en'));
    expect(shown.sort((a, b) => a.name.localeCompare(b.name, 'en'))).toEqual(platform);
    await (await sp.waitForSelector('[role="tab"]::-p-text(Conversations)'))!.click();
  });

  it('costs the platform the same per poll cycle, at the same cadence, with ten views open as with one', async () => {
    // The default interval is the shortest gap between polls; the request budget may make them further apart.
    const intervalMs = POLL_INTERVAL_BOUNDS.default * 1000;
    /**
     * The next `count` whole poll cycles after `since`: the worker's requests grouped from one cycle's first read up
     * to the next cycle's.
     */
    const cycles = async (since: Date, count: number) => {
      const log = await until(
        async () => (await requestsSince(h, since)).filter((r) => r.user === SOFIA.upn),
        (requests) => requests.filter(startsCycle).length > count,
        `${count} whole poll cycles`,
        (count + 2) * intervalMs * 4,
        500,
      );
      const starts = log.map((r, index) => (startsCycle(r) ? index : -1)).filter((index) => index >= 0);
      const requests = log.slice(starts[0], starts[count]);
      const times = starts.slice(0, count + 1).map((index) => Date.parse(log[index]!.time));
      const byKind: Record<string, number> = {};
      for (const r of requests) byKind[kindOf(r)] = (byKind[kindOf(r)] ?? 0) + 1;
      return { byKind, shortestGapMs: Math.min(...times.slice(1).map((t, i) => t - times[i]!)) };
    };

    // One view: the overlay. The side panel closes for the measure.
    await sp.close();
    const one = await cycles(new Date(), 12);
    const panels = [];
    for (let i = 0; i < 9; i++) panels.push(await openSidePanel());
    // Ten views: the overlay and nine side panels, each showing the list.
    const ten = await cycles(new Date(), 12);
    sp = panels[0]!;
    for (const panel of panels.slice(1)) await panel.close();

    // The conversations are read once a cycle: exactly the same. Statuses and participants are read on their own
    // clock (every 10 s, lib/feed/picture-sync.ts), so twelve cycles may hold one more or one fewer; ten views each
    // asking would cost ten times as many.
    // So do the other reads on a timer of their own (the org's switches every 30 s, soft-lock notes every 12 s): each
    // kind may land once more or less in twelve cycles, never once per view.
    const seen = `one view ${JSON.stringify(one.byKind)}, ten views ${JSON.stringify(ten.byKind)}`;
    expect(ten.byKind.msdyn_ocliveworkitems, seen).toBe(one.byKind.msdyn_ocliveworkitems);
    for (const kind of new Set([...Object.keys(one.byKind), ...Object.keys(ten.byKind)]))
      expect(Math.abs((ten.byKind[kind] ?? 0) - (one.byKind[kind] ?? 0)), `${kind}: ${seen}`).toBeLessThanOrEqual(1);
    // The same cadence: no cycle starts sooner than one interval after the one before.
    expect(one.shortestGapMs).toBeGreaterThanOrEqual(intervalMs - 100);
    expect(ten.shortestGapMs).toBeGreaterThanOrEqual(intervalMs - 100);
  }, 240_000);

  it('keeps the list when the worker is stopped, and the new worker resumes with incremental reads only', async () => {
    await search(sp, '');
    const rowsBefore = await gridRowCount(sp);
    const since = new Date();
    await h.killWorker();
    // A new worker starts for the side panel, which reconnects and goes on showing what the old one held.
    await until(
      async () => (await requestsSince(h, since)).filter(startsCycle).length,
      (n) => n >= 2,
      'the new worker’s polls',
      30_000,
    );
    await waitForText(sp, '.fw-freshness', 'Live · updated', 30_000);
    expect(await gridRowCount(sp)).toBe(rowsBefore);
    const after = await requestsSince(h, since);
    const conversationReads = after.filter(startsCycle).map((r) => decodeURIComponent(r.path));
    expect(
      conversationReads.every((path) => path.includes('modifiedon ge')),
      conversationReads.join('\n'),
    ).toBe(true);
    expect(after.some((r) => r.path.includes('WhoAmI'))).toBe(false);
  });

  it('says "not a supervisor" to alex, with no rows, and reads nothing of the floor as him', async () => {
    const since = new Date();
    await h.page.goto(`${h.emulatorUrl}/signin?user=${encodeURIComponent('alex@contoso.test')}`);
    for (const [, root] of [
      ['side panel', sp],
      ['overlay', await h.overlay()],
    ] as const) {
      await look(root);
      await waitForText(root, '.fw-notice', 'You are not a supervisor in this organization', 30_000);
      expect(await root.$('[role="grid"] [role="row"][id^="fw-row-"]')).toBeNull();
    }
    // Sofia signs in again: the worker's next reads are hers, so whatever it would have read as alex is in the log.
    await h.page.goto(`${h.emulatorUrl}/signin?user=${encodeURIComponent(SOFIA.upn)}`);
    await until(
      async () => (await requestsSince(h, since)).filter((r) => r.user === SOFIA.upn && startsCycle(r)).length,
      (n) => n > 0,
      'the feed to read as Sofia again',
      30_000,
    );
    const asAlex = (await requestsSince(h, since)).filter((r) => r.user === 'alex@contoso.test');
    expect(asAlex.length).toBeGreaterThan(0);
    expect(
      asAlex
        .filter((r) => /msdyn_ocliveworkitems|msdyn_omnichannelconfigurations|msdyn_agentstatuses|msdyn_sessionparticipants/.test(r.path))
        .map((r) => r.path),
    ).toEqual([]);
    overlay = await h.overlay();
    // The side panel tab was opened after it.
    await lookAtRows(overlay);
  });

  it('warns sam that assign will fail for him, and why, over his list', async () => {
    await h.page.goto(`${h.emulatorUrl}/signin?user=${encodeURIComponent('sam@contoso.test')}`);
    overlay = await h.overlay();
    for (const [, root] of views()) {
      await look(root);
      await waitForText(root, '.fw-notice', 'Assigning conversations will fail for you', 30_000);
      await waitForText(root, '.fw-notice', 'You hold the “Omnichannel API access” role');
      await root.waitForSelector('[role="grid"] [role="row"][aria-rowindex="2"]', { timeout: 30_000 });
    }
  });

  it('lists the whole of an org of 10,000 ongoing after a refresh, in both views, and the next change to one of them', async () => {
    // A list this long reaches a view as one large message apart from the port, in the port's order (view-port.ts).
    // Last in the file: it leaves the org at 10,000 ongoing. Sofia again, after the checks as other users.
    await h.page.goto(`${h.emulatorUrl}/signin?user=${encodeURIComponent(SOFIA.upn)}`);
    overlay = await h.overlay();
    await lookAtRows(overlay);
    await h.control('reset', { scenario: 'busy', seed: 1 });
    await h.control('clock', { paused: true });
    const platform = await supervisedOngoing(api);
    expect(platform.length).toBeGreaterThan(5_000);
    for (const [, root] of views()) await search(root, '');
    await look(overlay);
    await (await overlay.waitForSelector('button[title="Refresh"]'))!.click();
    await everyViewLists(platform.length, 90_000);
    const id = platform[platform.length - 1]!.activityid;
    await h.control(`rows/msdyn_ocliveworkitems/${id}`, { set: { subject: 'Feed e2e: changed after the large list' } });
    expect((await shownAsOnPlatform(id)).subject).toBe('Feed e2e: changed after the large list');
  }, 240_000);
});
