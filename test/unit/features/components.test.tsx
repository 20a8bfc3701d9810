import { signal } from '@preact/signals';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { AlertsPanel } from '../../../components/features/alerts/AlertsPanel';
import { BulkDialog, BulkProgress } from '../../../components/features/bulk-actions/BulkDialog';
import { BulkSelectArea } from '../../../components/features/bulk-actions/BulkSelectArea';
import { RowContextView } from '../../../components/features/row-context/RowContextView';
import { SharedLog } from '../../../components/features/shared-log/SharedLog';
import { ShareViews } from '../../../components/features/share-views/ShareViews';
import { SweeperView } from '../../../components/features/sweeper/SweeperView';
import { rowDomId } from '../../../components/panel/columns';
import { DEFAULT_ALERT_PREFS as DEFAULT_PREFS } from '../../../lib/features/alerts/prefs';
import { startBulkRun } from '../../../lib/features/bulk-actions/run';
import { createBulkSelection } from '../../../lib/features/bulk-actions/selection';
import { exportSavedFilter } from '../../../lib/features/share-views/share';
import { CHANNEL } from '../../../lib/model/conversation';
import { DEFAULT_LIST_SPEC } from '../../../lib/view-model/list-spec';
import { access, conversation, QUEUE_ID, settings } from '../actions/fixtures';

afterEach(cleanup);

const id = (n: number) => `c0000000-0000-4000-8000-00000000000${n}`;
const queues = [{ id: QUEUE_ID, name: 'Billing', type: 'messaging' as const, supervised: true }];

describe('BulkDialog', () => {
  it('previews each row — acted on or skipped with the rule — warns of others’ locks, and starts only the eligible', () => {
    const rows = [
      conversation({ id: id(1), customerName: 'Olga', status: 'waiting' }),
      conversation({ id: id(2), customerName: 'Per', channels: [CHANNEL.entityRecords] }),
    ];
    const lock = { id: 'n', conversationId: id(1), kind: 'transfer' as const, userId: 'sam', userName: 'Sam Okafor', until: 10_000 };
    const onStart = vi.fn();
    render(
      <BulkDialog
        kind="forceClose"
        conversations={rows}
        access={access()}
        settings={settings()}
        agents={[]}
        queues={queues}
        records={[]}
        locks={[lock]}
        now={0}
        onStart={onStart}
        onClose={() => undefined}
      />,
    );
    expect(screen.getByText(/Preview: 1 will be acted on, 1 skipped/)).toBeTruthy();
    expect(screen.getByText(/skipped: Only voice and messaging conversations can be force closed/)).toBeTruthy();
    expect(screen.getByText('Sam Okafor is transferring this')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Force close 1' }));
    expect(onStart).toHaveBeenCalledWith([{ kind: 'forceClose', conversationId: id(1), etag: 'W/"1"' }]);
  });

  it('shows per-item results, the failures with their reasons, and cancels the rest', async () => {
    const rows = [
      conversation({ id: id(1), customerName: 'Olga' }),
      conversation({ id: id(2), customerName: 'Per' }),
      conversation({ id: id(3), customerName: 'Ada' }),
    ];
    let release: () => void = () => undefined;
    const run = startBulkRun(
      rows.map((c) => ({ kind: 'forceClose' as const, conversationId: c.id, etag: c.etag })),
      {
        now: Date.now,
        sleep: async () => undefined,
        dispatch: (intent) =>
          intent.conversationId === id(1)
            ? Promise.resolve({ state: 'failed' as const, failure: 'forbidden' as const, reason: null, detail: 'Queue rule: not a member' })
            : new Promise((resolve) => (release = () => resolve({ state: 'done' as const, failure: null, reason: null, detail: null }))),
      },
      { concurrency: 1, gapMs: 0 },
    );
    render(<BulkProgress title="Force close 3" run={run} conversations={rows} onClose={() => undefined} />);
    await waitFor(() => expect(screen.getByText(/Failed \(1\)/)).toBeTruthy());
    expect(screen.getByText(/Queue rule: not a member/)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Cancel the rest' }));
    release();
    await run.finished;
    await waitFor(() =>
      expect(screen.getByRole('status').textContent).toContain('1 done, 0 waiting for the agent, 1 failed, 1 cancelled, 0 to go'),
    );
  });
});

describe('bulk selection over the grid', () => {
  it('ctrl-click and shift-click select without opening the row; Space and Ctrl+A from the keyboard', () => {
    const selection = createBulkSelection();
    const order = signal([id(1), id(2), id(3)]);
    const cursor = signal<string | null>(id(1));
    const opened = vi.fn();
    render(
      <BulkSelectArea selection={selection} order={order} cursor={cursor}>
        <div role="grid" tabIndex={0} data-testid="grid">
          {order.value.map((rowId) => (
            <div key={rowId} role="row" id={rowDomId(rowId)} onClick={() => opened(rowId)}>
              {rowId}
            </div>
          ))}
        </div>
      </BulkSelectArea>,
    );
    fireEvent.click(screen.getByText(id(1)), { ctrlKey: true });
    fireEvent.click(screen.getByText(id(3)), { shiftKey: true });
    expect(opened).not.toHaveBeenCalled();
    expect([...selection.ids.value]).toEqual([id(1), id(2), id(3)]);
    fireEvent.keyDown(screen.getByTestId('grid'), { key: ' ' });
    expect(selection.ids.value.has(id(1))).toBe(false);
    selection.clear();
    fireEvent.keyDown(screen.getByTestId('grid'), { key: 'ArrowDown', shiftKey: true });
    expect([...selection.ids.value]).toEqual([id(1), id(2)]);
    fireEvent.keyDown(screen.getByTestId('grid'), { key: 'a', ctrlKey: true });
    expect(selection.ids.value.size).toBe(3);
    fireEvent.click(screen.getByText(id(2)));
    expect(opened).toHaveBeenCalledWith(id(2));
  });
});

describe('alerts, log, context, sharing', () => {
  it('alerts show in words and each kind and place can be muted', () => {
    const onPrefs = vi.fn();
    const alert = {
      key: 'k',
      kind: 'idleMismatch' as const,
      queueId: QUEUE_ID,
      queueName: 'Billing',
      conversationIds: [id(1)],
      value: 3,
      label: null,
    };
    const breach = { ...alert, key: 'b', kind: 'breachSoon' as const, queueName: 'Voice', value: 2 };
    render(<AlertsPanel alerts={[alert, breach]} prefs={DEFAULT_PREFS} onPrefs={onPrefs} onShow={() => undefined} />);
    // Folded: one line with the count and the most urgent alert's title (a limit about to be passed comes first).
    const toggle = screen.getByRole('button', { name: /2 alerts/ });
    expect(toggle.textContent).toBe('2 alerts · Voice: wait limit about to be passed');
    expect(screen.queryByText('Billing: customers wait while agents are free')).toBeNull();
    fireEvent.click(toggle);
    expect(toggle.getAttribute('aria-expanded')).toBe('true');
    expect(screen.getByText('Billing: customers wait while agents are free')).toBeTruthy();
    expect([...document.querySelectorAll('[data-alert]')].map((item) => item.getAttribute('data-alert'))).toEqual([
      'breachSoon',
      'idleMismatch',
    ]);
    fireEvent.click(screen.getByRole('checkbox', { name: 'As browser notifications' }));
    expect(onPrefs.mock.calls[0]![0](DEFAULT_PREFS).surfaces.notification).toBe(false);
  });

  it('the shared log renders note text as text and exports CSV', () => {
    const created: Blob[] = [];
    vi.spyOn(URL, 'createObjectURL').mockImplementation((blob) => (created.push(blob as Blob), 'blob:x'));
    const note = {
      id: 'n1',
      conversationId: id(1),
      createdAt: 0,
      author: 'Sofia Lindqvist',
      authorId: null,
      subject: 'Transfer',
      text: '<img src=x onerror=alert(1)>',
    };
    render(<SharedLog notes={[note]} labelOf={() => 'Olga'} now={0} />);
    expect(screen.getByText('<img src=x onerror=alert(1)>')).toBeTruthy();
    expect(document.querySelector('img')).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Export CSV (1)' }));
    expect(created).toHaveLength(1);
    vi.restoreAllMocks();
  });

  it('row context says honestly what the platform does not expose', () => {
    render(<RowContextView context={{ sinceChangeSeconds: 120, flags: [{ key: 'context_flag_stuck', subs: [30] }], lock: null }} />);
    expect(screen.getByText('idle longer than 30 min (stuck)')).toBeTruthy();
    expect(screen.getByText(/Dynamics 365 writes the messages of a conversation only when it ends/)).toBeTruthy();
  });

  it('imports a pasted view after validating it', async () => {
    const onImport = vi.fn(async () => undefined);
    render(<ShareViews filters={[]} pageUrl="chrome-extension://x/sidepanel.html" onImport={onImport} />);
    const input = screen.getByRole('textbox', { name: 'Link or code' });
    fireEvent.input(input, { target: { value: 'nonsense!' } });
    fireEvent.click(screen.getByRole('button', { name: 'Import' }));
    await waitFor(() => expect(screen.getByRole('status').textContent).toContain('not a Floorwalker view'));
    fireEvent.input(input, { target: { value: exportSavedFilter({ name: 'Mine', spec: DEFAULT_LIST_SPEC, savedAt: 1 }) } });
    fireEvent.click(screen.getByRole('button', { name: 'Import' }));
    await waitFor(() => expect(onImport).toHaveBeenCalledWith({ name: 'Mine', spec: DEFAULT_LIST_SPEC, savedAt: 1 }));
  });
});

describe('SweeperView', () => {
  it('takes a threshold as it is typed, before the field loses focus', () => {
    let minutes = { default: 30, byChannel: {} as Record<string, number> };
    const onMinutes = vi.fn((change: (m: typeof minutes) => typeof minutes) => (minutes = change(minutes)));
    render(
      <SweeperView stuck={[]} minutes={minutes} channels={[CHANNEL.voice]} onMinutes={onMinutes} onCleanUp={vi.fn()} onOpen={vi.fn()} />,
    );
    const [byDefault, voice] = screen.getAllByRole<HTMLInputElement>('spinbutton');
    fireEvent.input(byDefault!, { target: { value: '45' } });
    fireEvent.input(voice!, { target: { value: '5' } });
    expect(minutes).toEqual({ default: 45, byChannel: { [String(CHANNEL.voice)]: 5 } });
  });
});
