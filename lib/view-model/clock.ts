import { effect, signal, type ReadonlySignal } from '@preact/signals';

/**
 * Epoch ms, ticking once a second, for wait and handle times and "updated N s ago". Only the cells that show a
 * time read it, so a tick re-renders those cells and nothing else. While the view is off screen (`shown` false) it
 * does not tick: a hidden view shares its renderer with the views on screen, and its ticks cost them frames; it reads
 * the time again as it shows. Stops with the view (abort signal).
 */
export function createClock(
  stop: AbortSignal,
  shown: ReadonlySignal<boolean> = signal(true),
  intervalMs = 1000,
  read: () => number = Date.now,
): ReadonlySignal<number> {
  const now = signal(read());
  const dispose = effect(() => {
    if (!shown.value) return;
    now.value = read();
    const timer = setInterval(() => (now.value = read()), intervalMs);
    return () => clearInterval(timer);
  });
  stop.addEventListener('abort', dispose, { once: true });
  return now;
}
