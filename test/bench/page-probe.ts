/**
 * The bench's instrument in the extension's own pages (the overlay's frame, side panel tabs), installed before
 * their scripts run. A MutationObserver on the whole document notes, at the moment the DOM changes: each new count
 * of rows the grid shows, and when a watched change (a row's new text, an agent's new presence, a pending transfer)
 * is first in the DOM. A PerformanceObserver keeps every long task. Times are epoch ms (Date.now in the page and in
 * the bench share the machine's clock).
 *
 * The functions below run in the page: keep them self-contained.
 */
import type { Frame, Page } from 'puppeteer';

export type Watch =
  /** The conversation's row contains `text`. */
  | { kind: 'row'; id: string; text: string }
  /** The agent's entry in the agents view (table row, or card in a narrow panel) contains `text`. */
  | { kind: 'agent'; name: string; text: string }
  /** The conversation's row, or the open details dialog (opened on that row), contains `text`. */
  | { kind: 'pending'; id: string; text: string };

export interface RowCount {
  at: number;
  rows: number;
}

interface ProbeState {
  longTasks: { start: number; duration: number }[];
  /** Every change of the number of conversations the grid says it holds (aria-rowcount less the header row). */
  rowCounts: RowCount[];
  watches: Record<string, Watch>;
  seen: Record<string, number>;
  check(): void;
}

type ProbeWindow = { __fwBench?: ProbeState };

/** Installed with evaluateOnNewDocument in every frame; acts only in the extension's pages. */
function installProbe(): void {
  if (location.protocol !== 'chrome-extension:') return;
  const longTasks: ProbeState['longTasks'] = [];
  const agentRows = new Map<string, Element>();
  const rowOf = (id: string) => document.getElementById(`fw-row-${id.replace(/[^A-Za-z0-9_-]/g, '_')}`);
  const agentRow = (name: string) => {
    const known = agentRows.get(name);
    if (known?.isConnected) return known;
    // The agent's table row, or their card in a narrow panel: the entry around the name.
    const found = [...document.querySelectorAll('.fw-agent-name')]
      .find((element) => {
        const shown = element.textContent?.trim() ?? '';
        return shown === name || shown.startsWith(`${name} `);
      })
      ?.closest('tr, li');
    if (found) agentRows.set(name, found);
    return found;
  };
  const contains = (element: Element | null | undefined, text: string) => Boolean(element?.textContent?.includes(text));
  const shows = (watch: Watch) => {
    switch (watch.kind) {
      case 'row':
        return contains(rowOf(watch.id), watch.text);
      case 'agent':
        return contains(agentRow(watch.name), watch.text);
      case 'pending':
        return (
          contains(rowOf(watch.id), watch.text) ||
          [...document.querySelectorAll('dialog[open]')].some((dialog) => contains(dialog, watch.text))
        );
    }
  };
  let lastRows = 0;
  const state: ProbeState = {
    longTasks,
    rowCounts: [],
    watches: {},
    seen: {},
    check() {
      const now = Date.now();
      const grid = document.querySelector('[role="grid"]');
      const rows = grid?.querySelector('[role="row"][id^="fw-row-"]') ? Number(grid.getAttribute('aria-rowcount')) - 1 : 0;
      if (rows !== lastRows) {
        state.rowCounts.push({ at: now, rows });
        lastRows = rows;
      }
      for (const [key, watch] of Object.entries(state.watches)) {
        if (!shows(watch)) continue;
        state.seen[key] = now;
        delete state.watches[key];
      }
    },
  };
  (window as ProbeWindow).__fwBench = state;
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) longTasks.push({ start: performance.timeOrigin + entry.startTime, duration: entry.duration });
  }).observe({ type: 'longtask', buffered: true });
  new MutationObserver(() => state.check()).observe(document, { subtree: true, childList: true, characterData: true, attributes: true });
}

/** esbuild (tsx) names functions with a helper the page does not have; functions sent to a page need it. */
const NAME_HELPER = 'globalThis.__name ??= (fn) => fn;';

/** Puts the probe into every extension document `page` loads from now on (its frames included). */
export async function probeEveryDocument(page: Page): Promise<void> {
  await page.evaluateOnNewDocument(NAME_HELPER);
  await page.evaluateOnNewDocument(installProbe);
}

/**
 * The probe in one document, seen from the bench. Each call is one self-contained function run in the page (an
 * extension page's policy forbids eval, so nothing is shared between them but the probe's state).
 */
export class Probe {
  constructor(private readonly document: Page | Frame) {}

  /** Every count of rows the grid has shown, from `since` on. */
  rowCounts(since = 0): Promise<RowCount[]> {
    return this.document.evaluate(
      (from: number) => (window as ProbeWindow).__fwBench?.rowCounts.filter((count) => count.at >= from) ?? [],
      since,
    );
  }

  watch(key: string, watch: Watch): Promise<void> {
    return this.document.evaluate(
      (k: string, w: Watch) => {
        const state = (window as ProbeWindow).__fwBench!;
        state.watches[k] = w;
        state.check();
      },
      key,
      watch,
    );
  }

  /**
   * Picks a conversation row in the grid's DOM (`uniform` in [0, 1) chooses among them, top first) that has no
   * change still waiting to be seen, and watches for its row to contain `text`, in one call to the page; the row's id,
   * or null when no row is free.
   */
  watchRandomRow(key: string, text: string, uniform: number): Promise<string | null> {
    return this.document.evaluate(
      (k: string, t: string, u: number) => {
        const state = (window as ProbeWindow).__fwBench!;
        const busy = new Set(Object.values(state.watches).map((w) => ('id' in w ? w.id : '')));
        const ids = [...document.querySelectorAll('[role="grid"] [role="row"][id^="fw-row-"]')]
          .sort((a, b) => Number(a.getAttribute('aria-rowindex')) - Number(b.getAttribute('aria-rowindex')))
          .map((row) => row.id.slice('fw-row-'.length))
          .filter((id) => !busy.has(id));
        const id = ids[Math.floor(u * ids.length)];
        if (id === undefined) return null;
        state.watches[k] = { kind: 'row', id, text: t };
        state.check();
        return id;
      },
      key,
      text,
      uniform,
    );
  }

  /**
   * Picks an agent row in the agents view's DOM (`uniform` chooses among them, top first) whose name is one of `names`
   * and has no change of ours still waiting, and watches for it to show the first of `presences` it does not show
   * yet, in one call to the page; the agent's name and that presence, or null when none fits.
   */
  watchNewPresence(
    key: string,
    names: readonly string[],
    presences: readonly string[],
    uniform: number,
  ): Promise<{ name: string; presence: string } | null> {
    return this.document.evaluate(
      (k: string, allowed: string[], choices: string[], u: number) => {
        const state = (window as ProbeWindow).__fwBench!;
        const waiting = new Set(Object.values(state.watches).map((w) => (w.kind === 'agent' ? w.name : '')));
        const known = new Set(allowed);
        const rows = [...document.querySelectorAll('.fw-agent-name')]
          .map((element) => ({ name: element.textContent?.trim() ?? '', text: element.closest('tr, li')?.textContent ?? '' }))
          .filter((row) => known.has(row.name) && !waiting.has(row.name));
        const row = rows[Math.floor(u * rows.length)];
        const presence = row && choices.find((candidate) => !row.text.includes(candidate));
        if (!row || presence === undefined) return null;
        state.watches[k] = { kind: 'agent', name: row.name, text: presence };
        state.check();
        return { name: row.name, presence };
      },
      key,
      [...names],
      [...presences],
      uniform,
    );
  }

  /** What the view shows now for a watch still waiting: whether its row is in the DOM, and what the row says. */
  explain(key: string): Promise<string> {
    return this.document.evaluate((k: string) => {
      const watch = (window as ProbeWindow).__fwBench!.watches[k];
      if (!watch) return 'not watched';
      const grid = document.querySelector<HTMLElement>('[role="grid"]');
      const indexes = [...document.querySelectorAll('[role="grid"] [role="row"][id^="fw-row-"]')].map((row) =>
        Number(row.getAttribute('aria-rowindex')),
      );
      const shown = indexes.length > 0 ? `rows ${Math.min(...indexes)}–${Math.max(...indexes)}` : 'no rows';
      const where = grid ? `the grid shows ${shown} of ${grid.getAttribute('aria-rowcount')}, scrolled ${grid.scrollTop} px` : 'no grid';
      const page = `${where}; page ${document.visibilityState}`;
      if (watch.kind === 'agent') return `waiting for "${watch.text}" at agent ${watch.name}; ${page}`;
      const row = document.getElementById(`fw-row-${watch.id.replace(/[^A-Za-z0-9_-]/g, '_')}`);
      if (!row) return `row ${watch.id} not in the DOM; ${page}`;
      return `row ${watch.id} at ${row.getAttribute('aria-rowindex')} shows "${row.textContent?.slice(0, 160)}"; ${page}`;
    }, key);
  }

  unwatch(key: string): Promise<void> {
    return this.document.evaluate((k: string) => void delete (window as ProbeWindow).__fwBench!.watches[k], key);
  }

  /** Watched key → epoch ms it was first in the DOM. */
  seen(): Promise<Record<string, number>> {
    return this.document.evaluate(() => ({ ...(window as ProbeWindow).__fwBench!.seen }));
  }

  longTasks(from: number, to: number): Promise<{ start: number; duration: number }[]> {
    return this.document.evaluate(
      (a: number, b: number) => (window as ProbeWindow).__fwBench!.longTasks.filter((task) => task.start >= a && task.start < b),
      from,
      to,
    );
  }

  /**
   * Scrolls the grid back to its first row, the screen a supervisor watches. Mid-list, rows sorted by wait drift past
   * the window as waiting rows' ticking waits overtake the handled rows' fixed ones, and a watched row can leave the
   * DOM before its change shows.
   */
  scrollGridToTop(): Promise<void> {
    return this.document.evaluate(() => {
      const grid = document.querySelector<HTMLElement>('[role="grid"]');
      if (grid) grid.scrollTop = 0;
    });
  }

  /** Scrolls the grid by `step` px every frame for `ms`, down and back up, and returns the frame-to-frame times. */
  scrollGrid(step: number, ms: number): Promise<number[]> {
    return this.document.evaluate(
      (px: number, duration: number) => {
        const grid = document.querySelector<HTMLElement>('[role="grid"]');
        if (!grid) return Promise.resolve([]);
        return new Promise<number[]>((resolve) => {
          const deltas: number[] = [];
          let last = performance.now();
          const end = last + duration;
          let direction = 1;
          const frame = (now: number) => {
            deltas.push(now - last);
            last = now;
            if (grid.scrollTop + grid.clientHeight >= grid.scrollHeight - px) direction = -1;
            else if (grid.scrollTop <= 0) direction = 1;
            grid.scrollTop += direction * px;
            if (now < end) requestAnimationFrame(frame);
            else resolve(deltas.slice(1));
          };
          requestAnimationFrame(frame);
        });
      },
      step,
      ms,
    );
  }
}
