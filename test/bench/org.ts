/**
 * An emulated org for the bench, in its own process (org-process.ts): its URL, its control API, the emulator's
 * request log and the byte meter. Stopped by the caller (`stop`), never left running.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import { resolve } from 'node:path';
import type { LoggedRequest, Traffic } from './traffic';

export interface Org {
  url: string;
  /** The emulator's control API: POST with a body, GET without. */
  control<T = unknown>(path: string, body?: unknown): Promise<T>;
  /** The emulator's Web API request log from `since` (real time) on, answered requests only. */
  requests(since: number): Promise<LoggedRequest[]>;
  /** Response sizes from `since` on (bodies sent in full). */
  traffic(since: number): Promise<Traffic[]>;
  stop(): Promise<void>;
}

export interface OrgSpec {
  scenario: 'typical' | 'busy';
  seed?: number;
  /** Ongoing conversations wanted, when not the scenario's own. */
  ongoing?: number;
}

const PROCESS = resolve(import.meta.dirname, 'org-process.ts');
const START_LIMIT_MS = 180_000;

function firstLine(child: ChildProcess): Promise<string> {
  return new Promise((resolvePromise, reject) => {
    const lines = createInterface({ input: child.stdout! });
    const timer = setTimeout(() => reject(new Error(`The emulated org did not start within ${START_LIMIT_MS / 1000} s`)), START_LIMIT_MS);
    lines.once('line', (line) => {
      clearTimeout(timer);
      resolvePromise(line);
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`The emulated org exited with code ${code} before it started`));
    });
  });
}

const RETRIES = 3;

/**
 * A request to the org's own process, tried again when the connection failed (a kept-alive socket the server had
 * just closed); the last failure says why, with its cause.
 */
async function send(url: string, init?: RequestInit): Promise<Response> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await fetch(url, init);
    } catch (error) {
      if (attempt >= RETRIES) {
        const cause = error instanceof Error && error.cause instanceof Error ? `: ${error.cause.message}` : '';
        throw new Error(`${new URL(url).pathname} failed ${RETRIES} times${cause}`, { cause: error });
      }
      await new Promise((resolveWait) => setTimeout(resolveWait, 1_000 * attempt));
    }
  }
}

export async function startOrg(spec: OrgSpec): Promise<Org> {
  const args = ['--import', 'tsx', PROCESS, '--scenario', spec.scenario, '--seed', String(spec.seed ?? 1)];
  if (spec.ongoing !== undefined) args.push('--ongoing', String(spec.ongoing));
  const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'inherit'] });
  let url: string;
  try {
    url = (JSON.parse(await firstLine(child)) as { url: string }).url;
  } catch (error) {
    child.kill('SIGTERM');
    throw error;
  }
  const get = async <T>(path: string): Promise<T> => {
    const response = await send(`${url}${path}`);
    if (!response.ok) throw new Error(`GET ${path}: ${response.status} ${await response.text()}`);
    return (await response.json()) as T;
  };
  return {
    url,
    async control<T>(path: string, body?: unknown) {
      const response = await send(`${url}/_emulator/${path.replace(/^\//, '')}`, {
        method: body === undefined ? 'GET' : 'POST',
        headers: body === undefined ? {} : { 'content-type': 'application/json' },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      if (!response.ok) throw new Error(`Emulator control ${path}: ${response.status} ${await response.text()}`);
      const text = await response.text();
      return (text ? JSON.parse(text) : undefined) as T;
    },
    requests: async (since) =>
      (await get<{ requests: LoggedRequest[] }>(`/_emulator/requests?since=${new Date(since).toISOString()}`)).requests,
    traffic: (since) => get<Traffic[]>(`/_bench/traffic?since=${since}`),
    stop: () =>
      new Promise<void>((resolvePromise) => {
        if (child.exitCode !== null) return resolvePromise();
        child.once('exit', () => resolvePromise());
        child.kill('SIGTERM');
      }),
  };
}
