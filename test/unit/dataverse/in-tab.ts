/**
 * A function as chrome.scripting.executeScript runs it in a tab: rebuilt from its source text alone, so anything it
 * uses from outside itself (an import, a module constant) fails here as it would in the tab.
 */
export function serialised<F extends (...args: never[]) => unknown>(func: F): F {
  return new Function(`return (${func.toString()})`)() as F;
}
