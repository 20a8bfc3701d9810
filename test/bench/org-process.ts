/**
 * The emulated org in a process of its own, so one org's work (a 50,000-row read) never stalls another org or the
 * bench's own timing. Started by org.ts; prints `{"url": …}` on its first line and serves until SIGTERM.
 *
 * Beside the emulator's own routes it answers `GET /_bench/traffic?since=<epoch ms>`: every Web API response's body
 * size as sent, and how the request was signed in (the extension with the workspace cookie, the bench's Node
 * callers with a bearer token), for bytes per minute (the emulator's request log has no sizes).
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { parseArgs } from 'node:util';
import { getRequestListener } from '@hono/node-server';
import { createEmulator, type ScenarioName } from '../../emulator';
import { setOngoing } from './scale-world';
import type { Traffic } from './traffic';

const { values } = parseArgs({
  options: {
    scenario: { type: 'string', default: 'busy' },
    seed: { type: 'string', default: '1' },
    ongoing: { type: 'string' },
  },
  strict: true,
});

const emulator = createEmulator({ scenario: values.scenario as ScenarioName, seed: Number(values.seed), speed: 1 });
if (values.ongoing !== undefined) setOngoing(emulator, Number(values.ongoing));

const API = '/api/data/';
const traffic: Traffic[] = [];

/** Counts the body's bytes as they are sent; the entry is written when the body has been sent in full. */
function metered(response: Response, entry: Omit<Traffic, 'bytes' | 'doneAt' | 'status'>): Response {
  if (!response.body) {
    traffic.push({ ...entry, status: response.status, bytes: 0, doneAt: Date.now() });
    return response;
  }
  let bytes = 0;
  const counter = new TransformStream<Uint8Array, Uint8Array>({
    transform(chunk, controller) {
      bytes += chunk.byteLength;
      controller.enqueue(chunk);
    },
    flush() {
      traffic.push({ ...entry, status: response.status, bytes, doneAt: Date.now() });
    },
  });
  return new Response(response.body.pipeThrough(counter), {
    status: response.status,
    statusText: response.statusText,
    headers: response.headers,
  });
}

const listener = getRequestListener(async (request) => {
  const url = new URL(request.url);
  if (url.pathname === '/_bench/traffic') {
    const since = Number(url.searchParams.get('since') ?? 0);
    return Response.json(traffic.filter((entry) => entry.arrivedAt >= since));
  }
  if (!url.pathname.startsWith(API)) return emulator.fetch(request);
  const via = request.headers.has('authorization') ? 'bearer' : request.headers.has('cookie') ? 'cookie' : 'none';
  const entry = { arrivedAt: Date.now(), method: request.method, path: url.pathname + url.search, via } as const;
  return metered(await emulator.fetch(request), entry);
});

// A 50,000-row answer can hold the event loop past Node's default header and request limits (60 s / 300 s on a
// loaded machine); another request waiting meanwhile must be answered late, not cut.
const server = createServer({ headersTimeout: 900_000, requestTimeout: 900_000 }, (request, response) => void listener(request, response));
server.listen(0, '127.0.0.1', () => {
  const { port } = server.address() as AddressInfo;
  console.log(JSON.stringify({ url: `http://127.0.0.1:${port}` }));
});

const stop = () => {
  server.close();
  server.closeAllConnections();
  void emulator.close().then(() => process.exit(0));
};
process.once('SIGTERM', stop);
process.once('SIGINT', stop);
