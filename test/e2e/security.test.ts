import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Frame, Page } from 'puppeteer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SOFIA } from '../../emulator/personas';
import { TEST_BUILD_DIR, TEST_EXTENSION_ID } from '../../scripts/paths';
import type { Conversation } from '../../lib/model/conversation';
import { startHarness, type Harness } from './harness';
import { openView, requestsSince, stateOf, waitForState, webApi } from '../soak/probe';
import { actionRequests } from './platform';
import { closeDialogs, lookAtRows, search, until } from './screen';

/**
 * Security end to end: customer-controlled text is only ever text, the workspace page's own scripts cannot act
 * through Floorwalker, bad messages are dropped and logged, and the built manifests ask for no more than is used.
 */

const STORE_BUILD_DIR = resolve(TEST_BUILD_DIR, '../chrome-mv3');

/** Each payload, if it ever became markup, would bump `window.__fwPwned` in whichever world ran it. */
const PAYLOADS = [
  '<img src=x onerror="window.__fwPwned=(window.__fwPwned||0)+1">',
  '<script>window.__fwPwned=(window.__fwPwned||0)+1</script>',
  '"><svg onload="window.__fwPwned=(window.__fwPwned||0)+1"></svg>',
  '\'><iframe srcdoc="<script>parent.__fwPwned=1</script>"></iframe>',
  '<a href="javascript:window.__fwPwned=1">click me</a>',
];

function files(dir: string, ending: RegExp): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((name) => ending.test(name))
    .map((name) => join(dir, name));
}

interface Manifest {
  permissions?: string[];
  host_permissions?: string[];
  optional_host_permissions?: string[];
  content_scripts?: Array<{ matches: string[] }>;
  content_security_policy?: { extension_pages?: string };
  externally_connectable?: unknown;
  web_accessible_resources?: Array<{ resources: string[]; matches?: string[]; extension_ids?: string[]; use_dynamic_url?: boolean }>;
  key?: string;
}

/** What each permission is for, and how the bundle shows it is used (a call into that API). */
const PERMISSION_USES: Record<string, RegExp> = {
  storage: /\.storage\.(session|sync|local|managed)\b/,
  sidePanel: /\.sidePanel\.(open|setPanelBehavior)\b/,
  alarms: /\.alarms\.(create|onAlarm)\b/,
  notifications: /\.notifications\.(create|onClicked)\b/,
  scripting: /\.scripting\.executeScript\b/,
};
const EVERY_SITE = ['<all_urls>', '*://*/*', 'http://*/*', 'https://*/*', '*://*/'];

describe('security: least privilege in the built manifests', () => {
  const builds: Array<{ name: string; dir: string; manifest: Manifest }> = [];

  beforeAll(() => {
    execFileSync('npx', ['wxt', 'build'], { stdio: 'ignore', cwd: resolve(import.meta.dirname, '../..') });
    for (const [name, dir] of [
      ['store', STORE_BUILD_DIR],
      ['test', TEST_BUILD_DIR],
    ] as const) {
      builds.push({ name, dir, manifest: JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as Manifest });
    }
  }, 120_000);

  it('asks only for the permissions the code uses, and no site-wide host access', () => {
    for (const { name, dir, manifest } of builds) {
      // scripting runs one request (or opens a conversation) in the workspace tab; it reaches only hosts we may access.
      // No tabs permission: tab URLs are visible for the workspace hosts alone.
      expect([...(manifest.permissions ?? [])].sort(), name).toEqual(['alarms', 'notifications', 'scripting', 'sidePanel', 'storage']);
      const code = files(dir, /\.js$/)
        .map((file) => readFileSync(file, 'utf8'))
        .join('\n');
      for (const permission of manifest.permissions ?? []) {
        expect(PERMISSION_USES[permission], `${name}: permission "${permission}" has no known use`).toBeDefined();
        expect(PERMISSION_USES[permission]!.test(code), `${name}: permission "${permission}" is never used`).toBe(true);
      }
      for (const host of manifest.host_permissions ?? []) expect(EVERY_SITE, `${name}: host permission ${host}`).not.toContain(host);
      // Other hosts only when an administrator or the user grants them one at a time (optional, asked at run time).
      expect(manifest.optional_host_permissions ?? []).toEqual(['https://*/*']);
      expect(manifest.externally_connectable, `${name}: web pages may not message the extension`).toBeUndefined();
    }
  });

  it('exposes only the overlay page, only to the workspace’s origins, only through the per-session dynamic URL', () => {
    for (const { name, manifest } of builds) {
      const workspace = name === 'store' ? ['https://*.dynamics.com/*'] : ['https://*.dynamics.com/*', 'http://127.0.0.1/*'];
      // Its scripts and styles load from the extension's own origin and need no entry: nothing else is listed.
      expect(manifest.web_accessible_resources, name).toEqual([{ resources: ['overlay.html'], matches: workspace, use_dynamic_url: true }]);
    }
  });

  it('injects its content script only into the agent workspace, never every site', () => {
    for (const { name, manifest } of builds) {
      const matches = (manifest.content_scripts ?? []).flatMap((script) => script.matches);
      expect(matches.length).toBeGreaterThan(0);
      for (const match of matches) {
        expect(EVERY_SITE).not.toContain(match);
        expect(match, `${name}: ${match}`).toMatch(/\/main\.aspx\*$/);
      }
    }
    const store = builds.find((b) => b.name === 'store')!.manifest;
    // The emulator's loopback origin and the fixed test key are for the test build only.
    expect(JSON.stringify(store)).not.toContain('127.0.0.1');
    expect(store.key).toBeUndefined();
  });

  it('runs no remote code, under a strict CSP on extension pages that only the workspace may frame', () => {
    for (const { name, dir, manifest } of builds) {
      const csp = manifest.content_security_policy?.extension_pages ?? '';
      const directives = new Map(
        csp
          .split(';')
          .map((part) => part.trim().split(/\s+/))
          .map(([directive, ...sources]) => [directive!, sources.join(' ')]),
      );
      expect(directives.get('script-src'), name).toBe("'self'");
      expect(directives.get('object-src'), name).toMatch(/^'(self|none)'$/);
      expect(csp).not.toMatch(/unsafe-eval|unsafe-inline/);
      // Only frame-ancestors names other origins, and only the workspace's: no page elsewhere may frame ours.
      const ancestors = name === 'store' ? 'https://*.dynamics.com' : 'https://*.dynamics.com http://127.0.0.1:*';
      expect(directives.get('frame-ancestors'), name).toBe(ancestors);
      for (const [directive, sources] of directives)
        if (directive !== 'frame-ancestors') expect(sources, `${name}: ${directive}`).not.toMatch(/https?:|\*/);
      for (const file of files(dir, /\.html$/)) {
        const html = readFileSync(file, 'utf8');
        expect(html, file).not.toMatch(/<script[^>]+src=["']?(https?:)?\/\//i);
        expect(html, file).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>\s*\S/i);
      }
      for (const file of files(dir, /\.js$/)) {
        const js = readFileSync(file, 'utf8');
        expect(js, file).not.toMatch(/importScripts\(\s*["'`]https?:|import\(\s*["'`]https?:|\.src\s*=\s*["'`]https?:/);
      }
    }
  });
});

describe('security: hostile content and a hostile page', () => {
  let h: Harness;
  let view: Page;
  let sp: Page;
  let overlay: Frame;
  const api = () => webApi(h, SOFIA.upn);

  const pwned = (root: Page | Frame) => root.evaluate(() => (window as unknown as { __fwPwned?: number }).__fwPwned ?? 0);
  /** Elements or attributes that would mean markup got in (the panel's own markup has none of these). */
  const injected = (root: Page | Frame) =>
    root.evaluate(() =>
      [...document.body.querySelectorAll('*')]
        .filter(
          (e) =>
            ['IMG', 'SCRIPT', 'IFRAME', 'OBJECT', 'EMBED'].includes(e.tagName) ||
            [...e.attributes].some((a) => a.name.startsWith('on')) ||
            (e.tagName === 'A' && /^javascript:/i.test(e.getAttribute('href') ?? '')),
        )
        .map((e) => e.outerHTML.slice(0, 120)),
    );
  /** Resolves once an image that cannot load has failed in this document. */
  const imageFailed = (root: Page | Frame) =>
    root.evaluate(
      () =>
        new Promise<void>((resolve, reject) => {
          const image = new Image();
          image.addEventListener('error', () => resolve());
          image.addEventListener('load', () => reject(new Error('the canary image loaded')));
          image.src = `x-canary-${Date.now()}`;
        }),
    );
  /**
   * Nothing was done to the conversation since then: no supervisor action reached the platform, the worker did not
   * even re-read the row (an action's first step), its action log has nothing for it, and it is still open.
   */
  const untouched = async (since: Date, conversationId: string) => {
    const log = await requestsSince(h, since);
    expect(log.filter((r) => r.method === 'POST' && r.path.includes('CCaaS_'))).toEqual([]);
    expect(
      log
        .filter((r) => r.path.includes(`msdyn_ocliveworkitems(${conversationId})`))
        .map((r) => `${r.method} ${r.path} ${r.user} ${r.origin} ${r.time}`),
    ).toEqual([]);
    expect((await stateOf(view))!.actions.filter((a) => a.intent.conversationId === conversationId)).toEqual([]);
    const still = await api().call<{ statecode: number }>('GET', `msdyn_ocliveworkitems(${conversationId})?$select=statecode`);
    expect(still.statecode).toBe(0);
  };
  const used = new Set<string>();
  /** An active chat handled by another agent, that no other check has used. */
  const activeOther = async () => {
    const found = (await stateOf(view))!.conversations.find(
      (c: Conversation) =>
        c.status === 'active' && c.channels.includes(192360000) && c.agentId !== SOFIA.systemuserid && !c.pending && !used.has(c.id),
    )!;
    used.add(found.id);
    return found;
  };

  beforeAll(async () => {
    h = await startHarness({ scenario: 'typical', user: SOFIA.upn });
    await h.page.setViewport({ width: 1400, height: 900 });
    view = await openView(h);
    await waitForState(view, "s.freshness.state === 'live' && s.conversations.length > 0", 20_000);
    sp = await h.openSidePanel();
    await sp.waitForSelector('[role="grid"] [role="row"][aria-rowindex="2"]', { timeout: 30_000 });
    overlay = await h.overlay();
    // The side panel tab was opened after it.
    await lookAtRows(overlay);
  });
  afterAll(async () => {
    await h?.close();
  });

  it('renders HTML and script in subjects and customer names as text: nothing injected, nothing run', async () => {
    const queue = (await stateOf(view))!.queues.find((q) => q.supervised && q.type === 'messaging')!;
    const ids: string[] = [];
    for (const [index, payload] of PAYLOADS.entries()) {
      const contact = await api().call('POST', 'contacts', { fullname: `Hostile customer ${index} ${payload}` });
      const row = await api().call('POST', 'msdyn_ocliveworkitems', {
        subject: `Hostile ${index} ${payload}`,
        msdyn_channel: '192360000',
        'msdyn_cdsqueueid_msdyn_ocliveworkitem@odata.bind': `/queues(${queue.id})`,
        'msdyn_customer_msdyn_ocliveworkitem_contact@odata.bind': `/contacts(${String(contact.contactid)})`,
      });
      ids.push(String(row.activityid));
    }
    await waitForState(view, `${JSON.stringify(ids)}.every((id) => s.conversations.some((c) => c.id === id))`, 15_000);
    await sp.bringToFront();

    /** Every hostile row shows its payload as text in this panel, and so do one row's details. */
    const shownAsText = async (root: Page | Frame, details: number) => {
      for (const [index, payload] of PAYLOADS.entries()) {
        const text = await (await root.waitForSelector(`#fw-row-${ids[index]}`, { timeout: 10_000 }))!.evaluate((e) => e.textContent ?? '');
        expect(text).toContain(payload);
      }
      await (await root.$(`#fw-row-${ids[details]}`))!.click();
      await root.waitForSelector('dialog[open]');
      expect(await root.$eval('dialog[open]', (d) => d.textContent ?? '')).toContain(PAYLOADS[details]);
    };

    // The side panel.
    await search(sp, 'Hostile');
    await shownAsText(sp, 0);
    await sp.keyboard.press('Escape');

    // The overlay over the workspace page.
    await search(overlay, 'Hostile');
    await shownAsText(overlay, 1);
    // A payload that became markup would run when its image fails to load: once a failing image of our own has
    // failed in each document, any injected one has failed (and run) too.
    for (const root of [h.page, sp, overlay]) await imageFailed(root);

    expect(await injected(sp)).toEqual([]);
    expect(await injected(overlay)).toEqual([]);
    for (const root of [h.page, sp, overlay]) expect(await pwned(root)).toBe(0);
    await h.page.keyboard.press('Escape');
  });

  it('the page’s own scripts cannot read the panel or reach into its frame', async () => {
    await overlay.waitForSelector('::-p-text(Showing )');
    const seen = await h.page.evaluate(() => {
      const host = document.querySelector('floorwalker-panel');
      return {
        host: host !== null,
        shadowRoot: host?.shadowRoot ?? null,
        hostText: host?.textContent ?? '',
        pageText: document.body.innerText.includes('Showing ') || document.documentElement.outerHTML.includes('Showing '),
        iframes: document.querySelectorAll('iframe').length,
        frames: window.frames.length,
        // What a click on the panel would hit, as far as the page can tell: our host, nothing inside it.
        atPanel: document.elementFromPoint(1300, 450)?.localName,
      };
    });
    expect(seen).toEqual({
      host: true,
      shadowRoot: null,
      hostText: '',
      pageText: false,
      iframes: 0,
      frames: 0,
      atPanel: 'floorwalker-panel',
    });
  });

  /**
   * What is left for a hostile workspace page to try. The overlay is another origin in a closed shadow root: the page
   * has no handle on its document, and events it dispatches never cross into the frame. The side panel and options
   * pages are extension pages no web page can load or script (nothing but overlay.html is web-accessible, CSP
   * script-src 'self'); an event synthesized inside them could only come from our own code, which can send the worker
   * any message anyway. So the threat is the page itself, at the one moment it matters most: the user has opened a
   * conversation and the force-close confirmation is one click away. The page's scripts try every input they have —
   * synthetic clicks and pointer events where the confirm button is on screen, keys, focus, postMessage to every
   * window they can name, custom events, runtime messaging. Then the user's own (trusted) click confirms: that is the
   * only action the platform ever receives, which shows both that the attempts sent nothing and that the button they
   * aimed at was the real one.
   */
  it('the page’s own scripts cannot act: forged messages, custom events and synthetic clicks do nothing', async () => {
    const target = await activeOther();
    await search(overlay, target.id);
    // The user opens the conversation and asks to force close it (trusted clicks): the confirmation is on screen.
    await (await overlay.waitForSelector(`#fw-row-${target.id}`, { timeout: 10_000 }))!.click();
    const forceClose = await overlay.waitForSelector('dialog[open] [data-action="forceClose"]', { timeout: 10_000 });
    expect(await forceClose!.evaluate((button) => button.getAttribute('aria-disabled'))).not.toBe('true');
    await forceClose!.click();
    const confirm = (await overlay.waitForSelector('dialog.fw-action-dialog[open] form button[type="submit"]', { timeout: 10_000 }))!;
    expect(await overlay.$eval('dialog.fw-action-dialog[open] #fw-force-close-question', (q) => q.textContent ?? '')).toContain(
      target.subject,
    );
    expect(await confirm.evaluate((button) => [button.disabled, button.textContent])).toEqual([false, 'Force close']);
    // Where the confirm button is on the workspace page's screen (the frame's position plus the button's).
    const box = (await confirm.boundingBox())!;
    const at = { x: box.x + box.width / 2, y: box.y + box.height / 2 };

    const since = new Date();
    const intent = { kind: 'forceClose', conversationId: target.id, etag: target.etag };
    const reached = await h.page.evaluate(
      async (intentJson, extensionId, point) => {
        const intentValue = JSON.parse(intentJson) as Record<string, unknown>;
        const results: string[] = [];
        const action = { type: 'action', requestId: 'forged', intent: intentValue };
        const host = document.querySelector<HTMLElement>('floorwalker-panel');
        const hit = document.elementFromPoint(point.x, point.y);
        results.push(`at the confirm button the page finds: ${hit?.localName ?? 'nothing'}`);
        // Synthetic pointer, mouse and keyboard input where the button is, on the host and on the document.
        const mouse = { bubbles: true, cancelable: true, composed: true, clientX: point.x, clientY: point.y, button: 0 };
        for (const element of [hit, host, document.body]) {
          if (!element) continue;
          for (const type of ['pointerdown', 'mousedown', 'pointerup', 'mouseup', 'click']) {
            element.dispatchEvent(type.startsWith('pointer') ? new PointerEvent(type, mouse) : new MouseEvent(type, mouse));
          }
          (element as HTMLElement).click?.();
          (element as HTMLElement).focus?.();
          for (const key of ['Enter', ' ', 'x']) {
            element.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, composed: true }));
            element.dispatchEvent(new KeyboardEvent('keyup', { key, bubbles: true, composed: true }));
          }
        }
        // Messages to every window the page can name, and custom events anywhere.
        const windows = [window, window.top, window.parent, ...Array.from({ length: window.frames.length }, (_, i) => window.frames[i])];
        results.push(`windows it can name: ${windows.length}, frames: ${window.frames.length}`);
        for (const w of windows) {
          for (const message of [action, JSON.stringify(action), { type: 'openSidePanel' }, { type: 'overlayToken' }])
            w?.postMessage(message, '*');
        }
        for (const node of [window, document, host]) {
          for (const name of ['action', 'floorwalker-action', 'floorwalker:action', 'message', 'wxt:locationchange']) {
            node?.dispatchEvent(new CustomEvent(name, { detail: action, bubbles: true, composed: true }));
          }
        }
        // Web pages have no way to the extension's messaging (no externally_connectable).
        const runtime = (window as unknown as { chrome?: { runtime?: { sendMessage?: (id: string, m: unknown) => Promise<unknown> } } })
          .chrome?.runtime;
        if (typeof runtime?.sendMessage !== 'function') results.push('no runtime messaging');
        else {
          try {
            await runtime.sendMessage(extensionId, action);
            results.push('runtime.sendMessage answered');
          } catch {
            results.push('runtime.sendMessage refused');
          }
        }
        results.push(`shadow root reachable: ${host?.shadowRoot !== null && host?.shadowRoot !== undefined}`);
        return results;
      },
      JSON.stringify(intent),
      TEST_EXTENSION_ID,
      at,
    );

    expect(reached).toContain('at the confirm button the page finds: floorwalker-panel');
    expect(reached).toContain('windows it can name: 3, frames: 0');
    expect(reached).not.toContain('runtime.sendMessage answered');
    expect(reached).toContain('shadow root reachable: false');
    // The confirmation is still waiting for the user, and nothing reached the worker's action log.
    expect(await overlay.$('dialog.fw-action-dialog[open] form button[type="submit"]')).not.toBeNull();
    expect((await stateOf(view))!.actions.filter((a) => a.intent.conversationId === target.id)).toEqual([]);

    // The user's trusted click: the one and only action the platform receives.
    const clickedAt = new Date();
    await confirm.click();
    const requests = await until(
      () => actionRequests(h, since),
      (found) => found.some((r) => r.status !== null),
      'the confirmed force close to reach the platform',
      20_000,
    );
    expect(
      requests.map((r) => [
        r.path.includes(`msdyn_ocliveworkitems(${target.id})`) && r.path.includes('CCaaS_ForceCloseConversation'),
        Date.parse(r.time) >= clickedAt.getTime() - 5,
      ]),
    ).toEqual([[true, true]]);
    await until(
      () => api().call<{ statecode: number }>('GET', `msdyn_ocliveworkitems(${target.id})?$select=statecode`),
      (row) => row.statecode === 1,
      'the platform to close it',
    );
    await closeDialogs(overlay, h.page);
  });

  it('a page that loads its own copy of the overlay gets no data, and the worker refuses what that copy asks', async () => {
    const target = await activeOther();
    // The worst case: the page somehow learnt the frame's address, with our token in it (the test reads it through
    // the browser; no page script can). The token is bound to our frame's document already.
    const address = (await (await overlay.frameElement())!.evaluate((frame) => frame.getAttribute('src')))!;
    const [dynamicUrl, token] = address.split('#') as [string, string];
    expect(dynamicUrl).not.toContain(h.extensionId);
    const since = new Date();
    const refusals: string[] = [];
    (await h.worker()).on('console', (message) => {
      if (message.text().includes('overlay frame without a valid token refused')) refusals.push(message.text());
    });
    const before = new Set(h.page.frames());
    await h.page.evaluate(
      (urls) => {
        for (const url of urls) {
          // Invisible, under a decoy the user would click on.
          const frame = document.createElement('iframe');
          frame.src = url;
          frame.style.cssText = 'position:fixed;inset:0;width:100vw;height:100vh;opacity:0.01;z-index:2147483647';
          document.body.append(frame);
        }
      },
      [dynamicUrl, address, `chrome-extension://${TEST_EXTENSION_ID}/overlay.html`],
    );
    await h.page.waitForFunction(() => document.querySelectorAll('body > iframe').length === 3);
    const forged = await until(
      async () =>
        h.page
          .frames()
          .filter((frame) => !before.has(frame) && frame.url().startsWith(`chrome-extension://${TEST_EXTENSION_ID}/overlay.html`)),
      (frames) => frames.length >= 2,
      'the copies to load',
      10_000,
      100,
    );
    // The static address is blocked outright (use_dynamic_url); the two dynamic ones load our page, which connects…
    expect(forged).toHaveLength(2);
    for (const copy of forged) await copy.waitForSelector('::-p-text(Floorwalker)', { timeout: 10_000 });
    await until(
      async () => refusals.length,
      (count) => count >= 2,
      'the worker to refuse both copies',
      10_000,
      100,
    );
    // …is refused, and gets nothing: no conversations.
    for (const copy of forged) {
      expect(await copy.$('[role="grid"] [role="row"][aria-rowindex="2"]')).toBeNull();
      expect(await copy.evaluate(() => document.body.innerText)).not.toContain(target.id);
    }
    // What a clickjacked copy would send, sent from inside one (with the stolen token): refused, never run.
    const answers = await forged[0]!.evaluate(
      (intentValue, stolen) =>
        new Promise<{ port: string[]; oneShot: unknown }>((resolve) => {
          type Port = {
            postMessage(m: unknown): void;
            onMessage: { addListener(f: (m: { type: string; reason?: string }) => void): void };
            onDisconnect: { addListener(f: () => void): void };
          };
          const runtime = (
            globalThis as unknown as {
              chrome: { runtime: { connect(info: { name: string }): Port; sendMessage(m: unknown): Promise<unknown> } };
            }
          ).chrome.runtime;
          const port = runtime.connect({ name: 'floorwalker-view' });
          const seen: string[] = [];
          port.onMessage.addListener((message) => seen.push(`${message.type}: ${message.reason ?? ''}`));
          port.onDisconnect.addListener(() => {
            seen.push('disconnected');
            void runtime.sendMessage({ type: 'openSidePanel' }).then((oneShot) => resolve({ port: seen, oneShot }));
          });
          port.postMessage({ type: 'hello', view: 'overlay', visible: true, token: stolen });
          port.postMessage({ type: 'action', requestId: 'clickjacked', intent: intentValue });
        }),
      { kind: 'forceClose', conversationId: target.id, etag: target.etag },
      token,
    );
    expect(answers.port).toEqual(['rejected: Overlay frame not admitted', 'disconnected']);
    expect(answers.oneShot).toEqual({ ok: false, error: 'Overlay frame not admitted' });
    // While the copies keep connecting and being refused, the feed goes on: a conversation that arrives now shows in
    // the side panel (each refusal must not push the next poll back; the copies cover the workspace tab).
    const queue = (await stateOf(view))!.queues.find((q) => q.supervised && q.type === 'messaging')!;
    const arrived = String(
      (
        await api().call('POST', 'msdyn_ocliveworkitems', {
          subject: 'Arrives while copies are refused',
          msdyn_channel: '192360000',
          'msdyn_cdsqueueid_msdyn_ocliveworkitem@odata.bind': `/queues(${queue.id})`,
        })
      ).activityid,
    );
    await search(sp, arrived);
    await sp.waitForSelector(`#fw-row-${arrived}`, { timeout: 30_000 });
    await search(sp, '');
    expect(await h.page.evaluate(() => document.querySelectorAll('body > iframe').length)).toBe(3);
    // The page takes its copies away. The worker has then moved on (a whole poll since): an action it had taken from
    // them would have begun by now.
    await h.page.evaluate(() => document.querySelectorAll('body > iframe').forEach((frame) => frame.remove()));
    const removedAt = Date.now();
    await waitForState(view, `s.freshness.lastSuccessAt > ${removedAt}`, 30_000);
    await untouched(since, target.id);
    // Our own overlay is not disturbed: still admitted, still live.
    expect(overlay.detached).toBe(false);
    await search(overlay, target.id);
    await overlay.waitForSelector(`#fw-row-${target.id}`, { timeout: 10_000 });
    await overlay.waitForSelector('::-p-text(Live ·)', { timeout: 10_000 });
  });

  it('a page cannot load the side panel or the options page: only the overlay is web-accessible', async () => {
    const address = (await (await overlay.frameElement())!.evaluate((frame) => frame.getAttribute('src')))!;
    const dynamicBase = address.slice(0, address.indexOf('/overlay.html'));
    const before = new Set(h.page.frames());
    const urls = ['sidepanel.html', 'options.html'].flatMap((page) => [
      `chrome-extension://${TEST_EXTENSION_ID}/${page}`,
      `${dynamicBase}/${page}`,
    ]);
    await h.page.evaluate((list) => {
      for (const url of list) {
        const frame = document.createElement('iframe');
        frame.src = url;
        frame.className = 'fw-test-forged';
        document.body.append(frame);
      }
    }, urls);
    // Each frame's navigation ends somewhere: Chromium's error page, never one of our pages.
    const frames = await until(
      async () => h.page.frames().filter((frame) => !before.has(frame)),
      (found) => found.length === urls.length && found.every((frame) => frame.url() !== '' && frame.url() !== 'about:blank'),
      'the frames to finish navigating',
      10_000,
      100,
    );
    expect(frames.map((frame) => frame.url()).filter((url) => url.startsWith('chrome-extension://'))).toEqual([]);
    await h.page.evaluate(() => document.querySelectorAll('iframe.fw-test-forged').forEach((frame) => frame.remove()));
  });

  it('drops messages that fail validation, answers "rejected" and logs them in the worker', async () => {
    const invalid = [
      { type: 'action', requestId: 'x', intent: { kind: 'nuke', conversationId: 'x', etag: '' } },
      { type: 'action', requestId: '', intent: { kind: 'forceClose', conversationId: '', etag: '' } },
      { type: 'hello', view: 'evil', visible: 'yes' },
      { type: 'snapshot', state: {} },
      'not even an object',
    ];
    const before = (await stateOf(view))!.actions.length;
    // The worker that answers now (an earlier one may have been stopped by MV3 since the file started).
    const log: string[] = [];
    (await h.worker()).on('console', (message) => log.push(message.text()));
    // Each message must be answered "rejected". If the worker was restarted meanwhile (MV3 may stop it; the view
    // reconnects), a message posted on the old port is lost with it, so it is posted again on the new one.
    for (const message of invalid) {
      const answered = async () => {
        const count = await view.evaluate(() => (window as unknown as { rejected: string[] }).rejected.length);
        await view.evaluate((m) => (window as unknown as { send(m: unknown): void }).send(m), message);
        return view
          .waitForFunction((n) => (window as unknown as { rejected: string[] }).rejected.length > n, { timeout: 3_000 }, count)
          .then(
            () => true,
            () => false,
          );
      };
      let ok = false;
      for (let attempt = 0; attempt < 3 && !ok; attempt++) ok = await answered();
      expect(ok, `no "rejected" answer for ${JSON.stringify(message)}`).toBe(true);
    }
    const rejected = await view.evaluate(() => (window as unknown as { rejected: string[] }).rejected);
    expect(rejected.every((reason) => reason.startsWith('Invalid message'))).toBe(true);
    const oneShot = await view.evaluate(async () => {
      const chrome = (globalThis as unknown as { chrome: { runtime: { sendMessage(m: unknown): Promise<unknown> } } }).chrome;
      return chrome.runtime.sendMessage({ type: 'runAnything', code: 'alert(1)' });
    });
    expect(oneShot).toMatchObject({ ok: false, error: expect.stringMatching(/^Invalid message/) });
    await until(
      async () => log.filter((line) => line.includes('Invalid message')).length,
      (count) => count >= invalid.length + 1,
      'the worker to log each invalid message',
      10_000,
      100,
    );
    expect((await stateOf(view))!.actions.length).toBe(before);
  });
});
