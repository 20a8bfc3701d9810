/**
 * The Floorwalker emulator: a local stand-in for a Dynamics 365 Contact Center org. `fetch` serves requests
 * in-process (no port, for unit tests); `listen` serves them on 127.0.0.1.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { getRequestListener } from '@hono/node-server';
import { createApp, DROPPED } from './server/app';
import { EmulatorState } from './server/state';
import type { ScenarioName } from './world/scenario';
import type { ProtectionLimits } from './server/protection';
import type { VariantName } from './variants';
import type { World } from './world/world';

export type { ScenarioName } from './world/scenario';
export * from './personas';
export { CONTRACT } from './contract';
export { VARIANT_NAMES, VARIANTS, type VariantName } from './variants';

export interface EmulatorOptions {
  seed?: number;
  /** Service-protection limits (defaults are the documented 6000 requests / 1,200,000 ms / 52 concurrent per 300 s). */
  serviceProtection?: Partial<ProtectionLimits>;
  scenario?: ScenarioName;
  /** How the org reads the platform (variants.ts): `default` is the emulator's own reading. */
  variant?: VariantName;
  /** Virtual seconds per real second; 0 freezes the clock (tests step it with /_emulator/clock). */
  speed?: number;
  /** The virtual time the org starts at (default: the real now). */
  now?: Date;
}

export interface Listening {
  url: string;
  close(): Promise<void>;
}

export interface Emulator {
  fetch(request: Request): Promise<Response>;
  listen(port?: number): Promise<Listening>;
  close(): Promise<void>;
  /** The current org (replaced by /_emulator/reset), for tests that need to look inside. */
  readonly world: World;
}

export function createEmulator(options: EmulatorOptions = {}): Emulator {
  const state = new EmulatorState(
    {
      seed: options.seed ?? 1,
      scenario: options.scenario ?? 'typical',
      variant: options.variant ?? 'default',
      speed: options.speed ?? 1,
      now: options.now ?? new Date(),
    },
    options.serviceProtection,
  );
  const app = createApp(state);
  const servers = new Set<Server>();

  /** In-process a dropped connection is a rejected fetch; on a socket it is a destroyed connection. */
  const handle = async (request: Request, env?: { outgoing: { destroy(): void } }): Promise<Response> => {
    const response = await app.fetch(request);
    if (DROPPED.has(response)) {
      if (!env) throw new TypeError('fetch failed: the emulated org dropped the connection');
      env.outgoing.destroy();
    }
    return response;
  };

  const listen = (port = 0): Promise<Listening> =>
    new Promise((resolve, reject) => {
      const listener = getRequestListener((request, env) => handle(request, env));
      const server = createServer((incoming, outgoing) => void listener(incoming, outgoing));
      server.once('error', reject);
      server.listen(port, '127.0.0.1', () => {
        servers.add(server);
        const { port: actual } = server.address() as AddressInfo;
        resolve({
          url: `http://127.0.0.1:${actual}`,
          close: () =>
            closeServer(server).then(() => {
              servers.delete(server);
            }),
        });
      });
    });

  return {
    fetch: (request) => handle(request),
    listen,
    close: async () => {
      await Promise.all([...servers].map(closeServer));
      servers.clear();
    },
    get world() {
      return state.world;
    },
  };
}

function closeServer(server: Server): Promise<void> {
  return new Promise((resolve) => {
    server.close(() => resolve());
    server.closeAllConnections();
  });
}
