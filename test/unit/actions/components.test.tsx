import { signal } from '@preact/signals';
import { cleanup, fireEvent, render, screen, within } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ActionDialogHost } from '../../../components/actions/ActionDialogHost';
import { ActionLog } from '../../../components/actions/ActionLog';
import { ConversationActions } from '../../../components/actions/ConversationActions';
import { actionRequest, closeActionRequest, requestAction } from '../../../lib/actions/dialog-state';
import { pendingRecord, type ActionIntent, type ActionRecord } from '../../../lib/model/actions';
import type { Queue } from '../../../lib/model/agent';
import { CHANNEL } from '../../../lib/model/conversation';
import { DEFAULT_SETTINGS } from '../../../lib/model/settings';
import { ME, OTHER_QUEUE_ID, QUEUE_ID, access, agent, conversation, settings } from './fixtures';

afterEach(() => {
  cleanup();
  closeActionRequest();
});

const description = (element: HTMLElement) =>
  (element.getAttribute('aria-describedby') ?? '')
    .split(' ')
    .map((id) => document.getElementById(id)?.textContent ?? '')
    .join(' ');

const queues: Queue[] = [
  { id: QUEUE_ID, name: 'Billing', type: 'messaging', supervised: true },
  { id: OTHER_QUEUE_ID, name: 'Sales enquiries', type: 'messaging', supervised: true },
];

function record(change: Partial<ActionRecord> & { intent: ActionIntent }): ActionRecord {
  return { ...pendingRecord('r1', change.intent, 'Invoice question', Date.parse('2025-03-01T10:00:00Z')), ...change };
}

/** The row's actions with everyday props; a check changes only what it is about. Returns the worker's `send`. */
function renderActions(change: Partial<Parameters<typeof ConversationActions>[0]> = {}) {
  const send = vi.fn();
  render(
    <ConversationActions
      conversation={conversation()}
      access={access()}
      agents={[]}
      queues={queues}
      settings={settings()}
      records={[]}
      send={send}
      {...change}
    />,
  );
  return send;
}

describe('ConversationActions', () => {
  it('keeps unavailable actions visible, disabled, with the reason as text tied to the button', () => {
    const send = renderActions({ conversation: conversation({ status: 'active' }) });
    const assign = screen.getByRole('button', { name: 'Assign…' });
    expect(assign.getAttribute('aria-disabled')).toBe('true');
    expect(description(assign)).toContain('Only open, unassigned conversations can be assigned');
    fireEvent.click(assign);
    expect(actionRequest.value).toBeNull();
    expect(send).not.toHaveBeenCalled();
    expect(screen.getByRole('button', { name: 'Transfer…' }).getAttribute('aria-disabled')).toBeNull();
  });

  it('sends monitor straight to the worker with the version the supervisor saw; dialogs for the rest', () => {
    const send = renderActions();
    fireEvent.click(screen.getByRole('button', { name: 'Monitor' }));
    expect(send).toHaveBeenCalledWith({ kind: 'monitor', conversationId: conversation().id, etag: 'W/"1"' });
    fireEvent.click(screen.getByRole('button', { name: 'Force close…' }));
    expect(actionRequest.value).toEqual({ kind: 'forceClose', conversationId: conversation().id });
  });

  it('offers join once monitoring', () => {
    const send = renderActions({ conversation: conversation({ participants: [{ agentId: ME, mode: 'monitor' }] }) });
    fireEvent.click(screen.getByRole('button', { name: 'Join' }));
    expect(send).toHaveBeenCalledWith(expect.objectContaining({ kind: 'join' }));
  });

  it('says the organisation turned an action off', () => {
    renderActions({ access: access({ orgSwitches: { monitor: true, assign: true, transfer: false, forceClose: true } }) });
    expect(description(screen.getByRole('button', { name: 'Transfer…' }))).toContain('Transfer is turned off by your administrator');
  });

  it("shows the row's action lifecycle, and sam's assign failure explained", () => {
    const intent: ActionIntent = { kind: 'assignAgent', conversationId: conversation().id, etag: 'W/"1"', agentId: 'x', override: false };
    renderActions({
      conversation: conversation({ status: 'open', agentId: null }),
      records: [
        record({ intent, state: 'failed', failure: 'forbidden', reason: 'actions_reason_apiAccessRole', detail: 'prvAssign missing' }),
      ],
    });
    const status = screen.getByRole('status');
    expect(status.textContent).toContain('Assign to agent failed: you lack the permission, or the feature is turned off (403)');
    expect(status.textContent).toContain('Omnichannel API access');
    expect(status.textContent).toContain('Platform: prvAssign missing');
  });

  it('shows a transfer pending until the agent answers, and disables the rest meanwhile', () => {
    const target = agent({ name: 'Keiko Tanaka' });
    const intent: ActionIntent = { kind: 'transfer', conversationId: conversation().id, etag: 'W/"1"', agentId: target.id };
    renderActions({ agents: [target], settings: null, records: [record({ intent, state: 'waitingForAgent' })] });
    expect(screen.getByRole('status').textContent).toBe('Transfer pending: waiting for Keiko Tanaka to accept');
    expect(description(screen.getByRole('button', { name: 'Force close…' }))).toContain(
      'Another action on this conversation is in progress',
    );
  });
});

describe('ConversationActions without the workspace', () => {
  it('disables what needs the workspace with the reason, and offers to open it', () => {
    const openWorkspace = vi.fn();
    const routes = { workspaceOpen: false, workerRefused: true };
    const send = renderActions({ routes, onOpenWorkspace: openWorkspace });
    for (const name of ['Monitor', 'Transfer…', 'Force close…']) {
      const button = screen.getByRole('button', { name });
      expect(button.getAttribute('aria-disabled')).toBe('true');
      expect(description(button)).toContain('Open the agent workspace to act on conversations');
      fireEvent.click(button);
    }
    expect(send).not.toHaveBeenCalled();
    fireEvent.click(screen.getByRole('button', { name: 'Open the agent workspace' }));
    expect(openWorkspace).toHaveBeenCalledOnce();
  });

  it('offers no such button while the workspace is open, or when nothing waits for it', () => {
    renderActions({ routes: { workspaceOpen: true, workerRefused: true }, onOpenWorkspace: vi.fn() });
    expect(screen.queryByRole('button', { name: 'Open the agent workspace' })).toBeNull();
    cleanup();
    renderActions({
      conversation: conversation({ channels: [CHANNEL.entityRecords], status: 'active' }),
      access: access({ orgSwitches: { monitor: true, assign: false, transfer: false, forceClose: false } }),
      routes: { workspaceOpen: false, workerRefused: false },
      onOpenWorkspace: vi.fn(),
    });
    expect(screen.queryByRole('button', { name: 'Open the agent workspace' })).toBeNull();
  });

  it('says where a monitored conversation opened', () => {
    const intent: ActionIntent = { kind: 'monitor', conversationId: conversation().id, etag: 'W/"1"' };
    renderActions({ settings: null, records: [record({ intent, state: 'done', finishedAt: 1, openedIn: 'session' })] });
    expect(screen.getByRole('status').textContent).toBe('You are monitoring this conversation Opened in the workspace tab as a session.');
  });
});

describe('ActionDialogHost', () => {
  function host(rows = [conversation()], agents = [agent()], extra: Partial<Parameters<typeof ActionDialogHost>[0]> = {}) {
    const send = vi.fn();
    render(
      <ActionDialogHost
        conversations={signal(rows)}
        access={access()}
        agents={signal(agents)}
        queues={queues}
        settings={settings()}
        records={[]}
        send={send}
        {...extra}
      />,
    );
    return send;
  }

  it('runs monitor from a shortcut without a dialog', async () => {
    const send = host();
    requestAction('monitor', conversation().id);
    await vi.waitFor(() => expect(send).toHaveBeenCalledWith({ kind: 'monitor', conversationId: conversation().id, etag: 'W/"1"' }));
    expect(actionRequest.value).toBeNull();
    expect(screen.queryByRole('dialog')).toBeNull();
  });

  it('says why when a shortcut asks for an unavailable action', async () => {
    const send = host([conversation({ channels: [CHANNEL.voice] })]);
    requestAction('transfer', conversation().id);
    expect((await screen.findByRole('alert')).textContent).toBe('Only messaging conversations (chat, SMS, WhatsApp …) can be transferred');
    expect(send).not.toHaveBeenCalled();
  });

  it('assigns to the recommended agent with one key, and states the cost of an override before confirming', async () => {
    const row = conversation({ status: 'open', agentId: null, capacityUnits: 25 });
    const best = agent({ name: 'Maya Patel', capacityFree: 60, capacityTotal: 100, skills: [{ name: 'Billing', level: 4 }] });
    const full = agent({ name: 'Jonas Berg', capacityFree: 5, capacityTotal: 100 });
    const send = host([row], [full, best]);
    requestAction('assignAgent', row.id);
    const dialog = await screen.findByRole('dialog');
    const agents = within(dialog).getByRole('group', { name: 'Agents' });
    expect(
      within(agents)
        .getAllByRole('radio')
        .map((r) => r.closest('label')!.textContent),
    ).toEqual([expect.stringContaining('Maya Patel')]);
    expect(agents.textContent).toContain('Recommended');
    expect(agents.textContent).toContain('60 of 100 units free');

    fireEvent.click(within(dialog).getByLabelText('Override presence and capacity'));
    fireEvent.click(within(dialog).getByRole('radio', { name: /Jonas Berg/ }));
    const confirm = within(dialog).getByRole('button', { name: 'Assign' });
    expect(description(confirm)).toBe('Assigning to Jonas Berg exceeds their capacity by 20 units.');
    fireEvent.click(confirm);
    expect(send).toHaveBeenCalledWith({ kind: 'assignAgent', conversationId: row.id, etag: 'W/"1"', agentId: full.id, override: true });
  });

  it('ranks by the skill asked for, with the reason in words', async () => {
    const row = conversation({ status: 'open', agentId: null, capacityUnits: 1 });
    host(
      [row],
      [
        agent({ name: 'Roomy', capacityFree: 90 }),
        agent({ name: 'Skilled', capacityFree: 2, capacityTotal: 5, skills: [{ name: 'Spanish', level: 4 }] }),
      ],
    );
    requestAction('assignAgent', row.id);
    const dialog = await screen.findByRole('dialog');
    fireEvent.change(within(dialog).getByLabelText('Skill needed'), { target: { value: 'Spanish' } });
    const first = within(dialog)
      .getAllByRole('radio', { name: /Roomy|Skilled/ })[0]!
      .closest('label')!;
    expect(first.textContent).toContain('Skilled');
    expect(first.textContent).toContain('has the skill at level 4, 2 of 5 units free');
  });

  it('assigns to another queue', async () => {
    const row = conversation({ status: 'open', agentId: null });
    const send = host([row]);
    requestAction('assignQueue', row.id);
    const dialog = await screen.findByRole('dialog');
    expect(within(dialog).getByLabelText<HTMLInputElement>('Another queue').checked).toBe(true);
    expect(within(dialog).getByLabelText<HTMLSelectElement>('Queue').value).toBe(OTHER_QUEUE_ID);
    fireEvent.click(within(dialog).getByRole('button', { name: 'Assign' }));
    expect(send).toHaveBeenCalledWith({ kind: 'assignQueue', conversationId: row.id, etag: 'W/"1"', queueId: OTHER_QUEUE_ID });
  });

  it('transfers only to eligible agents and requires the reason the organisation asks for', async () => {
    const target = agent({ name: 'Keiko Tanaka' });
    const bot = agent({ name: 'Copilot agent', isBot: true });
    const needsReason = settings({ values: { ...DEFAULT_SETTINGS, requireReason: { transfer: true, forceClose: false } } });
    const send = host([conversation()], [target, bot], { settings: needsReason });
    requestAction('transfer', conversation().id);
    const dialog = await screen.findByRole('dialog');
    expect(
      within(dialog)
        .getAllByRole('radio')
        .map((r) => r.closest('label')!.textContent),
    ).toEqual([expect.stringContaining('Keiko Tanaka')]);
    const confirm = within(dialog).getByRole<HTMLButtonElement>('button', { name: 'Transfer' });
    expect(confirm.disabled).toBe(true);
    fireEvent.input(within(dialog).getByLabelText('Reason'), { target: { value: 'Needs Spanish' } });
    fireEvent.click(confirm);
    expect(send).toHaveBeenCalledWith({
      kind: 'transfer',
      conversationId: conversation().id,
      etag: 'W/"1"',
      agentId: target.id,
      reason: 'Needs Spanish',
    });
  });

  it('asks before force closing, naming the conversation and the agent, in a whole sentence', async () => {
    const send = host();
    requestAction('forceClose', conversation().id);
    const dialog = await screen.findByRole('dialog');
    expect(dialog.textContent).toContain(
      'Force close “Olga Hansen”? Maya Patel and the customer are disconnected, and the conversation ends as Closed.',
    );
    fireEvent.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    expect(send).not.toHaveBeenCalled();
    expect(actionRequest.value).toBeNull();
  });

  it('still asks in a whole sentence when the conversation has no agent and no known customer', async () => {
    host([conversation({ agentId: null, agentName: null, customerName: null, subject: 'Chat 12' })]);
    requestAction('forceClose', conversation().id);
    const dialog = await screen.findByRole('dialog');
    expect(dialog.textContent).toContain('Force close “Chat 12”? The customer is disconnected, and the conversation ends as Closed.');
    fireEvent.click(within(dialog).getByRole('button', { name: 'Cancel' }));
  });
});

describe('ActionLog', () => {
  it('lists what, which conversation, when and result, and searches them', () => {
    const id = conversation().id;
    render(
      <ActionLog
        now={Date.parse('2025-03-01T10:05:00Z')}
        records={[
          record({ id: 'a', intent: { kind: 'monitor', conversationId: id, etag: '' }, state: 'done', label: 'Invoice question' }),
          record({
            id: 'b',
            intent: { kind: 'forceClose', conversationId: id, etag: '' },
            state: 'failed',
            failure: 'gone',
            label: 'Refund request',
          }),
        ]}
      />,
    );
    expect(screen.getAllByRole('row')).toHaveLength(3);
    fireEvent.input(screen.getByLabelText('Search actions'), { target: { value: 'refund 404' } });
    const rows = screen.getAllByRole('row');
    expect(rows).toHaveLength(2);
    expect(rows[1]!.textContent).toContain('Force close failed: the conversation no longer exists (404)');
    fireEvent.input(screen.getByLabelText('Search actions'), { target: { value: 'nothing like it' } });
    expect(screen.getByText('No action matches')).toBeTruthy();
  });
});
