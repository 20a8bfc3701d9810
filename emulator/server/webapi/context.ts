/** What a Web API handler gets: the org, the caller, the parsed request and the absolute base URL for links. */
import type { EmulatorState } from '../state';
import { parsePrefer, type Prefer } from './prefer';

export interface WebApiContext {
  state: EmulatorState;
  request: Request;
  url: URL;
  userId: string;
  /** e.g. http://127.0.0.1:5555/api/data/v9.2 */
  base: string;
  prefer: Prefer;
}

export const API_PATH = '/api/data/v9.2';

export function webApiContext(state: EmulatorState, request: Request, userId: string): WebApiContext {
  const url = new URL(request.url);
  return { state, request, url, userId, base: `${url.origin}${API_PATH}`, prefer: parsePrefer(request.headers.get('prefer')) };
}

export function json(body: unknown, status = 200, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'Content-Type': 'application/json; odata.metadata=minimal', 'OData-Version': '4.0', ...headers },
  });
}
