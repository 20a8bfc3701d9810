import type { Access } from '../model/access';
import type { EffectiveSettings } from '../model/settings';
import { SUPERVISOR_FEATURES } from '../model/supervisor-switches';
import type { DataverseTransport } from '../dataverse/transport';
import type { Failure } from '../dataverse/result';
import { checkAccess, initialAccess, readOrgSwitches } from '../access/check-access';
import { policyAllowedActions } from '../policy/locks';
import { PROBE_MS } from './poll-scheduler';

/** How often the role check runs again while all is well. */
export const ACCESS_RECHECK_MS = 300_000;
/** How often the org's supervisor switches are read again: an admin's change shows within half a minute. */
const SWITCHES_RECHECK_MS = 30_000;

export interface AccessMonitorDeps {
  resolveOrg(): Promise<string | null>;
  /** True when the managed policy lists its orgs and this one is not among them. */
  isOrgBlocked(org: string): boolean;
  transportFor(org: string): DataverseTransport;
  settings(): EffectiveSettings;
  now: () => number;
  /** The user's access changed: tell the views. */
  changed(access: Access): void;
  /** Whether the feed holds any data, and drop it all (another org or user, or one who may not see it). */
  hasData(): boolean;
  resetData(): void;
  /**
   * A user signed in as a supervisor: the first check of this user, one after another state, or the check a
   * workspace (re)load asked for. What the org is (lib/discovery) is found out then, not on every periodic check.
   */
  signedIn?(transport: DataverseTransport): void;
}

/** What a cycle may do, once access is settled: read the org, wait, or report why the check could not finish. */
export type Gate = { kind: 'read'; transport: DataverseTransport } | { kind: 'wait'; ms: number } | { kind: 'failed'; failure: Failure };

/**
 * Who the user is to the org in use, before anything is read from it: which org (and whether the policy blocks
 * it), the role check, re-run periodically and whenever the workspace reloads, and the org's switches, re-read
 * after good polls so an admin's change shows within half a minute.
 */
export function createAccessMonitor(deps: AccessMonitorDeps) {
  let access: Access = initialAccess(null, 'checking');
  let due = false;
  let switchesReadAt = 0;
  /** A manual refresh asked for them: read at the next good poll, however recently they were read. */
  let switchesAsked = false;
  /** The supervisorRoles setting the last check used: a change decides who is a supervisor, so it checks again. */
  let rolesChecked: readonly string[] = [];

  const set = (next: Access): void => {
    if (JSON.stringify(next) === JSON.stringify(access)) return;
    access = next;
    deps.changed(access);
  };
  const dropDataIfAny = () => {
    if (deps.hasData()) deps.resetData();
  };
  const checkIsDue = (): boolean => {
    if (due) return true;
    const { state, checkedAt } = access;
    if (state !== 'supervisor' && state !== 'notSupervisor') return true;
    return checkedAt === null || deps.now() - checkedAt >= ACCESS_RECHECK_MS;
  };

  async function check(transport: DataverseTransport): Promise<Failure | null> {
    const asked = due;
    due = false;
    const settings = deps.settings();
    rolesChecked = settings.values.supervisorRoles;
    const result = await checkAccess(transport, policyAllowedActions(settings), deps.now, rolesChecked);
    const transient = result.failure !== null && result.failure.kind !== 'signedOut';
    if (transient && access.state === 'supervisor') {
      // A fault during a routine re-check: keep the last good answer and try the check again soon.
      access = { ...access, checkedAt: deps.now() - ACCESS_RECHECK_MS + PROBE_MS };
      return null;
    }
    if (result.failure) {
      // Keep who we last knew the user to be, so a different user signing in later is noticed.
      set({ ...access, state: result.access.state, message: result.access.message, checkedAt: result.access.checkedAt });
      return result.failure;
    }
    if (access.userId && result.access.userId !== access.userId) deps.resetData();
    const sameSupervisor = access.state === 'supervisor' && access.userId === result.access.userId;
    set(result.access);
    if (result.access.state === 'supervisor' && (asked || !sameSupervisor)) deps.signedIn?.(transport);
    return null;
  }

  return {
    current: (): Access => access,
    /** What a previous worker knew (storage.session). */
    restore(saved: Access): void {
      access = saved;
    },
    /** The transport to the org in use, once the user is known to be a supervisor there. */
    transport(): DataverseTransport | null {
      return access.state === 'supervisor' && access.org ? deps.transportFor(access.org) : null;
    },
    /** Settle access at the start of a cycle: the org, the policy, and the role check when it is due. */
    async settle(): Promise<Gate> {
      const org = await deps.resolveOrg();
      if (org !== access.org) {
        deps.resetData();
        set(initialAccess(org));
      }
      if (!org) return { kind: 'wait', ms: PROBE_MS };
      if (deps.isOrgBlocked(org)) {
        // The organisation's policy does not list this org: say so, and send it nothing.
        if (access.state !== 'blockedHost') set(initialAccess(org, 'blockedHost'));
        dropDataIfAny();
        return { kind: 'wait', ms: ACCESS_RECHECK_MS };
      }
      if (access.state === 'blockedHost') due = true;
      const transport = deps.transportFor(org);
      if (checkIsDue()) {
        const failure = await check(transport);
        if (failure) return { kind: 'failed', failure };
      }
      if (access.state !== 'supervisor') {
        dropDataIfAny();
        return { kind: 'wait', ms: ACCESS_RECHECK_MS };
      }
      return { kind: 'read', transport };
    },
    /** The workspace was (re)loaded: the user or org may have changed, so check again on the next cycle. */
    recheck(): void {
      due = true;
    },
    /**
     * A supervisor who refreshes expects what the admin just switched to show with the list: the switches are read
     * with the next good poll.
     */
    askSwitches(): void {
      switchesAsked = true;
    },
    /** One small read of the org's switches when they are due; a failure here is left to the next poll to report. */
    async rereadSwitchesIfDue(transport: DataverseTransport): Promise<void> {
      if (!switchesAsked && deps.now() - Math.max(switchesReadAt, access.checkedAt ?? 0) < SWITCHES_RECHECK_MS) return;
      switchesAsked = false;
      switchesReadAt = deps.now();
      const read = await readOrgSwitches(transport);
      if (!read.ok) return;
      const orgSwitches = read.value;
      if (SUPERVISOR_FEATURES.some((feature) => access.orgSwitches[feature] !== orgSwitches[feature])) set({ ...access, orgSwitches });
    },
    /** The platform says the session ended. */
    signedOut(message: string): void {
      if (access.state !== 'signedOut') set({ ...access, state: 'signedOut', message });
    },
    /** The policy changed: what it allows applies at once, without a new role check (unless it lists other supervisor roles). */
    settingsChanged(settings: EffectiveSettings): void {
      if (JSON.stringify(settings.values.supervisorRoles) !== JSON.stringify(rolesChecked)) due = true;
      if (access.state === 'supervisor') set({ ...access, policyAllows: policyAllowedActions(settings) });
    },
  };
}
export type AccessMonitor = ReturnType<typeof createAccessMonitor>;
