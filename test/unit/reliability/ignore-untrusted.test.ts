import { describe, expect, it } from 'vitest';
import { ignoreUntrustedInput } from '../../../lib/dom/ignore-untrusted';

/** A shadow root like the overlay's, with a button that counts what reaches it. */
function panel() {
  const host = document.createElement('div');
  document.body.append(host);
  const root = host.attachShadow({ mode: 'open' });
  const button = document.createElement('button');
  const form = document.createElement('form');
  form.append(button);
  root.append(form);
  const seen: string[] = [];
  for (const type of ['click', 'keydown', 'submit']) button.addEventListener(type, (event) => seen.push(event.type));
  form.addEventListener('submit', (event) => seen.push(`form ${event.type}`));
  const stop = new AbortController();
  ignoreUntrustedInput(root, stop.signal);
  return { button, form, seen, stop };
}

/** happy-dom cannot make trusted events; a real browser's input is the same event with isTrusted set. */
function trusted<T extends Event>(event: T): T {
  Object.defineProperty(event, 'isTrusted', { value: true });
  return event;
}

describe('ignoreUntrustedInput: only a person drives the overlay', () => {
  it('stops clicks, keys and submits made by the page’s scripts, and cancels their default', () => {
    const { button, form, seen } = panel();
    button.click();
    button.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, composed: true }));
    const submit = new Event('submit', { bubbles: true, cancelable: true });
    form.dispatchEvent(submit);
    expect(seen).toEqual([]);
    expect(submit.defaultPrevented).toBe(true);
  });

  it('lets the user’s own input through untouched', () => {
    const { button, seen } = panel();
    const click = trusted(new MouseEvent('click', { bubbles: true, cancelable: true }));
    button.dispatchEvent(click);
    button.dispatchEvent(trusted(new KeyboardEvent('keydown', { key: 'j', bubbles: true })));
    expect(seen).toEqual(['click', 'keydown']);
    expect(click.defaultPrevented).toBe(false);
  });

  it('stops guarding when the content script is invalidated', () => {
    const { button, seen, stop } = panel();
    stop.abort();
    button.click();
    expect(seen).toContain('click');
  });
});
