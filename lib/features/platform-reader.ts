import type { DataverseTransport } from '../dataverse/transport';
import type { Access } from '../model/access';

/** What the worker half of a feature that reads the platform after feed polls is given. */
export interface PlatformReaderDeps<Memory, Published> {
  transport(): DataverseTransport | null;
  access(): Access;
  /** storage.session in the extension: what a restarted worker picks up. */
  memory: { get(): Promise<Memory>; set(value: Memory): Promise<void> };
  /** The feature's state goes to every open view. */
  publish(state: Published): void;
  now(): number;
  log?: (line: string) => void;
}

/** Runs a read one pass at a time: a call while one is under way shares it. A failure is logged, never thrown. */
export function onePassAtATime(pass: () => Promise<void>, log: (line: string) => void, what: string): () => Promise<void> {
  let running: Promise<void> | null = null;
  return () =>
    (running ??= pass()
      .catch((error: unknown) => log(`Floorwalker: ${what} not updated: ${String(error)}`))
      .finally(() => (running = null)));
}

/** Who reads, and with what: only a signed-in supervisor in an org reads the platform for the features. */
export function supervisorReading(deps: Pick<PlatformReaderDeps<unknown, unknown>, 'transport' | 'access'>) {
  const transport = deps.transport();
  const access = deps.access();
  return transport && access.state === 'supervisor' && access.org ? { transport, access, org: access.org } : null;
}
