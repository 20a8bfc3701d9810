import { Window } from 'happy-dom';
import type { Emulator } from '../../../emulator';
import { ORIGIN, signIn } from './helpers';

export interface OpenPage {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  window: any;
  document: Document;
  close(): Promise<void>;
}

/** Loads the workspace page into happy-dom with its fetches served in-process by the emulator. */
export async function openWorkspace(e: Emulator, upn: string, path = '/main.aspx?appname=msdyn_CustomerServiceWorkspace'): Promise<OpenPage> {
  const client = await signIn(e, upn);
  const html = await (await client.get(path)).text();
  const cookieHeader = (await e.fetch(new Request(`${ORIGIN}/signin?user=${encodeURIComponent(upn)}`))).headers.get('set-cookie')!.split(';')[0]!;
  const window = new Window({ url: `${ORIGIN}${path}`, settings: { enableJavaScriptEvaluation: true, suppressInsecureJavaScriptEnvironmentWarning: true } });
  const w = window as unknown as { fetch: typeof fetch };
  w.fetch = (input: RequestInfo | URL, init?: RequestInit) => {
    const url = new URL(String(input instanceof Request ? input.url : input), ORIGIN);
    return e.fetch(new Request(url, { ...init, headers: { ...(init?.headers as Record<string, string>), cookie: cookieHeader } }));
  };
  window.document.write(html);
  // No waitUntilComplete: the conversation view polls forever; tests wait for what they need.
  return { window, document: window.document as unknown as Document, close: () => window.happyDOM.close() };
}
