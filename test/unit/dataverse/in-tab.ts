/**
 * A function as chrome.scripting.executeScript runs it in a tab: rebuilt from its source text alone, so anything it
 * uses from outside itself (an import, a module constant) fails here as it would in the tab.
 */
export function serialised<F extends (...args: never[]) => unknown>(func: F): F {
  // eslint-disable-next-line @typescript-eslint/no-implied-eval -- rebuilding from source text is the point: it proves the function is self-contained
  return new Function(`return (${func.toString()})`)() as F;
}
