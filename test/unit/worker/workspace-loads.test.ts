import { describe, expect, it } from 'vitest';
import { createWorkspaceLoads } from '../../../lib/worker/workspace-loads';

const WORKSPACE = 'https://contoso.crm4.dynamics.com/main.aspx?appid=1';
const SIGN_IN = 'https://login.microsoftonline.com/common/oauth2/authorize';

/** The tab's updates in order, as Chromium sends them; which of them start the access check. */
function checksFor(updates: Array<[change: { status?: string; url?: string; title?: string }, tab: { status: string; url?: string }]>) {
  const loads = createWorkspaceLoads(() => ['https://*.dynamics.com/main.aspx*']);
  return updates.map(([change, tab]) => loads.updated(7, { change, tab }));
}

describe('which workspace page loads start the access check', () => {
  it('checks a load as soon as it has committed to the workspace, not when its scripts have finished loading', () => {
    expect(
      checksFor([
        [{ status: 'loading' }, { status: 'loading', url: 'about:blank' }],
        [{ url: WORKSPACE }, { status: 'loading', url: WORKSPACE }],
        [{ title: 'Customer Service workspace' }, { status: 'loading', url: WORKSPACE }],
        [{ status: 'complete' }, { status: 'complete', url: WORKSPACE }],
      ]),
    ).toEqual([false, true, false, false]);
  });

  it('checks every load of the workspace once, also a reload', () => {
    expect(
      checksFor([
        [
          { status: 'loading', url: WORKSPACE },
          { status: 'loading', url: WORKSPACE },
        ],
        [{ status: 'complete' }, { status: 'complete', url: WORKSPACE }],
        [{ status: 'loading' }, { status: 'loading', url: WORKSPACE }],
        [{ status: 'complete' }, { status: 'complete', url: WORKSPACE }],
      ]),
    ).toEqual([true, false, true, false]);
  });

  it('checks a load that replaced another before it finished (the user signed in as someone else)', () => {
    expect(
      checksFor([
        [
          { status: 'loading', url: WORKSPACE },
          { status: 'loading', url: WORKSPACE },
        ],
        [
          { status: 'loading', url: SIGN_IN },
          { status: 'loading', url: SIGN_IN },
        ],
        [
          { status: 'loading', url: WORKSPACE },
          { status: 'loading', url: WORKSPACE },
        ],
        [{ status: 'complete' }, { status: 'complete', url: WORKSPACE }],
      ]),
    ).toEqual([true, false, true, false]);
  });

  it('still checks at the end of a load whose address it could not see while it loaded', () => {
    expect(
      checksFor([
        [{ status: 'loading' }, { status: 'loading' }],
        [{ status: 'complete' }, { status: 'complete', url: WORKSPACE }],
      ]),
    ).toEqual([false, true]);
  });

  it('leaves other pages and the workspace app moving between its own views alone', () => {
    expect(
      checksFor([
        [
          { status: 'loading', url: SIGN_IN },
          { status: 'loading', url: SIGN_IN },
        ],
        [{ status: 'complete' }, { status: 'complete', url: SIGN_IN }],
        [
          { status: 'loading', url: WORKSPACE },
          { status: 'loading', url: WORKSPACE },
        ],
        [{ status: 'complete' }, { status: 'complete', url: WORKSPACE }],
        [{ url: `${WORKSPACE}&pagetype=entityrecord` }, { status: 'complete', url: `${WORKSPACE}&pagetype=entityrecord` }],
      ]),
    ).toEqual([false, false, true, false, false]);
  });
});
