import { beforeEach, describe, expect, it } from 'vitest';
import { browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing';
import { classifySender } from '../../../lib/protocol/sender';
import { OverlayTokenSchema } from '../../../lib/protocol/overlay-token';
import { overlayAdmissionsItem } from '../../../lib/storage/items';
import { createOverlayAdmission, newOverlayToken } from '../../../lib/worker/overlay-admission';

const OWN = 'difkencgdbknfphjeldipiphnmgbjnne';
const frame = (tab: number, documentId: string) => ({
  id: OWN,
  url: `chrome-extension://${OWN}/overlay.html`,
  tab: { id: tab },
  frameId: 4,
  documentId,
});

describe('overlay admission: one token per tab, bound to the first overlay document that shows it', () => {
  beforeEach(() => fakeBrowser.reset());
  const admission = () => createOverlayAdmission(overlayAdmissionsItem);

  it('issues unguessable tokens that fit a URL fragment', () => {
    const tokens = new Set(Array.from({ length: 50 }, newOverlayToken));
    expect(tokens.size).toBe(50);
    for (const token of tokens) expect(OverlayTokenSchema.safeParse(token).success).toBe(true);
  });

  it('admits the frame that presents its tab’s token first, and that document again after a worker restart', async () => {
    const first = admission();
    const token = await first.issue(7);
    expect(first.admitted(frame(7, 'DOC1'))).toBe(false);
    expect(await first.admit(frame(7, 'DOC1'), token)).toBe(true);
    expect(first.admitted(frame(7, 'DOC1'))).toBe(true);
    // A new worker (the old one was stopped) reads the binding back from storage.session when the frame reconnects.
    const restarted = admission();
    expect(restarted.admitted(frame(7, 'DOC1'))).toBe(false);
    expect(await restarted.admit(frame(7, 'DOC1'), token)).toBe(true);
    expect(restarted.admitted(frame(7, 'DOC1'))).toBe(true);
  });

  it('refuses another document with the same token, a token of another tab, a wrong or missing token', async () => {
    const gate = admission();
    const token = await gate.issue(7);
    const other = await gate.issue(8);
    expect(await gate.admit(frame(7, 'DOC1'), token)).toBe(true);
    expect(await gate.admit(frame(7, 'FORGED'), token)).toBe(false);
    expect(gate.admitted(frame(7, 'FORGED'))).toBe(false);
    expect(await gate.admit(frame(7, 'DOC3'), other)).toBe(false);
    expect(await gate.admit(frame(8, 'DOC4'), `${other.slice(0, -1)}x`)).toBe(false);
    expect(await gate.admit(frame(8, 'DOC4'), undefined)).toBe(false);
    expect(await gate.admit({ ...frame(8, 'DOC4'), documentId: undefined }, other)).toBe(false);
    expect(gate.admitted(frame(8, 'DOC4'))).toBe(false);
  });

  it('binds one of two frames racing with one token, never both', async () => {
    const gate = admission();
    const token = await gate.issue(7);
    const results = await Promise.all([gate.admit(frame(7, 'A'), token), gate.admit(frame(7, 'B'), token)]);
    expect(results.filter(Boolean)).toHaveLength(1);
  });

  it('a new token for the tab (a reload, a fresh frame) retires the old one and its document', async () => {
    const gate = admission();
    const first = await gate.issue(7);
    expect(await gate.admit(frame(7, 'OLD'), first)).toBe(true);
    const second = await gate.issue(7);
    expect(await gate.admit(frame(7, 'OLD'), first)).toBe(false);
    expect(gate.admitted(frame(7, 'OLD'))).toBe(false);
    expect(await gate.admit(frame(7, 'NEW'), second)).toBe(true);
    await gate.forget(7);
    expect(gate.admitted(frame(7, 'NEW'))).toBe(false);
    expect(await admission().admit(frame(7, 'NEW'), second)).toBe(false);
  });

  it('ignores a corrupted store instead of trusting it', async () => {
    await browser.storage.session.set({ overlayAdmissions: { 7: { token: 5, documentId: 'DOC1' } } });
    expect(await admission().admit(frame(7, 'DOC1'), '5'.repeat(43))).toBe(false);
    const token = await admission().issue(7);
    expect(await admission().admit(frame(7, 'DOC1'), token)).toBe(true);
  });
});

describe('classifySender', () => {
  const tab = { id: 3, windowId: 1 };
  it('tells our pages, the overlay frame in a web tab and our loader apart; refuses the rest', () => {
    expect(classifySender({ id: OWN, url: `chrome-extension://${OWN}/sidepanel.html` }, OWN)).toBe('extensionPage');
    expect(classifySender({ id: OWN, url: `chrome-extension://${OWN}/options.html`, tab, frameId: 0 }, OWN)).toBe('extensionPage');
    expect(classifySender({ id: OWN, url: `chrome-extension://${OWN}/overlay.html`, tab, frameId: 2 }, OWN)).toBe('overlayFrame');
    expect(classifySender({ id: OWN, url: `chrome-extension://${OWN}/overlay.html#token`, tab, frameId: 2 }, OWN)).toBe('overlayFrame');
    expect(classifySender({ id: OWN, url: 'https://contoso.crm4.dynamics.com/main.aspx', tab, frameId: 0 }, OWN)).toBe('contentScript');
    // The web-accessible overlay page opened at top level, or with no tab, is nobody we talk to.
    expect(classifySender({ id: OWN, url: `chrome-extension://${OWN}/overlay.html`, tab, frameId: 0 }, OWN)).toBeNull();
    expect(classifySender({ id: OWN, url: `chrome-extension://${OWN}/overlay.html` }, OWN)).toBeNull();
    expect(classifySender({ id: 'other', url: `chrome-extension://other/sidepanel.html` }, OWN)).toBeNull();
    expect(classifySender({ id: OWN, url: 'file:///x.html', tab }, OWN)).toBeNull();
  });
});
