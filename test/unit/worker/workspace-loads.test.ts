import { describe, expect, it } from 'vitest';
import { createWorkspaceLoads } from '../../../lib/worker/workspace-loads';

const WORKSPACE = 'https://contoso.crm4.dynamics.com/main.aspx?appid=1';
const SIGN_IN = 'https://login.microsoftonline.com/common/oauth2/authorize';

type Update = [change: { status?: string; url?: string; title?: string }, tab: { status: string; url?: string }];
/** What Chromium sends as a tab loads: a load starts (its address may come with it), commits, finishes. */
const starts = (url?: string): Update => [
  { status: 'loading', url },
  { status: 'loading', url },
];
const commits = (url: string): Update => [{ url }, { status: 'loading', url }];
const titled = (url: string): Update => [{ title: 'Customer Service workspace' }, { status: 'loading', url }];
const finishes = (url: string): Update => [{ status: 'complete' }, { status: 'complete', url }];
/** The app moving to another of its own views (history.pushState): a new address, no new load. */
const movesWithin = (url: string): Update => [{ url }, { status: 'complete', url }];

/** Which of the tab's updates, in order, start the access check. */
function checksFor(updates: readonly Update[]) {
  const loads = createWorkspaceLoads(() => ['https://*.dynamics.com/main.aspx*']);
  return updates.map(([change, tab]) => loads.updated(7, change, tab));
}

describe('which workspace page loads start the access check', () => {
  it.each([
    {
      name: 'a load as soon as it has committed to the workspace, not when its scripts have finished loading',
      updates: [starts(), commits(WORKSPACE), titled(WORKSPACE), finishes(WORKSPACE)],
      checks: [false, true, false, false],
    },
    {
      name: 'every load of the workspace once, also a reload',
      updates: [starts(WORKSPACE), finishes(WORKSPACE), starts(WORKSPACE), finishes(WORKSPACE)],
      checks: [true, false, true, false],
    },
    {
      name: 'a load that replaced another before it finished (the user signed in as someone else)',
      updates: [starts(WORKSPACE), starts(SIGN_IN), starts(WORKSPACE), finishes(WORKSPACE)],
      checks: [true, false, true, false],
    },
    {
      name: 'at its end a load whose address it could not see while it loaded',
      updates: [starts(), finishes(WORKSPACE)],
      checks: [false, true],
    },
    {
      name: 'neither other pages nor the workspace app moving between its own views',
      updates: [
        starts(SIGN_IN),
        finishes(SIGN_IN),
        starts(WORKSPACE),
        finishes(WORKSPACE),
        movesWithin(`${WORKSPACE}&pagetype=entityrecord`),
      ],
      checks: [false, false, true, false, false],
    },
  ])('checks $name', ({ updates, checks }) => {
    expect(checksFor(updates)).toEqual(checks);
  });
});
