import { describe, expect, it } from 'vitest';
import { pageOf, type PageClient } from '../../../lib/worker/page-clients';

const page = (url: string): PageClient => ({ url, postMessage: () => undefined });
const EXT = 'chrome-extension://difkencgdbknfphjeldipiphnmgbjnne';

describe('the page a view connected from', () => {
  it('is the one open page with its address, never one of two with the same address', async () => {
    const overlay = page(`${EXT}/overlay.html#T1`);
    const pages = [overlay, page(`${EXT}/overlay.html#T2`), page(`${EXT}/sidepanel.html`), page(`${EXT}/sidepanel.html`)];
    expect(await pageOf(`${EXT}/overlay.html#T1`, async () => pages)).toBe(overlay);
    expect(await pageOf(`${EXT}/sidepanel.html`, async () => pages)).toBeNull();
    expect(await pageOf(`${EXT}/options.html`, async () => pages)).toBeNull();
    expect(await pageOf(undefined, async () => pages)).toBeNull();
    expect(await pageOf(`${EXT}/overlay.html#T1`, () => Promise.reject(new Error('no clients')))).toBeNull();
  });
});
