import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { AccessNotice } from '../../../components/panel/AccessNotice';
import { Diagnostics } from '../../../components/panel/Diagnostics';
import { setLanguageOverride } from '../../../lib/i18n';
import type { WriteRoute } from '../../../lib/model/workspace';
import { access } from '../actions/fixtures';

afterEach(() => {
  cleanup();
  setLanguageOverride('en');
});

const NOW = Date.parse('2025-03-01T10:30:00Z');
const noIssues = { count: 0, recent: [] };
const routeNote = (writeRoute: WriteRoute) => {
  const { container } = render(<Diagnostics rowIssues={noIssues} problem={null} writeRoute={writeRoute} now={NOW} />);
  return container.querySelector('.fw-write-route')?.textContent ?? '';
};

describe('with no org in use', () => {
  it('offers to open the workspace the worker knows of, in English and Swedish', () => {
    const open = vi.fn();
    render(<AccessNotice access={access({ state: 'noOrg', org: null })} queues={[]} onOpenWorkspace={open} />);
    expect(screen.getByText('Open a Dynamics 365 agent workspace to see your conversations.')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Open the agent workspace' }));
    expect(open).toHaveBeenCalledOnce();
    cleanup();
    setLanguageOverride('sv');
    render(<AccessNotice access={access({ state: 'noOrg', org: null })} queues={[]} onOpenWorkspace={open} />);
    expect(screen.getByRole('button', { name: 'Öppna agentarbetsytan' })).toBeTruthy();
  });

  it('offers no button when the worker does not know where a workspace is', () => {
    render(<AccessNotice access={access({ state: 'noOrg', org: null })} queues={[]} />);
    expect(screen.queryByRole('button')).toBeNull();
  });
});

describe('diagnostics: where writes go', () => {
  it('says writes go through the workspace tab, from the worker, or nowhere until it is open', () => {
    expect(routeNote({ route: 'page', reason: 'workspaceOpen', since: null, detail: null })).toContain(
      'Writes go through the workspace tab.',
    );
    cleanup();
    expect(routeNote({ route: 'worker', reason: 'noWorkspace', since: null, detail: null })).toContain('no agent workspace is open');
    cleanup();
    expect(
      routeNote({ route: 'none', reason: 'workerRefused', since: NOW - 60_000, detail: 'Refused from chrome-extension://x' }),
    ).toContain('open the agent workspace to act on conversations');
  });

  it('says since when, and in the platform’s words, that the org refused the worker’s writes; in Swedish too', () => {
    const refused: WriteRoute = {
      route: 'page',
      reason: 'workerRefused',
      since: NOW - 60_000,
      detail: 'Refused from chrome-extension://x',
    };
    const english = routeNote(refused);
    expect(english).toContain('Writes go through the workspace tab.');
    expect(english).toMatch(/Since \d.+? this organization has refused changes sent from the browser's background/);
    expect(english).toContain('Refused from chrome-extension://x');
    cleanup();
    setLanguageOverride('sv');
    const swedish = routeNote(refused);
    expect(swedish).toContain('Ändringar skickas via arbetsytans flik.');
    expect(swedish).toMatch(/Sedan \d.+? tar organisationen inte emot ändringar från webbläsarens bakgrund/);
  });
});
