import { act, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { ConversationsToolbar } from '../../../components/panel/ConversationsToolbar';
import { PanelHeader } from '../../../components/panel/PanelHeader';
import { setLanguageOverride } from '../../../lib/i18n';
import type { FeedPatch } from '../../../lib/model/feed-state';
import { makeAgent, makeConversation } from '../view-model/fixtures';
import { renderPanel } from './render-panel';

// The real components, counted: a live patch must re-render only what shows all rows, never the panel's frame.
vi.mock('../../../components/panel/PanelHeader', async (importOriginal) => {
  const actual = await importOriginal<typeof import('../../../components/panel/PanelHeader')>();
  return { ...actual, PanelHeader: vi.fn(actual.PanelHeader) };
});
vi.mock('../../../components/panel/ConversationsToolbar', async (importOriginal) => {
  const actual = await importOriginal<typeof import('../../../components/panel/ConversationsToolbar')>();
  return { ...actual, ConversationsToolbar: vi.fn(actual.ConversationsToolbar) };
});

let panel: ReturnType<typeof renderPanel> | null = null;
const push = (patch: FeedPatch) => {
  act(() => panel!.source.push({ type: 'patch', patch }));
};
const frameRenders = () => vi.mocked(PanelHeader).mock.calls.length + vi.mocked(ConversationsToolbar).mock.calls.length;
const text = (selector: string) => document.querySelector(selector)?.textContent;
const billingTile = () => screen.getByRole('heading', { name: 'Billing' }).closest('li')!;

beforeEach(() => {
  fakeBrowser.reset();
  setLanguageOverride('en');
});
afterEach(() => {
  panel?.close();
  panel = null;
  vi.clearAllMocks();
});

describe('Panel: live patches', () => {
  it('re-renders neither header nor toolbar when a patch changes one row, while counts and tiles follow rows that come and go', async () => {
    const rows = ['a', 'b', 'c'].map((id) => makeConversation({ id }));
    panel = renderPanel({ conversations: rows, agents: [makeAgent({ id: 'x' })] });
    expect(screen.getByRole('tab', { name: 'Conversations (3)' })).toBeTruthy();
    expect(text('.fw-count')).toBe('Showing 3 of 3');
    // The tiles follow a task later (nextTask): their walk over every row is not part of the patch's task.
    await waitFor(() => expect(within(billingTile()).getAllByText('3 waiting').length).toBeGreaterThan(0));
    const before = frameRenders();
    expect(before).toBeGreaterThan(0);

    push({ conversations: { upsert: [{ ...rows[1]!, customerName: 'Renamed' }], remove: [] } });
    expect(screen.getByRole('grid').textContent).toContain('Renamed');
    expect(frameRenders()).toBe(before);

    push({
      conversations: { upsert: [makeConversation({ id: 'd' })], remove: [] },
      agents: { upsert: [makeAgent({ id: 'y' })], remove: [] },
    });
    expect(screen.getByRole('tab', { name: 'Conversations (4)' })).toBeTruthy();
    expect(screen.getByRole('tab', { name: 'Agents (2)' })).toBeTruthy();
    expect(text('.fw-count')).toBe('Showing 4 of 4');
    await waitFor(() => expect(within(billingTile()).getAllByText('4 waiting').length).toBeGreaterThan(0));

    push({ conversations: { upsert: [], remove: ['a', 'b', 'c', 'd'] } });
    expect(screen.getByRole('tab', { name: 'Conversations (0)' })).toBeTruthy();
    expect(text('.fw-count')).toBe('Showing 0 of 0');
    expect(screen.getByText('No ongoing conversations in your queues.')).toBeTruthy();
    await waitFor(() => expect(billingTile().textContent).toContain('0 waiting'));
    expect(frameRenders()).toBe(before);
  });
});
