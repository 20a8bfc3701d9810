import type { Page } from 'puppeteer';
import { button, closeDialogs, rowSelector, search, waitForText, type Root } from './screen';

/** A conversation's details dialog (Enter on a row), with its actions. */
export const DETAILS = 'dialog[open]:has(.fw-actions)';
/** An action's own dialog (confirmation, picker) over the details. */
export const ACTION_DIALOG = 'dialog.fw-action-dialog[open]';
/** Where the details say how the last action went (pending, done, failed, and why). */
export const LIFECYCLE = `${DETAILS} .fw-actions-lifecycle`;

/**
 * Drives the panel's conversation details the way a supervisor does, in English: search for a conversation, open
 * its details, press its actions, read what they say. `root` is the panel's document (the side panel page, or the
 * overlay's frame in a workspace tab); `page` is the tab that takes the keys.
 */
export function detailsDriver(page: Page, root: Root) {
  /** Escape closes the top dialog; a check that failed midway may have left an action dialog over the details. */
  const closeDetails = () => closeDialogs(root, page);

  async function openRow(id: string): Promise<void> {
    await closeDetails();
    await search(root, id);
    const row = await root.waitForSelector(rowSelector(id), { timeout: 30_000 }).catch(async (error: Error) => {
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

  /** The agent picked in the action dialog's list of candidates: its id (the radio's value) and name. */
  const pickedCandidate = () =>
    root.$eval(`${ACTION_DIALOG} .fw-candidates input[type="radio"]:checked`, (radio) => ({
      id: radio.value,
      name: radio.closest('label')?.querySelector('.fw-candidate-name')?.textContent ?? '',
    }));

  /** Transfers the conversation to the agent the dialog picks first; returns that agent. */
  async function transfer(id: string): Promise<{ id: string; name: string }> {
    await openRow(id);
    await (await button(root, DETAILS, 'Transfer')).click();
    await root.waitForSelector(`${ACTION_DIALOG} .fw-candidates input[type="radio"]:checked`);
    const target = await pickedCandidate();
    await (await button(root, ACTION_DIALOG, 'Transfer')).click();
    return target;
  }

  return {
    waitForText: (selector: string, text: string, timeout?: number) => waitForText(root, selector, text, timeout),
    openRow,
    closeDetails,
    click: async (scope: string, name: string) => (await button(root, scope, name)).click(),
    textOf: (selector: string) => root.$eval(selector, (e) => e.textContent ?? ''),
    pickedCandidate,
    transfer,
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
