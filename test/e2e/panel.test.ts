import { AxePuppeteer } from '@axe-core/puppeteer';
import type { Frame, Page } from 'puppeteer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from './harness';
import { until } from './screen';

/**
 * The supervisor panel through its UI, in Swedish (browser language sv), over the emulator's typical floor: in the
 * overlay on the workspace and in the side panel. The emulator clock is paused so the floor holds still while the
 * checks read it; the feed keeps polling.
 */

/** Where the panel's document is: the overlay's frame in the workspace tab, or the side panel page. */
interface View<Root extends Page | Frame = Page | Frame> {
  /** The tab: keyboard, reload. */
  page: Page;
  /** The panel's document. */
  root: Root;
}
const sidePanelOf = (page: Page): View<Page> => ({ page, root: page });

async function waitFor(view: View, selector: string, timeout = 10_000) {
  return (await view.root.waitForSelector(selector, { timeout }))!;
}

const GRID = '[role="grid"][aria-label="Pågående konversationer"]';
const VIEW_MENU = '.fw-toolbar summary::-p-text(Vy)';

/** The rendered body rows' text, with their aria-rowindex. */
async function rows(view: View): Promise<Array<{ index: string; text: string; group: boolean }>> {
  const grid = await waitFor(view, GRID, 20_000);
  return grid.evaluate((element) =>
    [...element.querySelectorAll('[role="rowgroup"]:last-child > [role="row"]')]
      .map((row) => ({
        index: row.getAttribute('aria-rowindex') ?? '',
        text: row.textContent ?? '',
        group: row.classList.contains('fw-row-group'),
      }))
      .sort((a, b) => Number(a.index) - Number(b.index)),
  );
}

/** By role and accessible name, through the accessibility tree (which also sees into closed shadow roots). */
async function byName(root: Page | Frame, role: string, name: string, timeout = 10_000) {
  return (await root.waitForSelector(`::-p-aria([name="${name}"][role="${role}"])`, { timeout }))!;
}

const click = async (view: View, selector: string) => (await waitFor(view, selector)).click();

/** Focus the workspace page's control that comes last before our host, so that Tab goes on into the overlay. */
const focusLastPageControl = (page: Page) =>
  page.evaluate(() => {
    const host = document.querySelector('floorwalker-panel')!;
    const controls = [...document.querySelectorAll<HTMLElement>('a[href], button, input, select, textarea, [tabindex]')].filter(
      (e) => e.tabIndex >= 0 && e.offsetParent !== null && Boolean(e.compareDocumentPosition(host) & Node.DOCUMENT_POSITION_FOLLOWING),
    );
    controls.at(-1)!.focus();
  });

async function seriousViolations(view: View, include: string) {
  const results = await new AxePuppeteer(view.root)
    .include(include)
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'])
    .analyze();
  return results.violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map(
      (violation) =>
        `${violation.id}: ${violation.nodes
          .map((node) => node.target.join(' '))
          .slice(0, 3)
          .join(', ')}`,
    );
}

describe('panel: the supervisor panel in Swedish, in the overlay and the side panel', () => {
  let h: Harness;
  let overlay: View<Frame>;

  beforeAll(async () => {
    h = await startHarness({ scenario: 'typical', locale: 'sv' });
    await h.page.setViewport({ width: 1400, height: 900 });
    overlay = { page: h.page, root: await h.overlay() };
    await waitFor(overlay, `${GRID} [role="row"][aria-rowindex="2"]`, 30_000);
    await h.control('clock', { paused: true });
  });
  afterAll(async () => {
    await h?.close();
  });

  it('shows the live floor in Swedish: freshness, queue tiles, a grid of every ongoing conversation', async () => {
    await waitFor(overlay, '::-p-text(Live · uppdaterad)');
    const queues = await overlay.root.$$eval('[role="region"][aria-label="Köer"] h2', (titles) =>
      titles.map((title) => title.textContent ?? ''),
    );
    expect(queues.length).toBeGreaterThan(0);
    // One row per ongoing conversation in the supervised queues (the tiles), as the emulator counts them.
    const state = await h.control<{ conversations: { byQueue: Record<string, number> } }>('state');
    const expected = queues.reduce((sum, queue) => sum + (state.conversations.byQueue[queue] ?? 0), 0);
    const grid = await overlay.root.$(GRID);
    expect(Number(await grid!.evaluate((element) => element.getAttribute('aria-rowcount')))).toBe(expected + 1);
    expect((await rows(overlay))[0]!.text).toMatch(/Öppen|Aktiv|Väntar|Avslutning/);
  });

  it('sorts by a column from its header', async () => {
    await click(overlay, `${GRID} [role="columnheader"] button::-p-text(Kund / ämne)`);
    const header = await overlay.root.$(`${GRID} [role="columnheader"][aria-sort]`);
    expect(await header!.evaluate((element) => [element.textContent, element.getAttribute('aria-sort')])).toEqual([
      expect.stringContaining('Kund / ämne'),
      'ascending',
    ]);
    const names = await overlay.root.$$eval(`${GRID} [role="row"] .fw-customer .fw-strong`, (elements) =>
      elements.map((element) => element.textContent ?? ''),
    );
    const sorted = [...names].sort(new Intl.Collator('sv', { sensitivity: 'base', numeric: true }).compare);
    expect(names.length).toBeGreaterThan(3);
    expect(names).toEqual(sorted);
  });

  it('filters by status, then clears the filter', async () => {
    await click(overlay, 'summary::-p-text(Filter)');
    await click(overlay, 'label::-p-text(Aktiv) input');
    await waitFor(overlay, 'summary::-p-text(Filter (1))');
    const shown = await rows(overlay);
    expect(shown.length).toBeGreaterThan(0);
    for (const row of shown) expect(row.text).toContain('Aktiv');
    await click(overlay, 'button::-p-text(Rensa filter)');
    await click(overlay, 'summary::-p-text(Filter)');
    expect((await rows(overlay)).some((row) => row.text.includes('Öppen'))).toBe(true);
  });

  it('searches the conversations as the user types', async () => {
    const first = (await rows(overlay))[0]!.text;
    const name = await overlay.root.$eval(`${GRID} [aria-rowindex="2"] .fw-strong`, (element) => element.textContent ?? '');
    expect(first).toContain(name);
    const search = await waitFor(overlay, 'input[type="search"][aria-label="Sök konversationer"]');
    await search.type(name);
    const found = await rows(overlay);
    expect(found.length).toBeGreaterThan(0);
    for (const row of found) expect(row.text.toLowerCase()).toContain(name.toLowerCase());
    await search.click({ count: 3 });
    await h.page.keyboard.press('Backspace');
  });

  it('groups by queue, with a heading row per queue', async () => {
    // Grouping, columns and saved views are in the toolbar's View menu ("Vy").
    await click(overlay, VIEW_MENU);
    const select = await byName(overlay.root, 'combobox', 'Gruppera efter');
    await select.select('queue');
    const grouped = await rows(overlay);
    expect(grouped[0]!.group).toBe(true);
    expect(grouped.filter((row) => row.group).length).toBeGreaterThan(1);
    await select.select('none');
    await click(overlay, VIEW_MENU);
  });

  it('saves a view and restores it, also after a reload', async () => {
    const unassigned = 'button[aria-pressed]::-p-text(Inte tilldelade)';
    await click(overlay, 'button[aria-pressed]::-p-text(Inte tilldelade)');
    await click(overlay, VIEW_MENU);
    await click(overlay, 'button::-p-text(Spara vy…)');
    const name = await byName(overlay.root, 'textbox', 'Vyns namn');
    await name.type('Otilldelade');
    await click(overlay, 'button[type="submit"]::-p-text(Spara)');
    await waitFor(overlay, 'option::-p-text(Otilldelade)');
    await click(overlay, VIEW_MENU);
    await click(overlay, 'button[aria-pressed="true"]::-p-text(Inte tilldelade)');
    expect(await overlay.root.$eval(unassigned, (element) => element.getAttribute('aria-pressed'))).toBe('false');

    await h.page.reload();
    overlay = { page: h.page, root: await h.overlay() };
    await waitFor(overlay, `${GRID} [role="row"][aria-rowindex="2"]`, 30_000);
    await click(overlay, VIEW_MENU);
    const views = await byName(overlay.root, 'combobox', 'Sparade vyer');
    await waitFor(overlay, 'option::-p-text(Otilldelade)');
    await views.select('Otilldelade');
    await click(overlay, VIEW_MENU);
    expect(await overlay.root.$eval(unassigned, (element) => element.getAttribute('aria-pressed'))).toBe('true');
    for (const row of await rows(overlay)) expect(row.text).toContain('Inte tilldelad');
    await click(overlay, 'button[aria-pressed="true"]::-p-text(Inte tilldelade)');
  });

  it('works with the keyboard alone: move, details, shortcut sheet, command palette', async () => {
    // The workspace's own shortcuts listen on its page; keys typed in the panel must never reach them.
    await h.page.evaluate(() => {
      const w = window as unknown as { __fwPageKeys: string[] };
      w.__fwPageKeys = [];
      for (const type of ['keydown', 'keypress', 'keyup'])
        window.addEventListener(type, (event) => w.__fwPageKeys.push((event as KeyboardEvent).key), true);
    });
    const grid = (await overlay.root.$(GRID))!;
    await grid.focus();
    const active = () => grid.evaluate((element) => element.getAttribute('aria-activedescendant'));
    await h.page.keyboard.press('j');
    const first = await active();
    expect(first).toMatch(/^fw-row-/);
    await h.page.keyboard.press('ArrowDown');
    const second = await active();
    expect(second).not.toBe(first);
    await h.page.keyboard.press('k');
    expect(await active()).toBe(first);

    await h.page.keyboard.press('Enter');
    const dialog = await waitFor(overlay, 'dialog[open]');
    expect(await dialog.evaluate((element) => element.textContent)).toContain('Konversations-ID');
    await h.page.keyboard.press('Escape');
    await overlay.root.waitForFunction(() => !document.querySelector('dialog[open]'), { timeout: 5000 });
    expect(await grid.evaluate((element) => document.activeElement === element)).toBe(true);

    await h.page.keyboard.press('?');
    await waitFor(overlay, 'dialog[open] ::-p-text(Kortkommandon)');
    await h.page.keyboard.press('Escape');

    await h.page.keyboard.down('Control');
    await h.page.keyboard.press('k');
    await h.page.keyboard.up('Control');
    await waitFor(overlay, 'dialog[open] [role="combobox"]');
    await h.page.keyboard.type('visa representanter');
    await h.page.keyboard.press('Enter');
    await waitFor(overlay, '[role="tab"][aria-selected="true"]::-p-text(Representanter)');
    await waitFor(overlay, '::-p-aria(Representanter, deras närvaro och kapacitet)');
    await h.page.keyboard.press('/');
    await waitFor(overlay, '[role="tab"][aria-selected="true"]::-p-text(Konversationer)');
    const focused = await overlay.root.evaluate(() => document.activeElement?.getAttribute('type'));
    expect(focused).toBe('search');
    expect(await h.page.evaluate(() => (window as unknown as { __fwPageKeys: string[] }).__fwPageKeys)).toEqual([]);
  });

  it('stays where the supervisor reads when the selected conversation ends far down the list', async () => {
    const grid = (await overlay.root.$(GRID))!;
    const scrolled = () => grid.evaluate((element) => element.scrollTop);
    await grid.focus();
    await h.page.keyboard.press('End');
    // The last row is drawn once the grid has scrolled to it (a frame later).
    const active = await overlay.root.waitForFunction(
      () => document.querySelector('[role="grid"]')?.getAttribute('aria-activedescendant'),
      {
        timeout: 5000,
      },
    );
    const selected = String(await active.jsonValue()).replace('fw-row-', '');
    expect(await scrolled()).toBeGreaterThan(0);
    // Back at the top to read, the grid still focused; then the selected conversation ends on the platform.
    await grid.evaluate((element) => void (element.scrollTop = 0));
    const count = Number(await grid.evaluate((element) => element.getAttribute('aria-rowcount')));
    await h.control(`rows/msdyn_ocliveworkitems/${selected}`, { set: { statecode: 1, statuscode: 4 } });
    await overlay.root.waitForFunction(
      (before: number) => Number(document.querySelector('[role="grid"]')?.getAttribute('aria-rowcount')) === before - 1,
      { timeout: 15_000 },
      count,
    );
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(await scrolled()).toBe(0);
    // The selection moved to the row in its place: the next key press goes on from there, and shows it.
    await h.page.keyboard.press('k');
    await overlay.root.waitForFunction(() => (document.querySelector('[role="grid"]')?.scrollTop ?? 0) > 0, { timeout: 5000 });
  });

  it('lets focus move into the overlay and back out with Tab from the page', async () => {
    // From the workspace's last control, Tab goes into the panel (the frame is last in the page)…
    // Focus crosses into and out of the panel's frame (another process) a moment after the key: waited for, not read at once.
    await focusLastPageControl(h.page);
    await h.page.keyboard.press('Tab');
    await h.page.waitForFunction(() => document.activeElement?.localName === 'floorwalker-panel', { timeout: 3_000 });
    expect(await overlay.root.evaluate(() => document.hasFocus() && document.activeElement !== document.body)).toBe(true);
    // …and Shift+Tab from the panel's first control goes back to the page.
    await h.page.keyboard.down('Shift');
    await h.page.keyboard.press('Tab');
    await h.page.keyboard.up('Shift');
    await h.page.waitForFunction(
      () => document.activeElement?.localName !== 'floorwalker-panel' && document.activeElement !== document.body,
      { timeout: 3_000 },
    );
    expect(await overlay.root.evaluate(() => document.hasFocus())).toBe(false);
  });

  it('has no serious or critical axe violations in the overlay', async () => {
    expect(await seriousViolations(overlay, 'body')).toEqual([]);
  });

  // The same panel as the side panel, whose dark colours axe checks below: here, that the frame follows the scheme.
  it('follows the colour scheme: dark with the browser', async () => {
    const background = () => overlay.root.$eval('.fw-root', (element) => getComputedStyle(element).backgroundColor);
    const light = await background();
    await h.page.emulateMediaFeatures([{ name: 'prefers-color-scheme', value: 'dark' }]);
    await overlay.root.waitForFunction(
      (before) => getComputedStyle(document.querySelector('.fw-root')!).backgroundColor !== before,
      { timeout: 5_000 },
      light,
    );
    const dark = (await background()).match(/\d+/g)!.slice(0, 3).map(Number);
    expect(Math.max(...dark)).toBeLessThan(80);
    await h.page.emulateMediaFeatures([{ name: 'prefers-color-scheme', value: 'light' }]);
  });

  it('collapses to a keyboard-reachable launcher, stays collapsed and docked across a reload, and opens again', async () => {
    /** Where the frame is on the workspace page; null while it is folded away (not rendered). */
    const frameBox = async () => await (await overlay.root.frameElement())!.boundingBox();
    // The frame's controls are in the header's ⋯ menu ("Mer"); a choice closes it.
    await click(overlay, '.fw-header summary[title="Mer"]');
    await click(overlay, 'button::-p-text(Docka till vänster)');
    await until(frameBox, (box) => box?.x === 0, 'the panel docked on the left', 15_000, 100);
    await click(overlay, '.fw-header summary[title="Mer"]');
    await click(overlay, 'button::-p-text(Fäll ihop)');
    // The launcher is a button with a name, in the page's tab order, focused as the panel folds away.
    const launcher = await byName(h.page, 'button', 'Öppna Floorwalker');
    expect(await launcher.evaluate((button) => (button.getRootNode() as ShadowRoot).activeElement === button)).toBe(true);
    await until(frameBox, (box) => box === null, 'the panel folded away', 15_000, 100);

    await h.page.reload();
    const again = await byName(h.page, 'button', 'Öppna Floorwalker', 15_000);
    overlay = { page: h.page, root: await h.overlay() };
    expect(await frameBox()).toBeNull();
    await focusLastPageControl(h.page);
    await h.page.keyboard.press('Tab');
    expect(await again.evaluate((button) => (button.getRootNode() as ShadowRoot).activeElement === button)).toBe(true);
    await h.page.keyboard.press('Enter');
    await waitFor(overlay, `${GRID} [role="row"][aria-rowindex="2"]`, 20_000);
    expect((await frameBox())?.x).toBe(0);
    expect(await overlay.root.evaluate(() => document.hasFocus())).toBe(true);
    await click(overlay, '.fw-header summary[title="Mer"]');
    await click(overlay, 'button::-p-text(Docka till höger)');
    await until(frameBox, (box) => (box?.x ?? 0) > 0, 'the panel docked on the right', 15_000, 100);
  });

  it('shows the same panel in the side panel from 360 px wide, in Swedish, without axe violations', async () => {
    const page = await h.openSidePanel();
    await page.setViewport({ width: 360, height: 800 });
    const side = sidePanelOf(page);
    await waitFor(side, `${GRID} [role="row"][aria-rowindex="2"]`, 30_000);
    expect(await page.$eval('html', (element) => element.lang)).toBe('sv');
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    // The grid windows its rows: in an 800 px tall panel it renders only a screenful of the 60, not all of them.
    const total = Number(await page.$eval(GRID, (element) => element.getAttribute('aria-rowcount'))) - 1;
    const rendered = await page.$$eval(`${GRID} [role="row"][aria-rowindex]`, (list) => list.length);
    expect(total).toBeGreaterThan(40);
    expect(rendered).toBeLessThan(total);
    await click(side, VIEW_MENU);
    const select = await byName(side.root, 'combobox', 'Gruppera efter');
    await select.select('agent');
    expect((await rows(side))[0]!.group).toBe(true);
    await select.select('none');
    await click(side, VIEW_MENU);
    expect(await seriousViolations(side, 'body')).toEqual([]);
    // Dark colours (the browser's scheme) must keep AA contrast too.
    await page.emulateMediaFeatures([{ name: 'prefers-color-scheme', value: 'dark' }]);
    expect(await seriousViolations(side, 'body')).toEqual([]);
    await page.close();
  });
});
