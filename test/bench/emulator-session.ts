/**
 * The emulator in-process on a loopback port, with bearer tokens for Node callers (the extension uses the
 * workspace cookie; Node has no cookie jar, so the bench adds `Authorization` through the transport's fetch seam).
 */
import { createEmulator, SAM, SOFIA, type Emulator, type ScenarioName } from '../../emulator';

export interface EmulatorSession {
  url: string;
  emulator: Emulator;
  /** A fetch that signs every request in as `upn` (the feed's transport takes it as its `fetch`). */
  fetchAs(upn: string): Promise<typeof fetch>;
  /** PATCH one conversation as a second supervisor, the way a change arrives from elsewhere. */
  patchConversation(id: string, values: Record<string, unknown>): Promise<void>;
  close(): Promise<void>;
}

export const SUPERVISOR = SOFIA.upn;
/** Changes for the freshness probes are written as another user, so they never count against the supervisor's budget. */
const WRITER = SAM.upn;

export async function startEmulator(scenario: ScenarioName, seed = 1): Promise<EmulatorSession> {
  // Generous service-protection limits: the bench's own writes and the baseline must never be throttled.
  const emulator = createEmulator({ scenario, seed, speed: 1, serviceProtection: { requests: 1_000_000, executionMs: 1_000_000_000, concurrency: 1_000 } });
  const server = await emulator.listen(0);
  const url = server.url;

  const fetchAs = async (upn: string): Promise<typeof fetch> => {
    const response = await fetch(`${url}/_emulator/token`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ user: upn }) });
    if (!response.ok) throw new Error(`No token for ${upn}: ${response.status} ${await response.text()}`);
    const { access_token: token } = (await response.json()) as { access_token: string };
    return (input, init) => {
      const headers = new Headers(init?.headers);
      headers.set('authorization', `Bearer ${token}`);
      // Node's fetch has no cookie jar and no HTTP cache: drop the browser-only options.
      const { credentials: _credentials, cache: _cache, ...rest } = init ?? {};
      return fetch(input, { ...rest, headers });
    };
  };

  const writer = await fetchAs(WRITER);
  const patchConversation = async (id: string, values: Record<string, unknown>) => {
    const response = await writer(`${url}/api/data/v9.2/msdyn_ocliveworkitems(${id})`, {
      method: 'PATCH',
      headers: { 'content-type': 'application/json', 'if-match': '*' },
      body: JSON.stringify(values),
    });
    if (!response.ok) throw new Error(`PATCH ${id}: ${response.status} ${await response.text()}`);
  };

  return {
    url,
    emulator,
    fetchAs,
    patchConversation,
    async close() {
      await server.close();
      await emulator.close();
    },
  };
}
