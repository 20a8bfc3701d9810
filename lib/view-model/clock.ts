import { signal, type ReadonlySignal } from '@preact/signals';

/**
 * Epoch ms, ticking once a second, for wait and handle times and "updated N s ago". Only the cells that show a
 * time read it, so a tick re-renders those cells and nothing else. Stops with the view (abort signal).
 */
export function createClock(stop: AbortSignal, intervalMs = 1000, read: () => number = Date.now): ReadonlySignal<number> {
  const now = signal(read());
  const timer = setInterval(() => (now.value = read()), intervalMs);
  stop.addEventListener('abort', () => clearInterval(timer), { once: true });
  return now;
}
