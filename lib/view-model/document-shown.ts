import { signal, type ReadonlySignal } from '@preact/signals';

/** Whether this page is on screen (not a background tab, not minimised), kept up to date until `stop`. */
export function documentShown(stop: AbortSignal): ReadonlySignal<boolean> {
  const shown = signal(document.visibilityState === 'visible');
  document.addEventListener('visibilitychange', () => (shown.value = document.visibilityState === 'visible'), { signal: stop });
  return shown;
}
