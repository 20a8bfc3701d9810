import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { OptionsPage } from '../../../components/options/OptionsPage';
import { parseManagedPolicy } from '../../../lib/policy/managed-policy';
import { mergeSettings } from '../../../lib/policy/merge';

const BUILT_IN = ['https://*.dynamics.com/*'];

afterEach(cleanup);

function setup(policy: unknown = {}, overrides = {}) {
  const { policy: parsed, issues } = parseManagedPolicy(policy);
  const props = {
    settings: mergeSettings({}, parsed, issues),
    onSave: vi.fn(async () => undefined),
    builtInPatterns: BUILT_IN,
    grantedPatterns: [] as string[],
    onRequest: vi.fn(async () => true),
    onRemove: vi.fn(),
    ...overrides,
  };
  return { ...render(<OptionsPage {...props} />), props };
}

/** The text a screen reader reads with the control, from aria-describedby. */
const description = (element: HTMLElement) =>
  (element.getAttribute('aria-describedby') ?? '')
    .split(' ')
    .map((id) => document.getElementById(id)?.textContent ?? '')
    .join(' ');

describe('OptionsPage', () => {
  it('locks what the organisation manages and says so in text tied to the control', () => {
    setup({ pollIntervalSeconds: 30, actions: { forceClose: false }, monitoringNotice: 'Chats are monitored.' });
    const interval = screen.getByLabelText<HTMLInputElement>('Refresh every (seconds)');
    expect(interval.value).toBe('30');
    expect(interval.readOnly).toBe(true);
    expect(description(interval)).toContain('Managed by your organization');

    const forceClose = screen.getByLabelText<HTMLInputElement>('Force close conversations');
    expect(forceClose.disabled).toBe(true);
    expect(forceClose.checked).toBe(false);
    expect(description(forceClose)).toContain('Managed by your organization');

    const transfer = screen.getByLabelText<HTMLInputElement>('Transfer conversations');
    expect(transfer.disabled).toBe(false);
    expect(description(transfer)).not.toContain('Managed');

    const notice = screen.getByLabelText<HTMLTextAreaElement>('Notice shown to supervisors before they monitor');
    expect(notice.value).toBe('Chats are monitored.');
    expect(notice.readOnly).toBe(true);
  });

  it('saves only what the user changed', async () => {
    const { props } = setup({ language: 'en' });
    fireEvent.input(screen.getByLabelText('Refresh every (seconds)'), { target: { value: '12' } });
    fireEvent.click(screen.getByLabelText('Show diagnostics in the panel'));
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    await screen.findByText('Settings saved.');
    expect(props.onSave).toHaveBeenCalledWith({ pollIntervalSeconds: 12, diagnostics: true });
  });

  it('refuses to save an invalid value and says what is wrong next to it', async () => {
    const { props } = setup();
    const interval = screen.getByLabelText('Refresh every (seconds)');
    fireEvent.input(interval, { target: { value: '0' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(interval.getAttribute('aria-invalid')).toBe('true'));
    expect(description(interval)).toContain('Enter a whole number of seconds from 1 to 60.');
    expect(screen.getByText('Some settings need correcting before they can be saved.')).toBeTruthy();
    expect(props.onSave).not.toHaveBeenCalled();
  });

  it('shows a save failure in words', async () => {
    setup({}, { onSave: vi.fn(async () => Promise.reject(new Error('QUOTA_BYTES_PER_ITEM quota exceeded'))) });
    fireEvent.click(screen.getByLabelText('Show diagnostics in the panel'));
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    await screen.findByText('Settings could not be saved: QUOTA_BYTES_PER_ITEM quota exceeded');
  });

  it('asks for a custom domain, and refuses a host the policy blocks without asking', async () => {
    const { props } = setup({ orgUrls: ['https://contoso.crm4.dynamics.com', 'https://crm.contoso.com'] });
    const address = screen.getByLabelText('Address');
    const allow = screen.getByRole('button', { name: 'Allow access' });

    fireEvent.input(address, { target: { value: 'https://proxy.mcas.ms' } });
    fireEvent.click(allow);
    expect(await screen.findByText('Blocked by your organization')).toBeTruthy();
    expect(props.onRequest).not.toHaveBeenCalled();

    fireEvent.input(address, { target: { value: 'https://crm.contoso.com/main.aspx' } });
    fireEvent.click(allow);
    expect(props.onRequest).toHaveBeenCalledWith('https://crm.contoso.com/*');
    expect(await screen.findByText('Access to crm.contoso.com allowed.')).toBeTruthy();
  });

  it('lists the policy problems for the admin to fix', () => {
    setup({ pollIntervalSeconds: 600 });
    const list = screen.getByRole('region', { name: "Problems in your organization's policy" });
    expect(list.textContent).toContain('pollIntervalSeconds');
  });
});
