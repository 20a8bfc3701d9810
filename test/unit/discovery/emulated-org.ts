import { createEmulator, type Emulator } from '../../../emulator';
import type { VariantName } from '../../../emulator/variants';
import { createCounters } from '../../../lib/dataverse/counters';
import { createMetadataReader } from '../../../lib/dataverse/metadata-stream';
import { createWebApiTransport } from '../../../lib/dataverse/web-api-transport';
import type { DataverseRequest, DataverseTransport } from '../../../lib/dataverse/transport';

/**
 * An emulated org of a variant, signed in as a persona, reached through the product's own transport and $metadata
 * reader: what the worker would see against a real org of that kind.
 */
const ORIGIN = 'http://org.test';

export interface EmulatedOrg {
  emulator: Emulator;
  transport: DataverseTransport & { sent: DataverseRequest[] };
  readMetadata: ReturnType<typeof createMetadataReader>;
  counters: ReturnType<typeof createCounters>;
  control(path: string, body: unknown): Promise<unknown>;
}

export async function emulatedOrg(variant: VariantName = 'default', user = 'sofia@contoso.test'): Promise<EmulatedOrg> {
  const emulator = createEmulator({ speed: 0, now: new Date('2026-03-02T10:00:00Z'), variant });
  const signin = await emulator.fetch(
    new Request(`${ORIGIN}/_emulator/token`, {
      method: 'POST',
      body: JSON.stringify({ user }),
      headers: { 'content-type': 'application/json' },
    }),
  );
  const { access_token: token } = (await signin.json()) as { access_token: string };
  const fetchAs: typeof fetch = (input, init) => {
    const headers = new Headers(init?.headers);
    headers.set('authorization', `Bearer ${token}`);
    return emulator.fetch(
      new Request(input instanceof Request ? input.url : input instanceof URL ? input.href : input, {
        ...init,
        headers,
        redirect: 'manual',
      }),
    );
  };
  const counters = createCounters();
  const inner = createWebApiTransport({ org: ORIGIN, counters, fetch: fetchAs });
  const sent: DataverseRequest[] = [];
  const transport = { org: inner.org, sent, send: (request: DataverseRequest) => (sent.push(request), inner.send(request)) };
  const control = async (path: string, body: unknown) => {
    const res = await emulator.fetch(
      new Request(`${ORIGIN}/_emulator/${path}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      }),
    );
    if (!res.ok) throw new Error(`${path}: ${res.status} ${await res.text()}`);
    return res.json();
  };
  return { emulator, transport, readMetadata: createMetadataReader({ org: ORIGIN, counters, fetch: fetchAs }), counters, control };
}
