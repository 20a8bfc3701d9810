import type { Frame, Page } from 'puppeteer';

/** A conversation's details dialog (Enter on a row), with its actions. */
export const DETAILS = 'dialog[open]:has(.fw-actions)';
/** An action's own dialog (confirmation, picker) over the details. */
export const ACTION_DIALOG = 'dialog.fw-action-dialog[open]';
const SEARCH = 'input[aria-label="Search conversations"]';

/**
 * Drives the panel's conversation details the way a supervisor does, in English: search for a conversation, open
 * its details, press its actions, read what they say. `root` is the panel's document (the side panel page, or the
 * overlay's frame in a workspace tab); `page` is the tab that takes the keys.
 */
export function detailsDriver(page: Page, root: Page | Frame) {
  const waitForText = (selector: string, text: string, timeout = 15_000) =>
    root
      .waitForFunction(
        (s, t) => [...document.querySelectorAll(s)].some((e) => e.textContent?.includes(t)),
        { timeout, polling: 100 },
        selector,
        text,
      )
      .catch(async (error: Error) => {
        const shown = await root.$$eval(selector, (elements) => elements.map((e) => e.textContent ?? '')).catch(() => []);
        throw new Error(`${error.message}; waited for "${text}", ${selector} shows ${JSON.stringify(shown)}`);
      });

  /** Escape closes the top dialog; a check that failed midway may have left an action dialog over the details. */
  async function closeDetails(): Promise<void> {
    for (let i = 0; i < 3 && (await root.$('dialog[open]')); i++) {
      await page.keyboard.press('Escape');
      await new Promise((r) => setTimeout(r, 100));
    }
    await root.waitForFunction(() => !document.querySelector('dialog[open]'), { polling: 100 });
  }

  async function openRow(id: string): Promise<void> {
    await closeDetails();
    await root.waitForSelector(SEARCH, { timeout: 20_000 });
    // Replace the search text the way typing does (an input event), whatever has focus after the last dialog.
    await root.$eval(
      SEARCH,
      (input, value) => {
        const field = input;
        Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!.call(field, value);
        field.dispatchEvent(new Event('input', { bubbles: true }));
      },
      id,
    );
    const row = await root.waitForSelector(`#fw-row-${id}`, { timeout: 15_000 }).catch(async (error: Error) => {
      const seen = await root.evaluate(() => ({
        search: document.querySelector<HTMLInputElement>('input[aria-label="Search conversations"]')?.value,
        rows: document.querySelectorAll('[role="row"]').length,
        header: document.querySelector('header')?.textContent,
      }));
      throw new Error(`${error.message}; the panel shows ${JSON.stringify(seen)}`);
    });
    await row!.click();
    await root.waitForSelector(DETAILS, { timeout: 5000 }).catch(async (error: Error) => {
      const dialogs = await root.evaluate(() =>
        [...document.querySelectorAll('dialog')].map((d) => `${d.open}:${d.className}:${d.textContent?.slice(0, 80)}`),
      );
      throw new Error(`${error.message}; dialogs ${JSON.stringify(dialogs)}`);
    });
  }

  return {
    waitForText,
    openRow,
    closeDetails,
    click: async (scope: string, name: string) => (await root.waitForSelector(`${scope} button::-p-text(${name})`))!.click(),
    textOf: (selector: string) => root.$eval(selector, (e) => e.textContent ?? ''),
    /** Whether an action of the open details is disabled, and the words tied to its button. */
    disabledReason: (requested: string) =>
      root.$eval(`${DETAILS} [data-action="${requested}"]`, (button) => ({
        disabled: button.getAttribute('aria-disabled') === 'true',
        reason: (button.getAttribute('aria-describedby') ?? '')
          .split(' ')
          .map((id) => document.getElementById(id)?.textContent ?? '')
          .join(' '),
      })),
  };
}
