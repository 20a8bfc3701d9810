import { AxePuppeteer } from '@axe-core/puppeteer';
import type { Page } from 'puppeteer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from './harness';

/**
 * The supervisor panel through its UI, in Swedish (browser language sv), over the emulator's typical floor: in the
 * overlay on the workspace and in the side panel. The emulator clock is paused so the floor holds still while the
 * checks read it; the feed keeps polling.
 */

/** Selectors inside the overlay's shadow root, or plain ones on the side panel page. */
interface View {
  page: Page;
  at(selector: string): string;
}
const overlayOf = (page: Page): View => ({ page, at: (selector) => `floorwalker-panel >>> ${selector}` });
const sidePanelOf = (page: Page): View => ({ page, at: (selector) => selector });

/**
 * Wait for an element by polling page.$(): puppeteer's waitForSelector does not notice content that appears later
 * inside a shadow root when the selector pierces it (`>>>`), and the overlay's rows do exactly that.
 */
async function waitFor(view: View, selector: string, timeout = 10_000) {
  const deadline = Date.now() + timeout;
  for (;;) {
    const handle = await view.page.$(view.at(selector));
    if (handle) return handle;
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${view.at(selector)}`);
    await new Promise((resolve) => setTimeout(resolve, 150));
  }
}

const GRID = '[role="grid"][aria-label="Pågående konversationer"]';

/** The rendered body rows' text, with their aria-rowindex. */
async function rows(view: View): Promise<Array<{ index: string; text: string; group: boolean }>> {
  const grid = await waitFor(view, GRID, 20_000);
  return grid!.evaluate((element) =>
    [...element.querySelectorAll('[role="rowgroup"]:last-child > [role="row"]')]
      .map((row) => ({ index: row.getAttribute('aria-rowindex') ?? '', text: row.textContent ?? '', group: row.classList.contains('fw-row-group') }))
      .sort((a, b) => Number(a.index) - Number(b.index)),
  );
}

/** By role and accessible name, through the accessibility tree (which also sees into the overlay's shadow root). */
async function byName(view: View, role: string, name: string, timeout = 10_000) {
  const deadline = Date.now() + timeout;
  for (;;) {
    const handle = await view.page.$(`::-p-aria([name="${name}"][role="${role}"])`);
    if (handle) return handle;
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${role} "${name}"`);
    await new Promise((resolve) => setTimeout(resolve, 150));
  }
}

const click = async (view: View, selector: string) => (await waitFor(view, selector)).click();

async function seriousViolations(view: View, include: string) {
  const results = await new AxePuppeteer(view.page).include(include).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
  return results.violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).slice(0, 3).join(', ')}`);
}

describe('panel: the supervisor panel in Swedish, in the overlay and the side panel', () => {
  let h: Harness;
  let overlay: View;

  beforeAll(async () => {
    h = await startHarness({ scenario: 'typical', locale: 'sv' });
    await h.page.setViewport({ width: 1400, height: 900 });
    overlay = overlayOf(h.page);
    await waitFor(overlay, `${GRID} [role="row"][aria-rowindex="2"]`, 30_000);
    await h.control('clock', { paused: true });
  });
  afterAll(async () => {
    await h?.close();
  });

  it('shows the live floor in Swedish: freshness, queue tiles, a grid of every ongoing conversation', async () => {
    await waitFor(overlay, '::-p-text(Live · uppdaterad)');
    const queues = await h.page.$$eval(overlay.at('[role="region"][aria-label="Köer"] h2'), (titles) => titles.map((title) => title.textContent ?? ''));
    expect(queues.length).toBeGreaterThan(0);
    // One row per ongoing conversation in the supervised queues (the tiles), as the emulator counts them.
    const state = await h.control<{ conversations: { byQueue: Record<string, number> } }>('state');
    const expected = queues.reduce((sum, queue) => sum + (state.conversations.byQueue[queue] ?? 0), 0);
    const grid = await h.page.$(overlay.at(GRID));
    expect(Number(await grid!.evaluate((element) => element.getAttribute('aria-rowcount')))).toBe(expected + 1);
    expect((await rows(overlay))[0]!.text).toMatch(/Öppen|Aktiv|Väntar|Avslutning/);
  });

  it('sorts by a column from its header', async () => {
    await click(overlay, `${GRID} [role="columnheader"] button::-p-text(Kund / ämne)`);
    const header = await h.page.$(overlay.at(`${GRID} [role="columnheader"][aria-sort]`));
    expect(await header!.evaluate((element) => [element.textContent, element.getAttribute('aria-sort')])).toEqual([
      expect.stringContaining('Kund / ämne'),
      'ascending',
    ]);
    const names = await h.page.$$eval(overlay.at(`${GRID} [role="row"] .fw-customer .fw-strong`), (elements) =>
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
    const name = await h.page.$eval(overlay.at(`${GRID} [aria-rowindex="2"] .fw-strong`), (element) => element.textContent ?? '');
    expect(first).toContain(name);
    const search = await waitFor(overlay, 'input[type="search"][aria-label="Sök konversationer"]');
    await search!.type(name);
    const found = await rows(overlay);
    expect(found.length).toBeGreaterThan(0);
    for (const row of found) expect(row.text.toLowerCase()).toContain(name.toLowerCase());
    await search!.click({ count: 3 });
    await h.page.keyboard.press('Backspace');
  });

  it('groups by queue, with a heading row per queue', async () => {
    const select = await byName(overlay, 'combobox', 'Gruppera efter');
    await select.select('queue');
    const grouped = await rows(overlay);
    expect(grouped[0]!.group).toBe(true);
    expect(grouped.filter((row) => row.group).length).toBeGreaterThan(1);
    await select.select('none');
  });

  it('saves a view and restores it, also after a reload', async () => {
    const unassigned = overlay.at('button[aria-pressed]::-p-text(Inte tilldelade)');
    await click(overlay, 'button[aria-pressed]::-p-text(Inte tilldelade)');
    await click(overlay, 'button::-p-text(Spara vy…)');
    const name = await byName(overlay, 'textbox', 'Vyns namn');
    await name.type('Otilldelade');
    await click(overlay, 'button[type="submit"]::-p-text(Spara)');
    await waitFor(overlay, 'option::-p-text(Otilldelade)');
    await click(overlay, 'button[aria-pressed="true"]::-p-text(Inte tilldelade)');
    expect(await h.page.$eval(unassigned, (element) => element.getAttribute('aria-pressed'))).toBe('false');

    await h.page.reload();
    await waitFor(overlay, `${GRID} [role="row"][aria-rowindex="2"]`, 30_000);
    const views = await byName(overlay, 'combobox', 'Sparade vyer');
    await waitFor(overlay, 'option::-p-text(Otilldelade)');
    await views.select('Otilldelade');
    expect(await h.page.$eval(unassigned, (element) => element.getAttribute('aria-pressed'))).toBe('true');
    for (const row of await rows(overlay)) expect(row.text).toContain('Inte tilldelad');
    await click(overlay, 'button[aria-pressed="true"]::-p-text(Inte tilldelade)');
  });

  it('works with the keyboard alone: move, details, shortcut sheet, command palette', async () => {
    const grid = (await h.page.$(overlay.at(GRID)))!;
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
    expect(await dialog!.evaluate((element) => element.textContent)).toContain('Konversations-ID');
    await h.page.keyboard.press('Escape');
    await h.page.waitForFunction(
      () => !document.querySelector('floorwalker-panel')?.shadowRoot?.querySelector('dialog[open]'),
      { timeout: 5000 },
    );
    expect(await grid.evaluate((element) => (element.getRootNode() as ShadowRoot).activeElement === element)).toBe(true);

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
    await waitFor(overlay, 'table ::-p-text(Närvaro)');
    await h.page.keyboard.press('/');
    await waitFor(overlay, '[role="tab"][aria-selected="true"]::-p-text(Konversationer)');
    const focused = await h.page.$eval('floorwalker-panel', (host) => host.shadowRoot?.activeElement?.getAttribute('type'));
    expect(focused).toBe('search');
  });

  it('has no serious or critical axe violations in the overlay', async () => {
    expect(await seriousViolations(overlay, 'floorwalker-panel')).toEqual([]);
  });

  it('collapses to a launcher and opens again', async () => {
    await click(overlay, 'button::-p-text(Fäll ihop)');
    await click(overlay, 'button::-p-text(Öppna Floorwalker)');
    await waitFor(overlay, GRID);
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
    const select = await byName(side, 'combobox', 'Gruppera efter');
    await select.select('agent');
    expect((await rows(side))[0]!.group).toBe(true);
    await select.select('none');
    expect(await seriousViolations(side, 'body')).toEqual([]);
    // Dark colours (the browser's scheme) must keep AA contrast too.
    await page.emulateMediaFeatures([{ name: 'prefers-color-scheme', value: 'dark' }]);
    expect(await seriousViolations(side, 'body')).toEqual([]);
    await page.close();
  });
});
