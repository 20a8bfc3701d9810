/**
 * The stand-in Customer Service workspace page (/main.aspx): app header, session tabs, a home dashboard and record
 * pages switched with history.pushState, and the Xrm / Microsoft.Omnichannel globals the real page exposes.
 */
import { escapeHtml, page, scriptJson } from './html';
import { WORKSPACE_SCRIPT } from './script';
import { WORKSPACE_STYLE } from './style';

export const APP_UNIQUE_NAME = 'msdyn_CustomerServiceWorkspace';
const APP_ID = 'a1b2c3d4-0000-4000-8000-00000000a99d';
const APP_DISPLAY_NAME = 'Customer Service workspace';

export interface WorkspaceUser {
  systemuserid: string;
  fullname: string;
  upn: string;
  roles: readonly { id: string; name: string }[];
}

export interface WorkspaceBoot {
  clientUrl: string;
  user: WorkspaceUser;
}

/** Xrm shows GUIDs braced and upper-case. */
const xrmGuid = (id: string): string => `{${id.toUpperCase()}}`;

export function workspacePage(boot: WorkspaceBoot): string {
  const context = {
    clientUrl: boot.clientUrl,
    app: {
      appId: APP_ID,
      uniqueName: APP_UNIQUE_NAME,
      displayName: APP_DISPLAY_NAME,
      url: `${boot.clientUrl}/main.aspx?appname=${APP_UNIQUE_NAME}`,
    },
    user: {
      userId: xrmGuid(boot.user.systemuserid),
      userName: boot.user.fullname,
      upn: boot.user.upn,
      roles: boot.user.roles.map((r) => ({ id: xrmGuid(r.id), name: r.name })),
    },
  };
  return page(
    `${APP_DISPLAY_NAME} — Dynamics 365`,
    `<header id="app-header" role="banner">
  <span class="waffle" aria-hidden="true">⋮⋮⋮</span>
  <span class="brand">Dynamics 365</span>
  <span class="app-name">${escapeHtml(APP_DISPLAY_NAME)}</span>
  <span class="user" title="${escapeHtml(boot.user.upn)}">${escapeHtml(boot.user.fullname)}</span>
</header>
<nav id="session-tabs" role="tablist" aria-label="Sessions">
  <button type="button" role="tab" class="session-tab" data-session="home" aria-selected="true">Home</button>
</nav>
<main id="workspace-main" tabindex="-1"></main>
<script>window.__FLOORWALKER_EMULATOR__ = ${scriptJson(context)};</script>
<script>${WORKSPACE_SCRIPT}</script>`,
    `<style>${WORKSPACE_STYLE}</style>`,
  );
}
