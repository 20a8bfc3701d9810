import { createEmulator, type Emulator, type EmulatorOptions } from '../../../emulator';

export const ORIGIN = 'http://org.test';
export const API = `${ORIGIN}/api/data/v9.2`;

export interface Client {
  get(path: string, headers?: Record<string, string>): Promise<Response>;
  send(method: string, path: string, body?: unknown, headers?: Record<string, string>): Promise<Response>;
  json<T = Record<string, unknown>>(path: string, headers?: Record<string, string>): Promise<T>;
}

/** A frozen-clock emulator (speed 0) so nothing moves unless a test steps the clock. */
export function emulator(options: EmulatorOptions = {}): Emulator {
  return createEmulator({ speed: 0, now: new Date('2026-03-02T10:00:00Z'), ...options });
}

export async function sessionCookie(e: Emulator, upn: string): Promise<string> {
  const res = await e.fetch(new Request(`${ORIGIN}/signin?user=${encodeURIComponent(upn)}`));
  const cookie = res.headers.get('set-cookie')?.split(';')[0];
  if (!cookie) throw new Error(`sign-in failed for ${upn}: ${res.status}`);
  return cookie;
}

export async function signIn(e: Emulator, upn: string): Promise<Client> {
  return clientWith(e, { cookie: await sessionCookie(e, upn) });
}

export function clientWith(e: Emulator, auth: Record<string, string>): Client {
  const url = (path: string) => (path.startsWith('http') ? path : path.startsWith('/') ? `${ORIGIN}${path}` : `${API}/${path}`);
  const send = (method: string, path: string, body?: unknown, headers: Record<string, string> = {}) =>
    e.fetch(
      new Request(url(path), {
        method,
        headers: { ...auth, ...(body === undefined ? {} : { 'Content-Type': 'application/json' }), ...headers },
        body: body === undefined ? undefined : JSON.stringify(body),
      }),
    );
  return {
    get: (path, headers) => send('GET', path, undefined, headers),
    send,
    json: async (path, headers) => {
      const res = await send('GET', path, undefined, headers);
      if (res.status !== 200) throw new Error(`${path} → ${res.status} ${await res.text()}`);
      return res.json();
    },
  };
}

export async function control(e: Emulator, path: string, body?: unknown): Promise<Response> {
  return e.fetch(
    new Request(`${ORIGIN}/_emulator/${path}`, {
      method: body === undefined ? 'GET' : 'POST',
      headers: body === undefined ? {} : { 'Content-Type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    }),
  );
}

export type Row = Record<string, unknown>;

/** Conversations straight from the world (tests pick their subjects this way, then act through HTTP). */
export function conversations(e: Emulator, where: (row: Row) => boolean): Row[] {
  return [...e.world.store.rows('msdyn_ocliveworkitems')].filter(where);
}
