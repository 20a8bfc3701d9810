import { Window } from 'happy-dom';
import type { Emulator } from '../../../emulator';
import { ORIGIN, clientWith, sessionCookie } from './helpers';

export interface OpenPage {
  /** The page's window, with the globals its script defines (Xrm, Microsoft.Omnichannel). */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- the page script's own globals have no types
  window: any;
  document: Document;
  close(): Promise<void>;
}

/** Loads the workspace page into happy-dom with its fetches served in-process by the emulator. */
export async function openWorkspace(
  e: Emulator,
  upn: string,
  path = '/main.aspx?appname=msdyn_CustomerServiceWorkspace',
): Promise<OpenPage> {
  const cookieHeader = await sessionCookie(e, upn);
  const html = await (await clientWith(e, { cookie: cookieHeader }).get(path)).text();
  const window = new Window({
    url: `${ORIGIN}${path}`,
    settings: { enableJavaScriptEvaluation: true, suppressInsecureJavaScriptEnvironmentWarning: true },
  });
  const w = window as unknown as { fetch: typeof fetch };
  w.fetch = (input: RequestInfo | URL, init?: RequestInit) => {
    const url = new URL(String(input instanceof Request ? input.url : input), ORIGIN);
    return e.fetch(new Request(url, { ...init, headers: { ...(init?.headers as Record<string, string>), cookie: cookieHeader } }));
  };
  window.document.write(html);
  // No waitUntilComplete: the conversation view polls forever; tests wait for what they need.
  return { window, document: window.document as unknown as Document, close: () => window.happyDOM.close() };
}
