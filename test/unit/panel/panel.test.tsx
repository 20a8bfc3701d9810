import { act, fireEvent, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing';
import { closeActionRequest } from '../../../lib/actions/dialog-state';
import { setLanguageOverride } from '../../../lib/i18n';
import { generateConversations, makeAgent, makeConversation, makeLock, NOW, SETTINGS, SUPERVISOR } from '../view-model/fixtures';
import { renderPanel } from './render-panel';

let panel: ReturnType<typeof renderPanel> | null = null;
const open = (...args: Parameters<typeof renderPanel>) => (panel = renderPanel(...args));
const grid = () => screen.getByRole('grid', { name: 'Ongoing conversations' });
/** Pick an option as a browser does: value, then a change event (testing-library/preact's change sends input). */
const choose = (select: HTMLElement, value: string) => {
  (select as HTMLSelectElement).value = value;
  fireEvent(select, new Event('change', { bubbles: true }));
};
/** Open a toolbar menu (a details element) by its summary; the browser tells it with a toggle event. */
const openMenu = (summary: string) => {
  screen.getByText(summary).closest('details')!.open = true;
};
const bodyRows = () =>
  within(grid())
    .getAllByRole('row')
    .filter((row) => row.getAttribute('aria-rowindex') !== '1');

beforeEach(() => {
  fakeBrowser.reset();
  setLanguageOverride('en');
});
afterEach(() => {
  panel?.close();
  panel = null;
});

describe('Panel: access states', () => {
  it('shows connecting until the first snapshot', () => {
    open(null);
    expect(screen.getByText('Connecting to Floorwalker…')).toBeTruthy();
  });

  it('tells a signed-out user to sign in again, and a non-supervisor exactly that, without showing rows', () => {
    open({ access: { ...SUPERVISOR, state: 'signedOut' }, conversations: [makeConversation({ id: 'a' })] });
    expect(screen.getByText('Sign in to Dynamics 365 again')).toBeTruthy();
    expect(screen.queryByRole('grid')).toBeNull();
    panel!.close();
    open({ access: { ...SUPERVISOR, state: 'notSupervisor' } });
    expect(screen.getByText('You are not a supervisor in this organization')).toBeTruthy();
  });

  it('warns that assign will fail for a holder of the API access role, with the reason', () => {
    open({ access: { ...SUPERVISOR, hasApiAccessRole: true } });
    const alert = screen.getByRole('alert');
    expect(alert.textContent).toContain('Assigning conversations will fail for you');
    expect(alert.textContent).toContain('Omnichannel API access');
  });

  it('says so when the supervisor has no queues', () => {
    open({ queues: [] });
    expect(screen.getByText(/You supervise no queues yet/)).toBeTruthy();
  });
});

describe('Panel: header', () => {
  it('shows freshness from the feed and pauses/resumes through the worker', () => {
    open({});
    expect(screen.getByText(/Live · updated/)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Pause' }));
    expect(panel!.source.sent.at(-1)).toEqual({ type: 'pause' });
    act(() => panel!.source.push({ type: 'patch', patch: { paused: true } }));
    expect(screen.getByRole('button', { name: 'Resume' }).getAttribute('aria-pressed')).toBe('true');
  });

  it('disables refresh while one is in flight, so it cannot fire twice', () => {
    open({});
    const refresh = screen.getByRole('button', { name: 'Refresh' });
    fireEvent.click(refresh);
    const busy = screen.getByRole<HTMLButtonElement>('button', { name: 'Refreshing…' });
    expect(busy.disabled).toBe(true);
    fireEvent.click(busy);
    expect(panel!.source.sent.filter((message) => message.type === 'refresh')).toHaveLength(1);
  });
});

describe('Panel: conversations grid', () => {
  it('is a grid with column headers, a row count and row indexes, and sorts from the headers', () => {
    open({ conversations: [makeConversation({ id: 'a', customerName: 'Zed' }), makeConversation({ id: 'b', customerName: 'Ann' })] });
    expect(grid().getAttribute('aria-rowcount')).toBe('3');
    expect(
      within(grid())
        .getAllByRole('columnheader')
        .map((header) => header.textContent?.trim()),
    ).toContain('Customer / subject');
    fireEvent.click(within(grid()).getByRole('button', { name: /Customer \/ subject/ }));
    const header = within(grid()).getAllByRole('columnheader')[0]!;
    expect(header.getAttribute('aria-sort')).toBe('ascending');
    expect(bodyRows().map((row) => row.getAttribute('aria-rowindex'))).toEqual(['2', '3']);
    expect(bodyRows()[0]!.textContent).toContain('Ann');
  });

  it('renders only a window of 10,000 rows, and a patch to one row leaves the other rows’ DOM alone', () => {
    const rows = generateConversations(10_000);
    open({ conversations: rows });
    expect(grid().getAttribute('aria-rowcount')).toBe('10001');
    const rendered = bodyRows();
    expect(rendered.length).toBeGreaterThan(5);
    expect(rendered.length).toBeLessThan(60);

    const [first, second] = rendered;
    const secondText = second!.textContent;
    const firstId = first!.id.replace('fw-row-', '');
    const original = rows.find((row) => row.id === firstId)!;
    act(() =>
      panel!.source.push({ type: 'patch', patch: { conversations: { upsert: [{ ...original, customerName: 'Renamed' }], remove: [] } } }),
    );
    const after = bodyRows();
    expect(after[0]).toBe(first);
    expect(after[0]!.textContent).toContain('Renamed');
    expect(after[1]).toBe(second);
    expect(after[1]!.textContent).toBe(secondText);
    // Generating and validating 10,000 rows under happy-dom takes seconds on two busy cores; not a timing test.
  }, 30_000);

  it('places each rendered row at its own offset in a body as tall as the whole list', () => {
    open({ conversations: generateConversations(50) });
    const rendered = bodyRows();
    const height = parseFloat(rendered[0]!.parentElement!.style.height) / 50;
    expect(height).toBeGreaterThan(0);
    expect(rendered.map((row) => row.style.top)).toEqual(rendered.map((_, index) => `${index * height}px`));
  });

  it('shows sentiment and long waits in words and icons, not colour alone', () => {
    open({
      conversations: [makeConversation({ id: 'a', sentiment: 7, createdOn: new Date(Date.now() - 400_000).toISOString() })],
    });
    const row = bodyRows()[0]!;
    expect(row.textContent).toContain('Very negative');
    expect(row.textContent).toContain("below the queue's threshold");
    expect(row.textContent).toContain('over the alert time');
  });

  it('renders customer text as text, never as markup', () => {
    open({ conversations: [makeConversation({ id: 'a', customerName: '<img src=x onerror=alert(1)>', subject: '<b>bold</b>' })] });
    const row = bodyRows()[0]!;
    expect(row.querySelector('img, b')).toBeNull();
    expect(row.textContent).toContain('<img src=x onerror=alert(1)>');
  });

  it('shows a broken row as such and keeps the others', () => {
    const bad = { ...makeConversation({ id: 'bad' }), channels: null } as unknown as ReturnType<typeof makeConversation>;
    open({ conversations: [makeConversation({ id: 'good', customerName: 'Fine' }), bad] });
    expect(screen.getByText('This row could not be shown.')).toBeTruthy();
    expect(screen.getByText('Fine')).toBeTruthy();
  });

  it('filters, searches, groups and uses quick filters', async () => {
    open({
      conversations: [
        makeConversation({ id: 'a', customerName: 'Alma', queueId: 'q-billing', queueName: 'Billing' }),
        makeConversation({
          id: 'b',
          customerName: 'Bo',
          status: 'active',
          agentId: 'x',
          agentName: 'Xena',
          queueId: 'q-tech',
          queueName: 'Technical support',
        }),
      ],
    });
    // The filter groups are there only while the menu is open.
    expect(screen.queryByRole('checkbox', { name: 'Active' })).toBeNull();
    openMenu('Filters');
    fireEvent.click(await screen.findByRole('checkbox', { name: 'Active' }));
    expect(bodyRows()).toHaveLength(1);
    expect(screen.getByText('Filters (1)')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Clear filters' }));
    fireEvent.click(screen.getByRole('button', { name: 'Unassigned' }));
    expect(bodyRows().map((row) => row.textContent)).toEqual([expect.stringContaining('Alma')]);
    fireEvent.click(screen.getByRole('button', { name: 'Unassigned' }));
    fireEvent.input(screen.getByRole('searchbox', { name: 'Search conversations' }), { target: { value: 'xena' } });
    expect(bodyRows()).toHaveLength(1);
    fireEvent.input(screen.getByRole('searchbox', { name: 'Search conversations' }), { target: { value: '' } });
    choose(screen.getByRole('combobox', { name: 'Group by' }), 'queue');
    expect(bodyRows().map((row) => row.textContent?.trim().slice(0, 15))).toEqual([
      'Billing (1)',
      expect.any(String),
      'Technical suppo',
      expect.any(String),
    ]);
  });

  it('saves the current view and restores it later', async () => {
    open({ conversations: [makeConversation({ id: 'a' })] });
    fireEvent.click(screen.getByRole('button', { name: 'Unassigned' }));
    fireEvent.click(screen.getByRole('button', { name: 'Save view…' }));
    fireEvent.input(screen.getByRole('textbox', { name: 'View name' }), { target: { value: 'Queue watch' } });
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    });
    await waitFor(() => screen.getByRole('option', { name: 'Queue watch' }));
    fireEvent.click(screen.getByRole('button', { name: 'Unassigned' }));
    expect(screen.getByRole('button', { name: 'Unassigned' }).getAttribute('aria-pressed')).toBe('false');
    choose(screen.getByRole('combobox', { name: 'Saved views' }), 'Queue watch');
    expect(screen.getByRole('button', { name: 'Unassigned' }).getAttribute('aria-pressed')).toBe('true');
  });
});

describe('Panel: keyboard', () => {
  const rows = [
    makeConversation({ id: 'a', customerName: 'Alma', createdOn: new Date(NOW - 90_000).toISOString() }),
    makeConversation({ id: 'b', customerName: 'Bo', createdOn: new Date(NOW - 30_000).toISOString() }),
  ];

  it('moves with j/k and arrows as the grid’s active descendant, and Enter opens details', () => {
    open({ conversations: rows });
    const element = grid();
    element.focus();
    fireEvent.keyDown(element, { key: 'j' });
    expect(element.getAttribute('aria-activedescendant')).toBe('fw-row-a');
    fireEvent.keyDown(element, { key: 'ArrowDown' });
    expect(element.getAttribute('aria-activedescendant')).toBe('fw-row-b');
    fireEvent.keyDown(element, { key: 'k' });
    expect(element.getAttribute('aria-activedescendant')).toBe('fw-row-a');
    fireEvent.keyDown(element, { key: 'Enter' });
    const dialog = screen.getByRole('dialog', { name: 'Alma' });
    expect(within(dialog).getByText('Subject a')).toBeTruthy();
  });

  it('keeps focus and a selection when the selected row leaves the feed', () => {
    open({ conversations: rows });
    const element = grid();
    element.focus();
    fireEvent.keyDown(element, { key: 'j' });
    act(() => panel!.source.push({ type: 'patch', patch: { conversations: { upsert: [], remove: ['a'] } } }));
    expect(document.activeElement).toBe(grid());
    expect(grid().getAttribute('aria-activedescendant')).toBe('fw-row-b');
  });

  it('when the selected row ends far from where the supervisor reads, the list stays put; a key press brings the selection back', () => {
    open({ conversations: generateConversations(300) });
    const element = grid();
    element.focus();
    fireEvent.keyDown(element, { key: 'End' });
    fireEvent.scroll(element); // a browser tells the grid it scrolled; happy-dom does not
    const selected = element.getAttribute('aria-activedescendant')!.replace('fw-row-', '');
    expect(element.scrollTop).toBeGreaterThan(0);
    // The supervisor scrolls back to the top to read the newest rows.
    element.scrollTop = 0;
    fireEvent.scroll(element);
    act(() => panel!.source.push({ type: 'patch', patch: { conversations: { upsert: [], remove: [selected] } } }));
    expect(element.scrollTop).toBe(0);
    expect(element.getAttribute('aria-activedescendant')).toBeNull();
    // The selection moved to the row in the ended one's place; moving from it shows it again.
    fireEvent.keyDown(element, { key: 'k' });
    fireEvent.scroll(element);
    expect(element.scrollTop).toBeGreaterThan(0);
    expect(element.getAttribute('aria-activedescendant')).toMatch(/^fw-row-/);
  });

  it('opens the shortcut sheet with ? and the command palette with Ctrl+K, and / focuses search', () => {
    open({ conversations: rows });
    grid().focus();
    fireEvent.keyDown(grid(), { key: '?' });
    expect(screen.getByRole('dialog', { name: 'Keyboard shortcuts' })).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Close' }));
    fireEvent.keyDown(grid(), { key: 'k', ctrlKey: true });
    const palette = screen.getByRole('dialog', { name: 'Commands' });
    const input = within(palette).getByRole('combobox');
    fireEvent.input(input, { target: { value: 'agents' } });
    fireEvent.keyDown(input, { key: 'Enter' });
    expect(screen.getByRole('tab', { name: /Agents/ }).getAttribute('aria-selected')).toBe('true');
    fireEvent.keyDown(screen.getByRole('tab', { name: /Agents/ }), { key: '/' });
    expect(document.activeElement).toBe(screen.getByRole('searchbox'));
  });

  it('turns action keys on the selected row into the action dialogs, and returns focus to the grid', () => {
    open({ conversations: rows, agents: [makeAgent({ id: 'x', name: 'Xena' })] });
    grid().focus();
    fireEvent.keyDown(grid(), { key: 'j' });
    fireEvent.keyDown(grid(), { key: 'a' });
    const dialog = screen.getByRole('dialog');
    expect(within(dialog).getByText(/Xena/)).toBeTruthy();
    fireEvent.keyDown(grid(), { key: 'j' });
    expect(grid().getAttribute('aria-activedescendant')).toBe('fw-row-a');
    closeActionRequest();
  });

  it('lists actions for the selected row in the palette, disabled with the reason when not allowed', () => {
    open({ conversations: rows });
    grid().focus();
    fireEvent.keyDown(grid(), { key: 'j' });
    fireEvent.keyDown(grid(), { key: 'k', ctrlKey: true });
    const palette = screen.getByRole('dialog', { name: 'Commands' });
    const monitor = within(palette).getByRole('option', { name: /Monitor: Alma/ });
    expect(monitor.getAttribute('aria-disabled')).toBe('true');
    const assign = within(palette).getByRole('option', { name: /Assign to an agent: Alma/ });
    expect(assign.getAttribute('aria-disabled')).toBeNull();
  });
});

describe('Panel: agents, tiles, live region, Swedish', () => {
  it('lists agents with presence, capacity and current conversations', () => {
    open({
      agents: [makeAgent({ id: 'x', name: 'Xena', presence: 'busy', presenceText: 'Busy', capacityFree: 1, capacityTotal: 5 })],
      conversations: [makeConversation({ id: 'a', status: 'active', agentId: 'x', agentName: 'Xena' })],
    });
    fireEvent.click(screen.getByRole('tab', { name: /Agents/ }));
    const table = screen.getByRole('table');
    const row = within(table).getByRole('row', { name: /Xena/ });
    expect(row.textContent).toContain('Busy');
    expect(row.textContent).toContain('4 of 5 used, 1 free');
    expect(within(row).getAllByRole('cell')[4]!.textContent).toBe('1');
  });

  it('shows the free units when the profile’s maximum is not known, and a dash when neither is', () => {
    open({
      agents: [
        makeAgent({ id: 'x', name: 'Xena', capacityFree: 3, capacityTotal: null }),
        makeAgent({ id: 'y', name: 'Yara', capacityFree: null, capacityTotal: null }),
      ],
    });
    fireEvent.click(screen.getByRole('tab', { name: /Agents/ }));
    const capacityOf = (name: RegExp) =>
      within(within(screen.getByRole('table')).getByRole('row', { name })).getAllByRole('cell')[3]!.textContent;
    expect(capacityOf(/Xena/)).toBe('3 units free');
    expect(capacityOf(/Yara/)).toBe('–');
  });

  it('shows a tile per supervised queue with waiting, active and free agents', async () => {
    open({
      agents: [makeAgent({ id: 'x' })],
      conversations: [
        makeConversation({ id: 'a' }),
        makeConversation({ id: 'b' }),
        makeConversation({ id: 'c', status: 'active', agentId: 'x' }),
      ],
    });
    const tiles = screen.getByRole('region', { name: 'Queues' });
    const billing = within(tiles).getByRole('heading', { name: 'Billing' }).closest('li')!;
    await waitFor(() => expect(billing.textContent).toContain('2 waiting'));
    // Active and free agents are in the tile's words for screen readers; the strip shows waiting and longest wait.
    expect(billing.textContent).toMatch(/Billing: 2 waiting, longest wait [\d:]+; active conversations: 1; agents free: 1\./);
    // The sparkline says in words what it draws; no samples yet in this test.
    expect(within(billing).getByRole('img').getAttribute('aria-label')).toBe(
      'Billing: 2 waiting now; the last 60 minutes are still being sampled.',
    );
    expect(within(tiles).queryByText('Other')).toBeNull();
  });

  it('folds the queue strip to one line, and the next panel opens it folded', async () => {
    const conversations = [makeConversation({ id: 'a' }), makeConversation({ id: 'b' })];
    open({ conversations });
    fireEvent.click(screen.getByRole('button', { name: /Queues/, expanded: true }));
    await waitFor(() => expect(screen.queryByRole('region', { name: 'Queues' })).toBeNull());
    await waitFor(async () =>
      expect((await browser.storage.sync.get('floorwalker.panelFolds'))['floorwalker.panelFolds']).toEqual({ queueStrip: true }),
    );
    panel?.close();
    open({ conversations });
    await waitFor(() => expect(screen.getByRole('button', { name: /Queues/ }).getAttribute('aria-expanded')).toBe('false'));
    await waitFor(() => expect(screen.getByRole('button', { name: /Queues/ }).textContent).toContain('2 waiting'));
  });

  it('announces new waiting conversations politely, as a summary', async () => {
    open({ conversations: [makeConversation({ id: 'a' })] });
    act(() =>
      panel!.source.push({
        type: 'patch',
        patch: { conversations: { upsert: [makeConversation({ id: 'b' }), makeConversation({ id: 'c' })], remove: [] } },
      }),
    );
    await act(() => new Promise((resolve) => setTimeout(resolve, 1100)));
    expect(screen.getByRole('status').textContent).toBe('2 new conversations waiting');
  });

  it('reports rows the worker could not read', () => {
    open({
      rowIssues: { count: 2, recent: [{ entity: 'msdyn_ocliveworkitem', id: 'z', field: 'statuscode', message: 'unknown value 99' }] },
    });
    expect(screen.getByText(/2 rows could not be shown: statuscode: unknown value 99/)).toBeTruthy();
  });

  it('speaks Swedish with the platform’s terms', () => {
    open({
      settings: { ...SETTINGS, values: { ...SETTINGS.values, language: 'sv' } },
      conversations: [makeConversation({ id: 'a', status: 'wrapup' })],
    });
    const svGrid = screen.getByRole('grid', { name: 'Pågående konversationer' });
    expect(screen.getByRole('button', { name: 'Uppdatera' })).toBeTruthy();
    expect(within(svGrid).getAllByRole('row')[1]!.textContent).toContain('Avslutning');
  });
});

describe('features in the panel, fed over the view port', () => {
  it('another supervisor’s lock marks the row and shows in its details; the shared log shows the worker’s notes', async () => {
    open({ conversations: [makeConversation({ id: 'a', customerName: 'Olga' }), makeConversation({ id: 'b', customerName: 'Per' })] });
    const lock = makeLock();
    const note = {
      id: 'n2',
      conversationId: 'a',
      createdAt: Date.now(),
      author: 'Sam Okafor',
      authorId: 'u-sam',
      subject: 'Transfer',
      text: 'Needs Swedish',
    };
    act(() => {
      panel!.source.push({ type: 'feature', update: { feature: 'softLocks', locks: [lock] } });
      panel!.source.push({ type: 'feature', update: { feature: 'sharedLog', notes: [note] } });
    });
    const row = screen.getByText('Olga').closest('[role="row"]') as HTMLElement;
    expect(within(row).getByTitle('Sam Okafor is transferring this')).toBeTruthy();
    expect(within(screen.getByText('Per').closest('[role="row"]') as HTMLElement).queryByTitle(/is transferring/)).toBeNull();
    expect(screen.getByText('Shared action log (1)')).toBeTruthy();
    fireEvent.click(row);
    const details = await screen.findByRole('dialog');
    expect(details.querySelector('.fw-lock')?.textContent).toContain('Sam Okafor is transferring this');
    expect(within(details).getByText('Needs Swedish')).toBeTruthy();
  });

  it('alert prefs changed in the panel are stored in sync storage, and a change from another browser shows', async () => {
    open({ access: SUPERVISOR });
    // The alerts start folded to one line; their settings are behind it.
    const toggle = screen.getByRole('button', { name: /No alerts/ });
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    expect(screen.queryByRole('checkbox', { name: 'On the toolbar button' })).toBeNull();
    fireEvent.click(toggle);
    const badge = screen.getByRole<HTMLInputElement>('checkbox', { name: 'On the toolbar button' });
    await waitFor(() => expect(badge.checked).toBe(true));
    fireEvent.click(badge);
    await waitFor(async () => {
      const stored = (await browser.storage.sync.get('floorwalker.beyondPrefs'))['floorwalker.beyondPrefs'] as {
        surfaces: { badge: boolean };
      };
      expect(stored.surfaces.badge).toBe(false);
    });
    await act(async () => {
      const stored = (await browser.storage.sync.get('floorwalker.beyondPrefs'))['floorwalker.beyondPrefs'] as Record<string, unknown>;
      await browser.storage.sync.set({ 'floorwalker.beyondPrefs': { ...stored, breachWithinMinutes: 9 } });
    });
    expect(screen.getByRole<HTMLInputElement>('spinbutton', { name: 'Warn this many minutes before a wait limit' }).value).toBe('9');
  });
});
