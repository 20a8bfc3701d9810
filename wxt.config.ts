import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';

/**
 * Public key of the dev/test builds: it fixes the extension ID (difkencgdbknfphjeldipiphnmgbjnne) so tests and
 * policy files can name it. The store build has no key; the store assigns its own ID.
 */
const TEST_BUILD_KEY =
  'MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEAvPHLPiIhjorym4FCtS7+ZqGP0Hk9/xgS72KiGSYT5RPlhKBrbSrS5/Bi6d22x6yOppyET1hyCD4jZH7iZJ/u4KmG5p4c2AAqDXUdOWZ0mlxgio1kNFSPPkS4WWMxP7Xyn/8Asl5Ij0M4dCJviyWzNkpP6cWD/zeSpdMaRKlQ99S3Reh22Woe6KnZblhDy5LconbkkmU/fY2V4g4lx8srKl1eWLqLsU3e7jsrvjiJgpJ5m7CZSnHx8hkbCFWqmTD0Rj8HTL12fmYXZFQaNZd8fEB29hqCgBGts8TXLTQP6BXbtcjq8TfDyTFs56hy1T4xpzPGTw7AGopbd+MScXI9TQIDAQAB';

/** The emulator serves on loopback; Chrome match patterns without a port match every port. */
const EMULATOR_ORIGIN = 'http://127.0.0.1/*';
/** The same origin as a CSP source (any port). */
const EMULATOR_FRAME_ANCESTOR = 'http://127.0.0.1:*';

const EMULATOR_WORKSPACE = 'http://127.0.0.1/main.aspx*';

const DYNAMICS_HOSTS = ['https://*.dynamics.com/*'];
const DYNAMICS_FRAME_ANCESTORS = ['https://*.dynamics.com'];

export default defineConfig({
  imports: false,
  // `browser` from 'wxt/browser' is webextension-polyfill in builds and WXT's fake browser in unit tests.
  modules: ['@wxt-dev/webextension-polyfill'],
  vite: () => ({ plugins: [preact()] }),
  hooks: {
    // _locales/<lang>/messages.json is generated from the per-area catalogs in lib/i18n/catalog.
    'build:publicAssets': (_wxt, assets) => {
      for (const language of ['en', 'sv']) {
        const merged: Record<string, unknown> = {};
        const dir = resolve(import.meta.dirname, 'lib/i18n/catalog', language);
        for (const file of readdirSync(dir)
          .filter((name) => name.endsWith('.json'))
          .sort()) {
          Object.assign(merged, JSON.parse(readFileSync(resolve(dir, file), 'utf8')));
        }
        assets.push({ relativeDest: `_locales/${language}/messages.json`, contents: JSON.stringify(merged) });
      }
    },
    // Content-script matches are static in the entrypoint; the emulator's workspace is added here, in dev/test only.
    'build:manifestGenerated': (wxt, manifest) => {
      if (wxt.config.mode === 'production') return;
      for (const script of manifest.content_scripts ?? []) {
        script.matches = [...(script.matches ?? []), EMULATOR_WORKSPACE];
      }
    },
  },
  manifest: ({ mode }) => {
    const testBuild = mode !== 'production';
    const workspaceOrigins = testBuild ? [...DYNAMICS_HOSTS, EMULATOR_ORIGIN] : DYNAMICS_HOSTS;
    const frameAncestors = testBuild ? [...DYNAMICS_FRAME_ANCESTORS, EMULATOR_FRAME_ANCESTOR] : DYNAMICS_FRAME_ANCESTORS;
    return {
      name: '__MSG_extName__',
      description: '__MSG_extDescription__',
      default_locale: 'en',
      minimum_chrome_version: '116',
      // scripting: one Web API request, or opening a conversation, run inside the org's workspace tab (host permission
      // required, so only on the workspace's hosts; docs/decisions/0003-reads-in-the-worker-writes-in-the-page.md).
      permissions: ['storage', 'sidePanel', 'alarms', 'notifications', 'scripting'],
      host_permissions: workspaceOrigins,
      // Custom domains, on-premises orgs and proxies (*.mcas.ms) are asked for at run time, one host at a time.
      optional_host_permissions: ['https://*/*'],
      action: { default_title: '__MSG_actionTitle__' },
      storage: { managed_schema: 'managed_schema.json' },
      // The overlay page is the one page a web page may load, only from the workspace's origins and only through the
      // per-session dynamic URL (which the loader gets from runtime.getURL); its scripts and styles load from our own
      // origin and need no entry. The frame is trusted only with its one-time token (lib/worker/overlay-admission.ts).
      web_accessible_resources: [{ resources: ['overlay.html'], matches: workspaceOrigins, use_dynamic_url: true }],
      // frame-ancestors is one policy for every page: only the workspace's origins may frame any of them (the other
      // pages are not web-accessible, so no page can load them at all).
      content_security_policy: {
        extension_pages: `script-src 'self'; object-src 'self'; base-uri 'none'; frame-ancestors ${frameAncestors.join(' ')}`,
      },
      ...(testBuild ? { key: TEST_BUILD_KEY } : {}),
    };
  },
});
