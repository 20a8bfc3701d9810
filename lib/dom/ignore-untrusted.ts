/**
 * The events that activate something: pointer, keyboard, submit. Value changes (input, change) pass: alone they
 * start nothing, the user still confirms with a real click or key, and assistive tools set values by script.
 */
const ACTIVATION = [
  'click', 'dblclick', 'auxclick', 'contextmenu', 'mousedown', 'mouseup', 'pointerdown', 'pointerup',
  'keydown', 'keyup', 'keypress', 'submit', 'reset',
] as const;

/**
 * The overlay's shadow root is open, so the workspace page's own scripts can reach its elements and dispatch events
 * at them (`button.click()`), which would let a page press Force close (issue 9). Only a person's input may drive
 * the panel: activations made by script (isTrusted false) are stopped at the root, before any listener inside sees
 * them, and their default action (a checkbox toggling, a form submitting) is cancelled.
 */
export function ignoreUntrustedInput(root: EventTarget, signal: AbortSignal): void {
  const stop = (event: Event) => {
    if (event.isTrusted) return;
    event.stopImmediatePropagation();
    event.preventDefault();
  };
  for (const type of ACTIVATION) root.addEventListener(type, stop, { capture: true, signal });
}
