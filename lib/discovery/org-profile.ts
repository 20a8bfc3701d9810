import { z } from 'zod';
import { BUILT_IN_CONTRACT, type ActionContract } from '../actions/contract';
import type { MetadataReader } from '../dataverse/metadata-stream';
import type { Failure } from '../dataverse/result';
import type { DataverseTransport } from '../dataverse/transport';
import { ContractDiscoverySchema, discoverContract, type ContractDiscovery } from './discover-contract';
import { readOrgVersion } from './org-version';
import { decideTracking, TrackingDecisionSchema, type TrackingDecision } from './tracking-decision';

/**
 * What the worker knows about the org it reads, beyond who the user is: the call contract its supervisor actions
 * take, and whether the feed may follow conversations by change tracking. Both are found out once per org and
 * version (at sign-in, or when the version changes) and kept in local storage, so they add no recurring cost.
 */
const StoredContractSchema = z.object({ version: z.string().nullable(), at: z.number(), discovery: ContractDiscoverySchema });
export type StoredContract = z.infer<typeof StoredContractSchema>;
export const StoredContractsSchema = z.record(z.string(), StoredContractSchema);
export const StoredTrackingSchema = z.record(z.string(), TrackingDecisionSchema);

/** Without a version to compare, a cached answer is trusted this long. */
const CONTRACT_MAX_AGE_MS = 24 * 3_600_000;
const TRACKING_MAX_AGE_MS = 7 * 24 * 3_600_000;
/** Orgs remembered; the least recently discovered go first. */
const ORGS_KEPT = 10;

interface Store<T> {
  get(): Promise<T>;
  set(value: T): Promise<void>;
}

export interface OrgProfileDeps {
  contracts: Store<Record<string, StoredContract>>;
  tracking: Store<Record<string, TrackingDecision>>;
  /** The org's $metadata, streamed; null where it cannot be read (then customapis alone decides). */
  metadataReader(org: string): MetadataReader | null;
  now(): number;
  /** The contract in force changed (another org, a discovery): tell the views. */
  changed(contract: ActionContract | null): void;
  /** The org's version moved since the last sign-in (an update, or another org behind the same address). */
  updated(): void;
  log(line: string): void;
}

/** Still good for this version: the same version, or, when the org gives none, young enough. */
const fresh = (entry: { version: string | null }, at: number, version: string | null, now: number, maxAge: number): boolean =>
  entry.version !== null && version !== null ? entry.version === version : now - at < maxAge;

const newest = <T extends object>(record: Record<string, T>, at: (value: T) => number): Record<string, T> =>
  Object.fromEntries(
    Object.entries(record)
      .sort(([, a], [, b]) => at(b) - at(a))
      .slice(0, ORGS_KEPT),
  );

export function createOrgProfile(deps: OrgProfileDeps) {
  let org: string | null = null;
  /** The org's version as read at the last sign-in; undefined until read. */
  let version: string | null | undefined;
  let discovery: ContractDiscovery | null = null;
  let settling: Promise<void> | null = null;

  function use(next: ContractDiscovery | null): void {
    const before = JSON.stringify(discovery?.contract ?? null);
    discovery = next;
    if (JSON.stringify(next?.contract ?? null) !== before) deps.changed(next?.contract ?? null);
  }

  async function settle(transport: DataverseTransport, readVersion: boolean): Promise<void> {
    if (org !== transport.org) {
      org = transport.org;
      version = undefined;
      use(null);
    }
    if (readVersion || version === undefined) {
      const before = version;
      version = (await readOrgVersion(transport)).version;
      if (before !== undefined && before !== version) deps.updated();
    }
    const cached = (await deps.contracts.get())[transport.org];
    if (cached && fresh(cached, cached.at, version, deps.now(), CONTRACT_MAX_AGE_MS)) return use(cached.discovery);
    const found = await discoverContract(transport, deps.metadataReader(transport.org));
    if (org !== transport.org) return;
    deps.log(
      `Floorwalker: the org's supervisor actions were read from ${found.source}${found.complete ? '' : ' (incomplete, asked again later)'}`,
    );
    // Our reading stays in force when the org could not be asked; what it said, even in part, replaces it.
    use(found.source === 'none' ? null : found);
    if (!found.complete) return;
    const all = await deps.contracts.get();
    await deps.contracts.set(newest({ ...all, [transport.org]: { version, at: deps.now(), discovery: found } }, (entry) => entry.at));
  }

  const run = (transport: DataverseTransport, readVersion: boolean): Promise<void> => {
    settling ??= settle(transport, readVersion)
      .catch((error: unknown) => deps.log(`Floorwalker: the org's actions could not be discovered: ${String(error)}`))
      .finally(() => {
        settling = null;
      });
    return settling;
  };

  return {
    /** At sign-in: read the version, then use the contract cached for it or discover the org's own. */
    signedIn: (transport: DataverseTransport): Promise<void> => run(transport, true),
    /** Before the first read of an org this worker has not settled yet (a restarted worker): the same, once. */
    ensure(transport: DataverseTransport): Promise<void> {
      return org === transport.org && version !== undefined && !settling ? Promise.resolve() : run(transport, false);
    },
    /** The contract in force for the runner: after a discovery under way; our reading when the org could not say. */
    async contract(): Promise<ActionContract> {
      await settling;
      return discovery?.contract ?? BUILT_IN_CONTRACT;
    },
    /** The org's own contract, once known (the views grey out what it cannot carry); null until then. */
    current: (): ActionContract | null => discovery?.contract ?? null,
    discovery: (): ContractDiscovery | null => discovery,
    version: (): string | null => version ?? null,
    /** Whether the feed may start change tracking on this org: decided once per version, then remembered. */
    async trackingAllowed(transport: DataverseTransport): Promise<boolean> {
      const all = await deps.tracking.get();
      const known = all[transport.org];
      const current = version ?? null;
      if (known && fresh(known, known.decidedAt, current, deps.now(), TRACKING_MAX_AGE_MS)) return known.use;
      const { decision } = await decideTracking(transport, deps.now(), current);
      if (!decision) return false;
      deps.log(
        `Floorwalker: change tracking ${decision.use ? 'used' : 'not used'} (${decision.reason}, ${decision.rows ?? '?'} conversations)`,
      );
      await deps.tracking.set(newest({ ...all, [transport.org]: decision }, (d) => d.decidedAt));
      return decision.use;
    },
    /** The first tracked read failed or was refused: remember it, so no reload tries again until the version changes. */
    async trackingFailed(transport: DataverseTransport, failure: Pick<Failure, 'message'>): Promise<void> {
      const all = await deps.tracking.get();
      const rows = all[transport.org]?.rows ?? null;
      deps.log(`Floorwalker: change tracking given up for this org version: ${failure.message}`);
      await deps.tracking.set({
        ...all,
        [transport.org]: { use: false, reason: 'firstReadFailed', rows, decidedAt: deps.now(), version: version ?? null },
      });
    },
  };
}
export type OrgProfile = ReturnType<typeof createOrgProfile>;
