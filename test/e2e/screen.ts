/**
 * What a supervisor sees, read the way they read it: the panel's document in the side panel (a page) or in the
 * overlay (a frame in the workspace tab, from `h.overlay()`). Typing goes through the tab's keyboard, as a user's.
 */
import type { ElementHandle, Frame, Page } from 'puppeteer';

/** The panel's document: the side panel page or the overlay's frame. */
export type Root = Page | Frame;

const SEARCH = 'input[type="search"][aria-label="Search conversations"]';

/** The grid row of one conversation. */
export const rowSelector = (id: string) => `#fw-row-${id}`;

/** The columns a row shows (class fw-cell-<column>), with their text as on screen. */
export type Cells = Partial<
  Record<'customer' | 'subject' | 'status' | 'agent' | 'queue' | 'channel' | 'wait' | 'handle' | 'sentiment' | 'transfers', string>
>;

/**
 * A row as it is on screen: its cells, and whether the grid lays it out as a narrow panel's two-line row (its grid
 * carries fw-grid-narrow), which shows a fixed set of columns whatever the supervisor chose.
 */
export type ShownRow = Cells & { twoLine: boolean };

/** Polls `read` until `test` holds; on timeout says what it last read. Survives navigations underneath. */
export async function until<T>(
  read: () => Promise<T>,
  test: (value: T) => boolean,
  what: string,
  timeout = 20_000,
  every = 200,
): Promise<T> {
  const deadline = Date.now() + timeout;
  for (;;) {
    const value = await read();
    if (test(value)) return value;
    if (Date.now() > deadline)
      throw new Error(`Timed out after ${timeout} ms waiting for ${what}; last seen: ${JSON.stringify(value)?.slice(0, 800)}`);
    await new Promise((resolve) => setTimeout(resolve, every));
  }
}

/** The tab the panel's document is in. */
const tabOf = (root: Root): Page => ('mainFrame' in root ? root : root.page());

/**
 * Brings the panel's tab to the front, as a user looks at it: a background tab gets no animation frames (rendering
 * waits for them) and no focus. Shown again, a view gets the changes the worker held for it; two frames let that
 * render settle before anything is clicked, as it has for a person by the time they reach for the mouse. The tab's
 * own page draws two frames too: the browser routes a click by what the page last drew, and a page changed while
 * it was behind (frames taken out) would otherwise send the first click to where those frames were.
 */
export async function look(root: Root): Promise<void> {
  const tab = tabOf(root);
  await tab.bringToFront();
  await root.waitForFunction(() => document.visibilityState === 'visible', { polling: 50, timeout: 5_000 });
  for (const frame of root === tab ? [tab.mainFrame()] : [tab.mainFrame(), root as Frame])
    await frame.evaluate(() => new Promise<void>((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve()))));
}

/**
 * Looks at a view and waits for its first rows. A view whose tab was behind (another tab opened after it) gets the
 * rows that came as changes meanwhile only when it is looked at.
 */
export async function lookAtRows(root: Root): Promise<void> {
  await look(root);
  await root.waitForSelector('[role="grid"] [role="row"][aria-rowindex="2"]', { timeout: 30_000 });
}

/** Replaces the search text as a user does: select what is there, type over it. */
export async function search(root: Root, text: string): Promise<void> {
  await look(root);
  const box = (await root.waitForSelector(SEARCH, { timeout: 20_000 }))!;
  await box.click({ count: 3 });
  await box.press('Backspace');
  if (text) await box.type(text);
  await root.waitForFunction((s, t) => document.querySelector<HTMLInputElement>(s)?.value === t, { polling: 100 }, SEARCH, text);
}

/** One row's cells by column, and its layout; null when the row is not on screen. */
export async function rowCells(root: Root, id: string): Promise<ShownRow | null> {
  return root.evaluate((selector) => {
    const row = document.querySelector(selector);
    if (!row) return null;
    const cells: Record<string, string> = {};
    for (const cell of row.querySelectorAll('[role="gridcell"]')) {
      const column = [...cell.classList].find((name) => name.startsWith('fw-cell-'))?.slice('fw-cell-'.length);
      if (!column) continue;
      if (column === 'customer') {
        cells.customer = cell.querySelector('.fw-strong')?.textContent ?? '';
        // A wide row shows the subject beside the customer; a narrow one gives it to screen readers (and its tooltip).
        const hidden = cell.querySelector('.fw-customer > .fw-visually-hidden')?.textContent?.replace(/^, /, '');
        cells.subject = cell.querySelector('.fw-subject')?.textContent ?? hidden ?? '';
      } else {
        // Words for screen readers only ("(past the warning)") are not what the cell reads as on screen.
        const copy = cell.cloneNode(true) as HTMLElement;
        copy.querySelectorAll('.fw-visually-hidden, [aria-hidden="true"]').forEach((hidden) => hidden.remove());
        cells[column] = (copy.textContent ?? '').trim();
      }
    }
    return { ...cells, twoLine: !!row.closest('[role="grid"].fw-grid-narrow') };
  }, rowSelector(id));
}

/** The number of conversations the grid says it lists (aria-rowcount less the header row). */
export const gridRowCount = (root: Root) => root.$eval('[role="grid"]', (grid) => Number(grid.getAttribute('aria-rowcount')) - 1);

/** Waits until an element matching `selector` contains `text`; on timeout says what those elements showed. */
export async function waitForText(root: Root, selector: string, text: string, timeout = 20_000): Promise<void> {
  try {
    await root.waitForFunction(
      (s, t) => [...document.querySelectorAll(s)].some((e) => e.textContent?.includes(t)),
      { timeout, polling: 100 },
      selector,
      text,
    );
  } catch (error) {
    const seen = await root.$$eval(selector, (elements) => elements.map((e) => e.textContent).join(' | ')).catch(() => '(gone)');
    throw new Error(`"${text}" not in ${selector}; it shows: ${seen.slice(0, 600)}`, { cause: error });
  }
}

/** A button by its visible words inside `scope`. */
export const button = async (root: Root, scope: string, name: string): Promise<ElementHandle<Element>> =>
  (await root.waitForSelector(`${scope} button::-p-text(${name})`, { timeout: 20_000 }))!;

/** Escape closes the top dialog: press it until none is open, each time waiting for one to close. */
export async function closeDialogs(root: Root, tab: Page): Promise<void> {
  const open = () => root.$$eval('dialog[open]', (dialogs) => dialogs.length);
  for (let count = await open(); count > 0; count = await open()) {
    await tab.keyboard.press('Escape');
    await root.waitForFunction((n) => document.querySelectorAll('dialog[open]').length < n, { timeout: 5_000, polling: 100 }, count);
  }
}

/** Parses a wait or handle time as the grid shows it ("0:42", "12:05", "1:02:05") into seconds. */
export function clockSeconds(text: string): number {
  const parts = text.trim().split(':').map(Number);
  if (parts.length < 2 || parts.some((part) => !Number.isInteger(part))) throw new Error(`Not a clock reading: "${text}"`);
  return parts.reduce((total, part) => total * 60 + part, 0);
}

/**
 * Every row of the grid with its cells, read as a user would see them all: scrolling the grid from top to bottom
 * (it renders only the rows in view).
 */
export async function allRows(root: Root): Promise<Map<string, ShownRow>> {
  const rows = new Map<string, ShownRow>();
  await look(root);
  const grid = (await root.waitForSelector('[role="grid"]'))!;
  const { scrollHeight, clientHeight } = await grid.evaluate((element) => ({
    scrollHeight: element.scrollHeight,
    clientHeight: element.clientHeight,
  }));
  for (let top = 0; ; top += Math.max(40, Math.floor(clientHeight / 2))) {
    await grid.evaluate((element, to) => {
      element.scrollTop = to;
      element.dispatchEvent(new Event('scroll'));
    }, top);
    // The grid re-renders the rows in view on the next frame.
    await root.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
    const ids = await root.$$eval('[role="grid"] [role="row"][id^="fw-row-"]', (found) =>
      found.map((row) => row.id.slice('fw-row-'.length)),
    );
    for (const id of ids) if (!rows.has(id)) rows.set(id, (await rowCells(root, id))!);
    if (top + clientHeight >= scrollHeight) break;
  }
  await grid.evaluate((element) => {
    element.scrollTop = 0;
  });
  return rows;
}
