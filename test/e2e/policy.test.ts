/**
 * The organisation's policy, end to end: real Chromium reads a real policy file from the Linux managed policy
 * folder for the test build's ID, and the extension applies it, live.
 *
 * Chromium reads only /etc/chromium/policies/managed, so this file binds a temporary folder over /etc/chromium.
 * To leave the machine's /etc alone that must happen in a private mount namespace, as root (scripts/e2e-policy.sh):
 *   FLOORWALKER_OUTER_MNT_NS=$(readlink /proc/self/ns/mnt) \
 *     unshare -m --propagation private npx vitest run --project e2e test/e2e/policy.test.ts
 * Anywhere else the tests are skipped and the reason printed; when CI is set, they fail with the reason instead, so
 * that a CI run without root cannot go green without them.
 */
import { AxePuppeteer } from '@axe-core/puppeteer';
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readlinkSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'puppeteer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_EXTENSION_ID } from '../../scripts/paths';
import { startHarness, type Harness } from './harness';

const POLICY_DIR = '/etc/chromium';
/** The open details dialog of a conversation, with its actions. */
const DETAILS = 'dialog[open]:has(.fw-actions)';

/**
 * scripts/e2e-policy.sh records the mount namespace it started in (FLOORWALKER_OUTER_MNT_NS) before `unshare -m`;
 * being in another one proves the bind mount below stays private. (/proc/1 is not readable in every sandbox.)
 */
function whyNotRunnable(): string | null {
  if (process.platform !== 'linux') return 'managed policy files are read from /etc/chromium on Linux only';
  if (process.getuid?.() !== 0) return 'binding a policy folder over /etc/chromium needs root';
  const outer = process.env.FLOORWALKER_OUTER_MNT_NS;
  if (!outer) return 'run it with scripts/e2e-policy.sh, which gives it a private mount namespace';
  try {
    if (readlinkSync('/proc/self/ns/mnt') === outer) return 'still in the outer mount namespace: unshare -m did not take effect';
  } catch {
    return 'cannot read /proc/self/ns/mnt to check the mount namespace';
  }
  return null;
}

const reason = whyNotRunnable();
/** In CI the policy must be proved, not skipped. */
const required = Boolean(process.env.CI);
if (reason && !required) console.log(`policy e2e skipped: ${reason}`);

const NOTICE = 'Conversations are monitored for quality. Tell the customer when you join.';

function writePolicy(root: string, policy: Record<string, unknown>): void {
  const file = join(root, 'policies/managed/floorwalker.json');
  // Write then rename, so Chromium's watcher never reads half a file.
  writeFileSync(`${file}.tmp`, JSON.stringify({ '3rdparty': { extensions: { [TEST_EXTENSION_ID]: policy } } }));
  execFileSync('mv', [`${file}.tmp`, file]);
}

/** The text read with a control: its aria-describedby targets. */
async function description(page: Page, selector: string): Promise<string> {
  return page.$eval(selector, (element) =>
    (element.getAttribute('aria-describedby') ?? '')
      .split(' ')
      .map((id) => document.getElementById(id)?.textContent ?? '')
      .join(' '),
  );
}

/** Runnable: the tests. Not runnable: skipped with the reason, or, in CI, one failing test that gives the reason. */
function policySuite(name: string, body: () => void): void {
  if (reason === null) describe(name, body);
  else if (!required) describe.skip(name, body);
  else {
    describe(name, () => {
      it('runs, as CI requires', () => {
        expect.fail(`The policy e2e cannot run here: ${reason}. Run it as root through scripts/e2e-policy.sh.`);
      });
    });
  }
}

policySuite('managed policy in real Chromium', () => {
  let root: string;
  let h: Harness;
  let options: Page;
  let panel: Page;

  beforeAll(async () => {
    root = mkdtempSync(join(tmpdir(), 'floorwalker-policy-'));
    mkdirSync(join(root, 'policies/managed'), { recursive: true });
    if (existsSync(join(POLICY_DIR, 'master_preferences')))
      copyFileSync(join(POLICY_DIR, 'master_preferences'), join(root, 'master_preferences'));
    writePolicy(root, {
      pollIntervalSeconds: 20,
      actions: { forceClose: false },
      monitoringNotice: NOTICE,
      requireReason: { transfer: true },
    });
    mkdirSync(POLICY_DIR, { recursive: true });
    execFileSync('mount', ['--bind', root, POLICY_DIR]);
    h = await startHarness({ scenario: 'typical' });
    options = await h.openExtensionPage('options.html');
  });

  afterAll(async () => {
    await h?.close();
    if (root) {
      execFileSync('umount', [POLICY_DIR]);
      rmSync(root, { recursive: true, force: true });
    }
  });

  it('shows the locked values on the options page, each labelled "Managed by your organization"', async () => {
    // Chromium hands the policy to the extension a few seconds after start.
    await options.waitForFunction(() => (document.querySelector<HTMLInputElement>('#pollIntervalSeconds')?.value ?? '') === '20', {
      timeout: 20_000,
    });
    expect(await options.$eval('#pollIntervalSeconds', (input) => (input as HTMLInputElement).readOnly)).toBe(true);
    expect(await description(options, '#pollIntervalSeconds')).toContain('Managed by your organization');

    expect(
      await options.$eval('#action-forceClose', (input) => [(input as HTMLInputElement).disabled, (input as HTMLInputElement).checked]),
    ).toEqual([true, false]);
    expect(await description(options, '#action-forceClose')).toContain('Managed by your organization');
    // Not restricted: still the user's to change.
    expect(await options.$eval('#action-transfer', (input) => (input as HTMLInputElement).disabled)).toBe(false);
    expect(await description(options, '#action-transfer')).not.toContain('Managed');

    expect(await options.$eval('#monitoringNotice', (area) => (area as HTMLTextAreaElement).value)).toBe(NOTICE);
    expect(await options.$eval('#reason-transfer', (input) => (input as HTMLInputElement).checked)).toBe(true);

    const axe = await new AxePuppeteer(options).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
    expect(
      axe.violations.map(
        (violation) =>
          `${violation.id}: ${violation.nodes.map((node) => `${node.target.join(' ')} ${node.failureSummary ?? ''}`).join(', ')}`,
      ),
    ).toEqual([]);
  });

  it('shows the notice in the panel and disables the forbidden action, saying it is the organization', async () => {
    panel = await h.openSidePanel();
    await panel.waitForSelector('[role="grid"]', { timeout: 20_000 });
    // Narrow the grid to one row first, as a user would, so the row is in view and not under the header.
    const rowId = await (await panel.waitForSelector('[role="row"][id^="fw-row-"]', { timeout: 20_000 }))!.evaluate((row) => row.id);
    await (await panel.waitForSelector('input[aria-label="Search conversations"]'))!.type(rowId.replace(/^fw-row-/, ''));
    await (await panel.waitForSelector(`#${rowId}`))!.click();
    await panel.waitForSelector(DETAILS, { timeout: 10_000 });
    expect(await panel.$eval(`${DETAILS} [role="note"]`, (note) => note.textContent)).toContain(NOTICE);

    const forceClose = await panel.$eval(`${DETAILS} [data-action="forceClose"]`, (button) => ({
      disabled: button.getAttribute('aria-disabled') === 'true',
      reason: (button.getAttribute('aria-describedby') ?? '')
        .split(' ')
        .map((id) => document.getElementById(id)?.textContent ?? '')
        .join(' '),
    }));
    expect(forceClose).toEqual({ disabled: true, reason: 'Force close: Force close is turned off by your organization' });
  });

  it('refuses to request access to a host outside the organization list when the policy sets one', async () => {
    await options.bringToFront();
    writePolicy(root, {
      pollIntervalSeconds: 20,
      actions: { forceClose: false },
      monitoringNotice: NOTICE,
      requireReason: { transfer: true },
      orgUrls: [h.emulatorUrl],
    });
    await options.waitForFunction(() => document.querySelector<HTMLTextAreaElement>('#orgUrls')?.readOnly === true, { timeout: 20_000 });
    await options.type('#host-address', 'https://proxy.mcas.ms');
    await options.click('#host-address + button');
    await options.waitForFunction(() => document.getElementById('host-outcome')?.textContent === 'Blocked by your organization', {
      timeout: 5_000,
    });
  });

  it('applies a policy change while the browser runs, without a restart or a reload', async () => {
    writePolicy(root, { pollIntervalSeconds: 45, language: 'sv', monitoringNotice: 'Changed notice.' });
    await options.bringToFront();
    await options.waitForFunction(() => (document.querySelector<HTMLInputElement>('#pollIntervalSeconds')?.value ?? '') === '45', {
      timeout: 20_000,
    });
    // The organisation switched the language; the page follows, and force close is no longer restricted.
    await options.waitForFunction(() => document.querySelector('h1')?.textContent === 'Inställningar för Floorwalker', { timeout: 5_000 });
    expect(await description(options, '#pollIntervalSeconds')).toContain('Hanteras av din organisation');
    expect(await options.$eval('#action-forceClose', (input) => (input as HTMLInputElement).disabled)).toBe(false);
    expect(await options.$eval('#monitoringNotice', (area) => (area as HTMLTextAreaElement).value)).toBe('Changed notice.');
    // The open panel gets it through the worker's feed, also without a reload.
    await panel.bringToFront();
    await panel.waitForFunction(
      (details) => document.querySelector(`${details} [role="note"]`)?.textContent?.includes('Changed notice.'),
      {
        timeout: 10_000,
      },
      DETAILS,
    );
  });
});
