import { act, fireEvent, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing';
import { setLanguageOverride } from '../../../lib/i18n';
import { renderPanel } from '../panel/render-panel';
import { makeConversation, SUPERVISOR } from '../view-model/fixtures';

let panel: ReturnType<typeof renderPanel> | null = null;

beforeEach(() => {
  fakeBrowser.reset();
  setLanguageOverride('en');
});
afterEach(() => {
  panel?.close();
  panel = null;
});

describe('features in the panel, fed over the view port', () => {
  it('another supervisor’s lock marks the row and shows in its details; the shared log shows the worker’s notes', async () => {
    panel = renderPanel({ conversations: [makeConversation({ id: 'a', customerName: 'Olga' }), makeConversation({ id: 'b', customerName: 'Per' })] });
    const lock = { id: 'n1', conversationId: 'a', kind: 'transfer' as const, userId: 'u-sam', userName: 'Sam Okafor', until: Date.now() + 60_000 };
    const note = { id: 'n2', conversationId: 'a', createdAt: Date.now(), author: 'Sam Okafor', authorId: 'u-sam', subject: 'Transfer', text: 'Needs Swedish' };
    act(() => {
      panel!.source.push({ type: 'feature', update: { feature: 'softLocks', locks: [lock] } });
      panel!.source.push({ type: 'feature', update: { feature: 'sharedLog', notes: [note] } });
    });
    const row = screen.getByText('Olga').closest('[role="row"]') as HTMLElement;
    expect(within(row).getByTitle('Sam Okafor is transferring this')).toBeTruthy();
    expect(within(screen.getByText('Per').closest('[role="row"]') as HTMLElement).queryByTitle(/is transferring/)).toBeNull();
    expect(screen.getByText('Shared action log (1)')).toBeTruthy();
    fireEvent.click(row);
    const details = await screen.findByRole('dialog');
    expect(details.querySelector('.fw-lock')?.textContent).toContain('Sam Okafor is transferring this');
    expect(within(details).getByText('Needs Swedish')).toBeTruthy();
  });

  it('alert prefs changed in the panel are stored in sync storage, and a change from another browser shows', async () => {
    panel = renderPanel({ access: SUPERVISOR });
    const badge = screen.getByRole('checkbox', { name: 'On the toolbar button' }) as HTMLInputElement;
    await waitFor(() => expect(badge.checked).toBe(true));
    fireEvent.click(badge);
    await waitFor(async () => {
      const stored = (await browser.storage.sync.get('floorwalker.beyondPrefs'))['floorwalker.beyondPrefs'] as { surfaces: { badge: boolean } };
      expect(stored.surfaces.badge).toBe(false);
    });
    await act(async () => {
      const stored = (await browser.storage.sync.get('floorwalker.beyondPrefs'))['floorwalker.beyondPrefs'] as Record<string, unknown>;
      await browser.storage.sync.set({ 'floorwalker.beyondPrefs': { ...stored, breachWithinMinutes: 9 } });
    });
    expect((screen.getByRole('spinbutton', { name: 'Warn this many minutes before a wait limit' }) as HTMLInputElement).value).toBe('9');
  });
});
