/**
 * Instruments installed in the side panel page before its own scripts run: long tasks (PerformanceObserver), the
 * moment the grid holds the whole list, and watched rows (a change is "on screen" when the row's DOM shows it).
 * Runs in the page: keep it self-contained.
 */
export interface PanelProbe {
  longTasks: { start: number; duration: number }[];
  /** performance.now() when the grid first counted `expected` rows (ms since the page's navigation started). */
  fullListAt: number | null;
  /** Row id → text that marks the change being waited for. */
  watch: Record<string, string>;
  /** Row id → Date.now() when its watched text appeared. */
  seen: Record<string, number>;
}

export function installPanelProbe(expectedRows: number): void {
  const probe: PanelProbe = { longTasks: [], fullListAt: null, watch: {}, seen: {} };
  (window as unknown as { benchProbe: PanelProbe }).benchProbe = probe;
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) probe.longTasks.push({ start: entry.startTime, duration: entry.duration });
  }).observe({ type: 'longtask', buffered: true });
  const check = () => {
    if (probe.fullListAt === null) {
      const grid = document.querySelector('[role="grid"]');
      if (grid && Number(grid.getAttribute('aria-rowcount')) - 1 >= expectedRows) probe.fullListAt = performance.now();
    }
    for (const [id, text] of Object.entries(probe.watch)) {
      if (document.getElementById(`fw-row-${id}`)?.textContent?.includes(text)) {
        probe.seen[id] = Date.now();
        delete probe.watch[id];
      }
    }
    requestAnimationFrame(check);
  };
  requestAnimationFrame(check);
}

/** Scrolls the grid by `step` px every frame for `ms` and returns the frame-to-frame times. */
export function scrollGrid(step: number, ms: number): Promise<number[]> {
  const grid = document.querySelector<HTMLElement>('[role="grid"]');
  if (!grid) return Promise.resolve([]);
  return new Promise((resolve) => {
    const deltas: number[] = [];
    let last = performance.now();
    const end = last + ms;
    let direction = 1;
    const frame = (now: number) => {
      deltas.push(now - last);
      last = now;
      if (grid.scrollTop + grid.clientHeight >= grid.scrollHeight - step) direction = -1;
      else if (grid.scrollTop <= 0) direction = 1;
      grid.scrollTop += direction * step;
      if (now < end) requestAnimationFrame(frame);
      else resolve(deltas.slice(1));
    };
    requestAnimationFrame(frame);
  });
}

/** Ids of the conversation rows the grid has in the DOM right now. */
export function renderedRowIds(): string[] {
  return [...document.querySelectorAll('[role="grid"] [role="row"][id^="fw-row-"]')].map((row) => row.id.slice('fw-row-'.length));
}
