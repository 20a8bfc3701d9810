import { fireEvent, screen, within } from '@testing-library/preact';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { closeActionRequest } from '../../../../lib/actions/dialog-state';
import { ACTION_KINDS, ActionIntentSchema, type ActionIntent } from '../../../../lib/actions/registry';
import { availability } from '../../../../lib/actions/rules';
import { createActionRunner } from '../../../../lib/actions/runner';
import { recordWords } from '../../../../lib/actions/words';
import { setLanguageOverride } from '../../../../lib/i18n';
import { ViewToWorkerSchema } from '../../../../lib/protocol/view-port';
import { renderPanel } from '../../panel/render-panel';
import { makeConversation, SUPERVISOR } from '../../view-model/fixtures';
import { fakePlatform } from '../fake-platform';
import { access, conversation, ME } from '../fixtures';

/*
 * docs/adding-an-action.md claims an action is its definition, one registry line and its strings. This registers
 * the document's example (./end-consult.ts, ./en.json, ./sv.json) the way those lines would, touches nothing else,
 * and checks that the worker, the rules, the keyboard, the help sheet, the palette, the row and the dialogs all
 * offer it.
 */
vi.mock('../../../../lib/actions/registry', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../../../lib/actions/registry')>();
  const { endConsult } = await import('./end-consult');
  return { ...real, ...real.indexDefinitions([...real.ACTION_DEFINITIONS, endConsult]) };
});
vi.mock('../../../../lib/i18n/catalogs', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../../../lib/i18n/catalogs')>();
  const added = { en: (await import('./en.json')).default, sv: (await import('./sv.json')).default };
  return { ...real, mergedCatalog: (language: 'en' | 'sv') => ({ ...real.mergedCatalog(language), ...added[language] }) };
});

const conversationId = 'c0000000-0000-4000-8000-00000000000e';
// The intent as a view builds it; typed loosely because the real ActionIntent type knows six kinds only.
const intent = { kind: 'endConsult', conversationId, etag: 'W/"1"' } as unknown as ActionIntent;

beforeEach(() => {
  fakeBrowser.reset();
  setLanguageOverride('en');
});
afterEach(() => closeActionRequest());

describe('a seventh action, added by its definition, one registry line and its strings', () => {
  it('is a kind the worker accepts from a view', () => {
    expect(ACTION_KINDS).toContain('endConsult');
    expect(ActionIntentSchema.safeParse(intent).success).toBe(true);
    expect(ViewToWorkerSchema.safeParse({ type: 'action', requestId: 'r1', intent }).success).toBe(true);
    expect(ActionIntentSchema.safeParse({ kind: 'endConsult', conversationId: '', etag: '' }).success).toBe(false);
  });

  it('is governed by the switch it rides on and by its own state rule', () => {
    const joined = conversation({ participants: [{ agentId: ME, mode: 'consult' }] });
    const kind = 'endConsult' as ActionIntent['kind'];
    expect(availability(kind, { conversation: joined, access: access() })).toEqual({ enabled: true, reason: null });
    expect(availability(kind, { conversation: conversation(), access: access() }).reason).toBe('actions_reason_endConsultNotJoined');
    const off = access({ orgSwitches: { ...access().orgSwitches, monitor: false } });
    expect(availability(kind, { conversation: joined, access: off }).reason).toBe('actions_reason_switchOff_monitor');
  });

  it('is sent to the platform through the contract, and called done only when a fresh read shows it', async () => {
    vi.useFakeTimers();
    try {
      const platform = fakePlatform({ id: conversationId, participants: [{ agentId: ME, mode: 'consult' }] });
      platform.respond((request) => {
        platform.change({ participants: [] });
        return { ok: true, status: 204, body: null, headers: { path: request.path } };
      });
      createActionRunner(platform.deps).run(intent, 'r1');
      await vi.advanceTimersByTimeAsync(15_000);
      expect(platform.requests[0]).toMatchObject({
        method: 'POST',
        path: `msdyn_ocliveworkitems(${conversationId})/Microsoft.Dynamics.CRM.CCaaS_CloseConsult`,
      });
      const record = platform.last()[0]!;
      expect(record).toMatchObject({ state: 'done' });
      expect(recordWords(record, { agent: () => undefined, queue: () => undefined }, String).summary).toBe(
        'You left the conversation; the agent carries on',
      );
    } finally {
      vi.useRealTimers();
    }
  });

  it('is on the row, the help sheet, the palette and its key, and asks before it is sent', () => {
    const row = makeConversation({
      id: 'a',
      status: 'active',
      agentId: 'x',
      agentName: 'Xena',
      customerName: 'Alma',
      participants: [{ agentId: SUPERVISOR.userId!, mode: 'consult' }],
    });
    const panel = renderPanel({ conversations: [row] });
    try {
      const grid = screen.getByRole('grid', { name: 'Ongoing conversations' });
      grid.focus();
      fireEvent.keyDown(grid, { key: '?' });
      const sheet = screen.getByRole('dialog', { name: 'Keyboard shortcuts' });
      expect(within(sheet).getByRole('row', { name: /End consult/ }).textContent).toContain('e');
      fireEvent.click(within(sheet).getByRole('button', { name: 'Close' }));

      fireEvent.keyDown(grid, { key: 'j' });
      fireEvent.keyDown(grid, { key: 'k', ctrlKey: true });
      const palette = screen.getByRole('dialog', { name: 'Commands' });
      expect(
        within(palette)
          .getByRole('option', { name: /End consult: Alma/ })
          .getAttribute('aria-disabled'),
      ).toBeNull();
      fireEvent.click(within(palette).getByRole('button', { name: 'Close' }));

      fireEvent.keyDown(grid, { key: 'Enter' });
      const details = screen.getAllByRole('dialog').find((d) => d.querySelector('.fw-actions'))!;
      expect(within(details).getByRole('button', { name: 'End consult…' })).toBeTruthy();
      fireEvent.click(within(details).getByRole('button', { name: 'End consult…' }));

      const confirm = screen.getAllByRole('dialog').find((d) => d.textContent?.includes('carry on without you'))!;
      expect(confirm.textContent).toContain('Leave “Alma”? Xena and the customer carry on without you.');
      fireEvent.click(within(confirm).getByRole('button', { name: 'End consult' }));
      const sent = panel.source.sent.filter((m) => m.type === 'action');
      expect(sent).toEqual([
        { type: 'action', requestId: expect.any(String), intent: { kind: 'endConsult', conversationId: 'a', etag: 'W/"1"' } },
      ]);
    } finally {
      panel.close();
    }
  });
});

describe('no part of the product outside the definitions names an action kind', () => {
  const root = resolve(import.meta.dirname, '../../../..');
  const files = (dir: string): string[] =>
    readdirSync(dir).flatMap((name) => {
      const path = join(dir, name);
      return statSync(path).isDirectory() ? files(path) : /\.tsx?$/.test(name) ? [path] : [];
    });
  // lib/beyond and components/beyond still keep their own bulk and lock lists until they move to lib/features and
  // take them from the registry (BULKABLE_KINDS, LOCKABLE_KINDS, each definition's bulk and lock labels).
  const product = ['lib', 'components', 'entrypoints']
    .flatMap((dir) => files(join(root, dir)))
    .map((path) => relative(root, path))
    .filter((path) => !path.startsWith('lib/actions/kinds/'));

  it.each(['monitor', 'join', 'assignAgent', 'assignQueue', 'transfer', 'forceClose'])('%s', (kind) => {
    // A kind switch or list: `kind === 'x'`, `case 'x':`, `x: …` in a kind-keyed record, or the bare name where only a kind can be meant.
    const kindOnly = !['monitor', 'transfer', 'forceClose'].includes(kind); // the others are also switch, seat and hand-off names
    const pattern = new RegExp(`kind\\s*[!=]==?\\s*'${kind}'|case '${kind}':|kind: '${kind}'${kindOnly ? `|'${kind}'` : ''}`);
    const naming = product.filter((path) => pattern.test(readFileSync(join(root, path), 'utf8')));
    expect(naming).toEqual([]);
  });
});
