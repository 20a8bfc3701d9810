import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { AxePuppeteer } from '@axe-core/puppeteer';
import type { Page } from 'puppeteer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from './harness';

/*
 * The side panel at its usual narrowest, 360 px, over the emulator's typical floor with live traffic: everything a
 * supervisor scans fits without sideways scrolling, the header is one line, alerts start folded, keyboard and
 * screen-reader users get there too, the Swedish UI has no English left, and the queue sparklines show what the
 * run observed. One browser and one emulator for the file.
 */

const WIDTH = 360;
const GRID = '[role="grid"]';

type Catalog = Record<string, { message: string }>;
const catalog = (language: string): Catalog =>
  Object.assign(
    {},
    ...readdirSync(join(import.meta.dirname, '../../lib/i18n/catalog', language)).map(
      (file) => JSON.parse(readFileSync(join(import.meta.dirname, '../../lib/i18n/catalog', language, file), 'utf8')) as Catalog,
    ),
  );

/**
 * The English phrases the Swedish UI must not show: each message's literal parts (around $1…$9) that hold a word
 * of three letters or more and that the Swedish catalog does not use as well (brand and channel names are the same).
 */
function englishPhrases(): string[] {
  const en = catalog('en');
  const sv = catalog('sv');
  const phrases = new Set<string>();
  for (const [key, { message }] of Object.entries(en)) {
    const swedish = sv[key]?.message ?? '';
    for (const part of message.split(/\$\d/)) {
      const phrase = part.trim().replace(/^[^\p{L}]+|[^\p{L}]+$/gu, '');
      if (!/\p{L}{3,}/u.test(phrase) || swedish.includes(phrase)) continue;
      phrases.add(phrase);
    }
  }
  return [...phrases];
}

describe('side panel at 360 px: the floor at a glance', () => {
  let h: Harness;
  let sp: Page;

  beforeAll(async () => {
    h = await startHarness({ scenario: 'typical' });
    sp = await h.openSidePanel();
    await sp.setViewport({ width: WIDTH, height: 800 });
    await sp.waitForSelector(`${GRID} [role="row"][aria-rowindex="2"]`, { timeout: 30_000 });
  });
  afterAll(async () => {
    await h?.close();
  });

  it('shows every visible row’s customer, status, wait, agent and queue inside the viewport, with no sideways scrolling', async () => {
    const seen = await sp.evaluate((width) => {
      const grid = document.querySelector<HTMLElement>('[role="grid"]')!;
      const box = grid.getBoundingClientRect();
      const rows = [...grid.querySelectorAll<HTMLElement>('.fw-grid-body [role="row"]:not(.fw-row-group)')].filter((row) => {
        const rect = row.getBoundingClientRect();
        return rect.top >= box.top && rect.bottom <= Math.min(box.bottom, window.innerHeight);
      });
      const problems: string[] = [];
      for (const row of rows) {
        for (const part of ['customer', 'status', 'wait', 'agent', 'queue']) {
          const cell = row.querySelector<HTMLElement>(`.fw-cell-${part}`);
          const rect = cell?.getBoundingClientRect();
          const text = cell?.innerText.trim() ?? '';
          if (!cell || !rect || !text) problems.push(`${row.id} ${part}: missing`);
          else if (rect.left < 0 || rect.right > width) problems.push(`${row.id} ${part}: outside (${rect.left}–${rect.right})`);
          else if (cell.scrollWidth > cell.clientWidth + 1) problems.push(`${row.id} ${part}: cut off ("${text}")`);
        }
      }
      return {
        rows: rows.length,
        problems,
        pageScroll: document.documentElement.scrollWidth,
        gridScroll: grid.scrollWidth - grid.clientWidth,
      };
    }, WIDTH);
    expect(seen.rows).toBeGreaterThanOrEqual(6);
    expect(seen.problems).toEqual([]);
    expect(seen.pageScroll).toBeLessThanOrEqual(WIDTH);
    expect(seen.gridScroll).toBeLessThanOrEqual(0);
  });

  it('says how many conversations the list shows, in sight without scrolling the quick filters sideways', async () => {
    const count = await sp.$eval('.fw-chips .fw-count', (element) => {
      const rect = element.getBoundingClientRect();
      const row = element.parentElement!.getBoundingClientRect();
      const top = document.elementFromPoint(rect.left + rect.width / 2, rect.top + rect.height / 2);
      return { text: element.textContent ?? '', left: rect.left, right: rect.right, rowRight: row.right, onTop: top === element };
    });
    expect(count.text).toMatch(/^Showing [\d,]+ of [\d,]+$/);
    expect(count.left).toBeGreaterThanOrEqual(0);
    expect(count.right).toBeLessThanOrEqual(Math.min(WIDTH, count.rowRight) + 0.5);
    // Not under a chip or cut off by the row: the point at its middle is the count itself.
    expect(count.onTop).toBe(true);
  });

  it('has a one-line header with named icon buttons, and the alerts folded to one line', async () => {
    const header = await sp.$eval('.fw-header', (element) => {
      const shown = [...element.querySelectorAll<HTMLElement>('h1, .fw-freshness, button, summary')].filter((child) =>
        child.checkVisibility(),
      );
      const middles = shown.map((child) => child.getBoundingClientRect().top + child.getBoundingClientRect().height / 2);
      const icons = shown.filter((child) => child.matches('button, summary'));
      return {
        height: element.getBoundingClientRect().height,
        spread: Math.max(...middles) - Math.min(...middles),
        names: [...element.querySelectorAll('button, summary')].map((button) => (button.textContent ?? '').trim()),
        tooltips: icons.length === 4 && icons.every((button) => (button.getAttribute('title') ?? '') === (button.textContent ?? '').trim()),
      };
    });
    expect(header.height).toBeLessThanOrEqual(48);
    expect(header.spread).toBeLessThanOrEqual(4);
    expect(header.names).toEqual(['Pause', 'Refresh', 'Commands', 'More', 'Keyboard shortcuts', 'Diagnostics']);
    expect(header.tooltips).toBe(true);

    const toggle = (await sp.waitForSelector('.fw-alerts-toggle'))!;
    expect(await toggle.evaluate((button) => button.getAttribute('aria-expanded'))).toBe('false');
    expect(await sp.$$('.fw-alert')).toHaveLength(0);
    const line = await toggle.evaluate((button) => ({ text: button.textContent ?? '', height: button.getBoundingClientRect().height }));
    expect(line.text).toMatch(/^(No alerts|1 alert|\d+ alerts)/);
    expect(line.height).toBeLessThanOrEqual(28);
    // Opened on demand, the alerts are there in words.
    await toggle.click();
    await sp.waitForSelector('#fw-alerts-body');
    await toggle.click();
    await sp.waitForFunction(() => !document.querySelector('#fw-alerts-body'));
  });

  it('has no serious or critical axe violations, light and dark', async () => {
    for (const scheme of ['light', 'dark'] as const) {
      await sp.emulateMediaFeatures([{ name: 'prefers-color-scheme', value: scheme }]);
      const results = await new AxePuppeteer(sp)
        .include('body')
        .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'])
        .analyze();
      const serious = results.violations
        .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
        .map(
          (violation) =>
            `${scheme} ${violation.id}: ${violation.nodes
              .map((node) => node.target.join(' '))
              .slice(0, 3)
              .join(', ')}`,
        );
      expect(serious).toEqual([]);
    }
    await sp.emulateMediaFeatures([{ name: 'prefers-color-scheme', value: 'light' }]);
    // Two full axe passes over a live page on a shared two-core machine.
  }, 150_000);

  it('Tab goes from the header to the search box to the list, and from a row’s details to its actions', async () => {
    // Start where a user would: a click on the panel's title (not a control) puts the Tab start at the top.
    await sp.click('.fw-title');
    const stops: string[] = [];
    for (let step = 0; step < 40; step += 1) {
      await sp.keyboard.press('Tab');
      const stop = await sp.evaluate(() => {
        const element = document.activeElement as HTMLElement | null;
        if (!element) return '';
        return element.getAttribute('role') === 'grid'
          ? 'grid'
          : `${element.localName}:${element.getAttribute('aria-label') ?? element.textContent?.trim() ?? ''}`;
      });
      stops.push(stop);
      if (stop === 'grid') break;
    }
    const at = (stop: string) => stops.findIndex((entry) => entry.startsWith(stop));
    expect(at('button:Pause')).toBeGreaterThanOrEqual(0);
    expect(at('input:Search conversations')).toBeGreaterThan(at('button:Pause'));
    expect(at('grid')).toBeGreaterThan(at('input:Search conversations'));
    // The list is one tab stop, not one per row.
    expect(stops.length).toBeLessThan(30);

    await sp.keyboard.press('ArrowDown');
    await sp.keyboard.press('Enter');
    await sp.waitForSelector('dialog[open]');
    const reached: string[] = [];
    for (let step = 0; step < 12; step += 1) {
      await sp.keyboard.press('Tab');
      reached.push(await sp.evaluate(() => (document.activeElement?.textContent ?? '').trim()));
    }
    expect(reached.some((name) => /^(Monitor|Assign|Transfer|Force close)/.test(name))).toBe(true);
    await sp.keyboard.press('Escape');
    await sp.waitForFunction(() => !document.querySelector('dialog[open]'));
  });

  it('draws each queue’s last hour: after two minutes of traffic Billing’s sparkline has samples and names the waiting count', async () => {
    const billing = '.fw-tile[data-queue="Billing"]';
    await sp.waitForFunction(
      (tile) => Number(document.querySelector(`${tile} svg[role="img"]`)?.getAttribute('data-samples') ?? 0) >= 2,
      { timeout: 150_000, polling: 1_000 },
      billing,
    );
    const tile = await sp.$eval(billing, (element) => ({
      shown: element.querySelector('.fw-tile-figures [aria-hidden="true"] .fw-strong')?.textContent ?? '',
      words: element.querySelector('svg[role="img"]')?.getAttribute('aria-label') ?? '',
      lines: element.querySelectorAll('svg polyline').length,
    }));
    const waiting = /^(\d+) waiting$/.exec(tile.shown)?.[1];
    expect(waiting).toBeDefined();
    expect(tile.words).toContain(`Billing, last 60 minutes: ${waiting} waiting now`);
    expect(tile.lines).toBe(2);
    // The agents view draws each agent's hour too, with words.
    await (await sp.waitForSelector('[role="tab"]::-p-text(Agents)'))!.click();
    const timeline = await sp.waitForSelector('.fw-agent-card svg.fw-timeline[aria-label^="Last hour: "]');
    expect(await timeline!.evaluate((svg) => svg.getAttribute('aria-label'))).toMatch(/^Last hour: .+ \d/);
    // …as a card per agent at this width: every line inside the panel, nothing to scroll sideways.
    const agents = await sp.evaluate((width) => {
      const list = document.querySelector<HTMLElement>('.fw-agent-cards')!;
      const cards = [...list.querySelectorAll<HTMLElement>('.fw-agent-card')];
      const outside = cards.flatMap((card) =>
        [...card.querySelectorAll<HTMLElement | SVGElement>('.fw-agent-line, svg')]
          .filter((part) => part.getBoundingClientRect().left < 0 || part.getBoundingClientRect().right > width)
          .map((part) => part.textContent ?? ''),
      );
      const scrolls = [list, list.parentElement!, document.documentElement].map((element) => element.scrollWidth - element.clientWidth);
      return { cards: cards.length, outside, scrolls, first: cards[0]?.innerText ?? '' };
    }, WIDTH);
    expect(agents.cards).toBeGreaterThan(5);
    expect(agents.outside).toEqual([]);
    expect(Math.max(...agents.scrolls)).toBeLessThanOrEqual(0);
    expect(agents.first).toMatch(/Conversations: \d+ · Queues: \S/);
    await (await sp.waitForSelector('[role="tab"]::-p-text(Conversations)'))!.click();
  }, 180_000);

  it('in Swedish, leaves no English words on screen, in menus or in names', async () => {
    await sp.evaluate(async () => {
      const api = (
        globalThis as unknown as {
          chrome: { storage: { sync: { set(v: unknown): Promise<void> } }; runtime: { sendMessage(m: unknown): Promise<unknown> } };
        }
      ).chrome;
      await api.storage.sync.set({ settings: { language: 'sv' } });
      await api.runtime.sendMessage({ type: 'settingsChanged' });
    });
    await sp.waitForSelector(`${GRID}[aria-label="Pågående konversationer"]`, { timeout: 20_000 });
    // Open the menus, so their words are on screen too.
    for (const summary of await sp.$$('summary')) await summary.evaluate((element) => element.parentElement?.setAttribute('open', ''));
    await (await sp.waitForSelector('.fw-alerts-toggle'))!.click();
    const { text, data } = await sp.evaluate(() => {
      const parts: string[] = [];
      const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
      while (walker.nextNode())
        if (walker.currentNode.parentElement?.localName !== 'style') parts.push(walker.currentNode.textContent ?? '');
      for (const element of document.body.querySelectorAll('[aria-label], [title], [placeholder]')) {
        for (const name of ['aria-label', 'title', 'placeholder']) parts.push(element.getAttribute(name) ?? '');
      }
      // The org's own data (people, queues, subjects) is not ours to translate.
      const data = [...document.querySelectorAll('.fw-cell-customer, .fw-cell-agent, .fw-cell-queue, .fw-tile-title, option')]
        .map((element) => (element as HTMLElement).innerText.trim())
        .concat([...document.querySelectorAll('.fw-tile')].map((tile) => tile.getAttribute('data-queue') ?? ''))
        .filter((value) => value.length > 0);
      return { text: parts.join(' \n '), data };
    });
    let stripped = text;
    for (const value of [...new Set(data)].sort((a, b) => b.length - a.length)) stripped = stripped.split(value).join(' ');
    const left = englishPhrases().filter((phrase) =>
      new RegExp(`(^|[^\\p{L}])${phrase.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}($|[^\\p{L}])`, 'u').test(stripped),
    );
    const context = left.map((phrase) =>
      stripped.slice(Math.max(0, stripped.indexOf(phrase) - 60), stripped.indexOf(phrase) + 60).replace(/\s+/g, ' '),
    );
    expect(context).toEqual([]);
  });
});
