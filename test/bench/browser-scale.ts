/**
 * Scale in the browser at `busy`: the built test extension in Chromium, signed in to the emulator. Measures the
 * worker's first full read, the side panel from opening to the whole list, long tasks during steady updates,
 * frame times while scrolling, the JS heap of panel and worker, and changes from the emulator to the panel's DOM.
 */
import type { Page } from 'puppeteer';
import { SAM } from '../../emulator';
import { startHarness, type Harness } from '../e2e/harness';
import { installPanelProbe, renderedRowIds, scrollGrid, type PanelProbe } from './panel-instruments';
import { distribution, type Distribution } from './stats';
import { sleep, within } from './time-box';

export interface BrowserFigures {
  chromium: string;
  ongoing: number;
  /** Sign-in to the worker's first complete picture (the platform's full read included). */
  workerFirstLoad: { ms: number; requests: number; bytes: number };
  /** Opening the side panel (navigation start) to the grid counting the whole list. */
  panelFullListMs: number | null;
  longestTaskDuringLoadMs: number | null;
  steady: { ms: number; longestTaskMs: number; longTasks: number };
  scroll: Distribution;
  heapMb: { panel: number; worker: number };
  freshnessOnScreen: Distribution & { lost: number };
}

export interface BrowserSpec {
  steadyMs: number;
  writesPerSecond: number;
  log?: (line: string) => void;
}

const MB = 1024 * 1024;
const PAGE_ANSWER_MS = 30_000;
/** esbuild (tsx) names functions with a helper the page does not have; functions sent to the page need it. */
const NAME_HELPER = 'globalThis.__name ??= (fn) => fn;';

async function diagnostics(h: Harness): Promise<{ requests: number; bytes: number; polls: number }> {
  const worker = await h.worker();
  return (await worker.evaluate('floorwalkerDiagnostics()')) as { requests: number; bytes: number; polls: number };
}

async function heapMb(session: { send(method: 'HeapProfiler.collectGarbage'): Promise<unknown>; send(method: 'Runtime.getHeapUsage'): Promise<{ usedSize: number }> }): Promise<number> {
  await session.send('HeapProfiler.collectGarbage');
  const { usedSize } = await session.send('Runtime.getHeapUsage');
  return usedSize / MB;
}

/** Sign-in (the harness start) until the worker has finished its first full read. */
async function waitForWorkerLoad(h: Harness, signInAt: number): Promise<BrowserFigures['workerFirstLoad']> {
  for (;;) {
    const diag = await diagnostics(h);
    if (diag.polls >= 1) return { ms: Date.now() - signInAt, requests: diag.requests, bytes: diag.bytes };
    if (Date.now() - signInAt > 180_000) throw new Error('The worker did not finish its first load within 180 s');
    await sleep(100);
  }
}

type Ask = <T>(question: Promise<T>) => Promise<T>;

/**
 * For `ms`, changes rows the panel has on screen (as another supervisor, through the Web API) and tells the page
 * which text to watch for. Returns row id → real time the change was sent.
 */
async function changeRowsOnScreen(h: Harness, panel: Page, ask: Ask, spec: BrowserSpec): Promise<Map<string, number>> {
  const { access_token: token } = await h.control<{ access_token: string }>('token', { user: SAM.upn });
  const written = new Map<string, number>();
  const end = Date.now() + spec.steadyMs;
  let n = 0;
  while (Date.now() < end) {
    await sleep((Math.random() * 2 * 1000) / spec.writesPerSecond);
    const ids = await ask(panel.evaluate(renderedRowIds));
    const id = ids[Math.floor(Math.random() * ids.length)];
    if (!id || written.has(id)) continue;
    const text = `Bench change ${++n}`;
    await ask(panel.evaluate((rowId, marker) => void ((window as unknown as { benchProbe: PanelProbe }).benchProbe.watch[rowId] = marker), id, text));
    const sentAt = Date.now();
    const response = await fetch(`${h.emulatorUrl}/api/data/v9.2/msdyn_ocliveworkitems(${id})`, {
      method: 'PATCH',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', 'if-match': '*' },
      body: JSON.stringify({ subject: text }),
    });
    if (response.ok) written.set(id, sentAt);
  }
  return written;
}

const longest = (tasks: readonly { duration: number }[]) => tasks.reduce((max, task) => Math.max(max, task.duration), 0);

export async function measureBrowser(spec: BrowserSpec): Promise<BrowserFigures> {
  const log = spec.log ?? (() => undefined);
  const signInAt = Date.now();
  const h = await startHarness({ scenario: 'busy' });
  try {
    const chromium = await h.browser.version();
    // The workspace tab's overlay is a view: the worker starts its full read at sign-in.
    const workerFirstLoad = await waitForWorkerLoad(h, signInAt);
    const state = await h.control<{ conversations: { byQueue: Record<string, number> } }>('state');
    const ongoing = Object.values(state.conversations.byQueue).reduce((sum, n) => sum + n, 0);
    log(`browser: worker loaded ${ongoing} ongoing in ${(workerFirstLoad.ms / 1000).toFixed(1)} s`);

    // Arrivals and closures move the count while the panel opens: 99 % of it is "the whole list".
    const panel = await h.browser.newPage();
    await panel.evaluateOnNewDocument(NAME_HELPER);
    await panel.evaluateOnNewDocument(installPanelProbe, Math.floor(ongoing * 0.99));
    await panel.goto(`chrome-extension://${h.extensionId}/sidepanel.html`);
    // A panel whose main thread never comes back must not hang the run: every question to it has a limit.
    const ask: Ask = (question) => within(question, PAGE_ANSWER_MS, 'An answer from the side panel page');
    const probe = () => ask(panel.evaluate(() => (window as unknown as { benchProbe: PanelProbe }).benchProbe));
    await panel.waitForFunction('window.benchProbe && window.benchProbe.fullListAt !== null', { timeout: 60_000, polling: 100 }).catch(() => undefined);
    const panelFullListMs = (await probe()).fullListAt;
    log(`browser: panel showed the whole list after ${panelFullListMs === null ? 'n/a' : `${Math.round(panelFullListMs)} ms`}`);

    // Steady updates: the emulator's traffic, plus changes to rows on screen.
    const steadyFrom = await ask(panel.evaluate(() => performance.now()));
    const written = await changeRowsOnScreen(h, panel, ask, spec);
    await sleep(6_000); // the last change's poll
    const seen = await probe();
    const steadyTo = await ask(panel.evaluate(() => performance.now()));
    const delays = [...written].flatMap(([id, at]) => (seen.seen[id] === undefined ? [] : [seen.seen[id] - at]));

    const frames = await ask(panel.evaluate(scrollGrid, 400, 3_000));
    const heap = { panel: await ask(heapMb(await panel.createCDPSession())), worker: await heapMb((await h.worker()).client) };
    const steadyTasks = seen.longTasks.filter((task) => task.start >= steadyFrom);
    return {
      chromium,
      ongoing,
      workerFirstLoad,
      panelFullListMs,
      longestTaskDuringLoadMs: longest(seen.longTasks.filter((task) => task.start < steadyFrom)),
      steady: { ms: steadyTo - steadyFrom, longestTaskMs: longest(steadyTasks), longTasks: steadyTasks.length },
      scroll: distribution(frames),
      heapMb: heap,
      freshnessOnScreen: { ...distribution(delays), lost: written.size - delays.length },
    };
  } finally {
    await h.close();
  }
}
