/** A scripted fetch: each call is answered by the next handler; every request is recorded. */
export interface Recorded {
  url: string;
  init: RequestInit;
}

export type Handler = (url: string, init: RequestInit) => Response | Promise<Response>;

export function fakeFetch(...handlers: Handler[]) {
  const calls: Recorded[] = [];
  const fetch = (async (input: RequestInfo | URL, init: RequestInit = {}) => {
    const url = input instanceof Request ? input.url : String(input);
    calls.push({ url, init });
    const handler = handlers.shift();
    if (!handler) throw new Error(`Unexpected request ${url}`);
    return handler(url, init);
  }) as typeof globalThis.fetch;
  return { fetch, calls };
}

export const json = (body: unknown, status = 200, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json', ...headers } });

export const header = (init: RequestInit, name: string) => new Headers(init.headers).get(name);
