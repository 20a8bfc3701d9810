/**
 * The emulated org's HTTP surface (hono): sign-in and the workspace page, the Dataverse Web API under
 * /api/data/v9.2, and the emulator-only control API under /_emulator.
 */
import { Hono } from 'hono';
import { setCookie } from 'hono/cookie';
import { rolesOf } from './identity';
import { SESSION_COOKIE, TOKEN_LIFETIME_SECONDS } from './auth';
import { DataverseError, ERROR_CODES, errorResponse } from './errors';
import type { EmulatorState } from './state';
import { API_PATH, webApiContext } from './webapi/context';
import { routeWebApi } from './webapi/router';
import { APP_UNIQUE_NAME, workspacePage } from '../workspace/page';
import { forbiddenPage, signInPage } from '../workspace/signin';
import { PERSONAS } from '../personas';
import { ODataError } from '../odata';
import { controlRoutes } from '../control/routes';
import { workspaceRoutes } from '../workspace/routes';
import { cellText } from '../odata/values';

const WORKSPACE_PATH = `/main.aspx?appname=${APP_UNIQUE_NAME}`;

export function createApp(state: EmulatorState): Hono {
  const app = new Hono();

  app.get('/', (c) => c.redirect(WORKSPACE_PATH, 302));

  app.get('/signin', (c) => {
    const upn = c.req.query('user');
    const returnTo = safeReturnTo(c.req.query('returnTo'));
    if (!upn) return c.html(signInPage(agentUpns(state), returnTo));
    const user = state.world.userByUpn(upn);
    if (!user) return c.html(forbiddenPage(upn), 403);
    setCookie(c, SESSION_COOKIE, state.auth.startSession(String(user.systemuserid)), { httpOnly: true, sameSite: 'Lax', path: '/' });
    return c.redirect(returnTo ?? WORKSPACE_PATH, 302);
  });

  app.get('/main.aspx', (c) => {
    const userId = state.auth.userOf(c.req.raw);
    const user = userId ? state.user(userId) : undefined;
    if (!userId || !user) {
      const here = new URL(c.req.url);
      return c.redirect(`/signin?returnTo=${encodeURIComponent(here.pathname + here.search)}`, 302);
    }
    return c.html(
      workspacePage({
        clientUrl: new URL(c.req.url).origin,
        user: {
          systemuserid: userId,
          fullname: String(user.fullname),
          upn: String(user.domainname),
          roles: rolesOf(state.world.store, userId).map((r) => ({ id: r.id, name: r.name })),
        },
      }),
    );
  });

  app.post('/_emulator/token', async (c) => {
    const body = (await c.req.json().catch(() => undefined)) as { user?: unknown } | undefined;
    const keys = body && typeof body === 'object' ? Object.keys(body) : [];
    if (typeof body?.user !== 'string' || keys.some((k) => k !== 'user')) {
      return c.json({ error: 'Body must be {"user":"<upn>"}.' }, 400);
    }
    const user = state.world.userByUpn(body.user);
    if (!user) return c.json({ error: `Unknown user ${body.user}` }, 403);
    return c.json({
      access_token: state.auth.issueToken(String(user.systemuserid)),
      token_type: 'Bearer',
      expires_in: TOKEN_LIFETIME_SECONDS,
    });
  });

  app.all(`${API_PATH}/*`, (c) => handleWebApi(state, c.req.raw));
  app.all(API_PATH, (c) => handleWebApi(state, c.req.raw));
  controlRoutes(app, state);
  workspaceRoutes(app, state);

  return app;
}

/** Responses the transport must not deliver: the connection is cut instead (dropConnections fault). */
export const DROPPED = new WeakSet<Response>();

/**
 * One Web API request: log it, apply faults (drop, forced 429, random errors, latency), authenticate, apply
 * service protection, run it, and maybe truncate the body (malformed fault).
 */
async function handleWebApi(state: EmulatorState, request: Request): Promise<Response> {
  const world = state.world;
  world.catchUp();
  const userId = state.auth.userOf(request);
  const user = userId ? state.user(userId) : undefined;
  const url = new URL(request.url);
  const entry = state.log.arrived({
    time: new Date().toISOString(),
    virtualTime: world.clock.now().toISOString(),
    user: user ? String(user.domainname) : null,
    method: request.method,
    path: url.pathname + url.search,
    origin: request.headers.get('origin') ?? 'none',
  });
  const response = await respond(state, request, user ? userId : undefined);
  // The platform's Date header is its own clock, the one modifiedon is stamped by: here the org's virtual clock.
  if (!DROPPED.has(response)) response.headers.set('Date', state.world.clock.now().toUTCString());
  state.log.answered(entry, DROPPED.has(response) ? 0 : response.status, await rowsIn(response));
  return response;
}

/** The rows a list answer carries, read from a copy of its body; null for anything else. */
async function rowsIn(response: Response): Promise<number | null> {
  if (DROPPED.has(response) || !response.ok || !response.headers.get('content-type')?.includes('json')) return null;
  const body: unknown = await response
    .clone()
    .json()
    .catch(() => null);
  const value = body && typeof body === 'object' ? (body as { value?: unknown }).value : undefined;
  return Array.isArray(value) ? value.length : null;
}

async function respond(state: EmulatorState, request: Request, userId: string | undefined): Promise<Response> {
  const latency = state.faults.latencyMs();
  if (latency > 0) await new Promise((resolve) => setTimeout(resolve, latency));
  try {
    const verdict = state.faults.before();
    if (verdict.kind === 'drop') {
      const dropped = new Response(null, { status: 500 });
      DROPPED.add(dropped);
      return dropped;
    }
    if (verdict.kind === 'throttle') {
      throw new DataverseError(
        429,
        ERROR_CODES.throttledRequests,
        `Number of requests exceeded the limit of ${state.protection.limits.requests} over time window of ${state.protection.limits.windowSeconds} seconds.`,
        { 'Retry-After': String(verdict.retryAfterSeconds) },
      );
    }
    if (verdict.kind === 'error') {
      throw new DataverseError(
        verdict.status,
        ERROR_CODES.unexpected,
        `The service is temporarily unavailable (emulated fault, HTTP ${verdict.status}).`,
      );
    }
    if (!userId) {
      throw new DataverseError(401, ERROR_CODES.notAuthenticated, 'The user is not authenticated. Sign in or send a valid bearer token.', {
        'WWW-Authenticate': `Bearer authorization_uri=${new URL(request.url).origin}/signin`,
      });
    }
    refuseExtensionOriginWrite(state, request);
    const done = state.protection.admit(userId, state.world.clock.nowMs());
    const started = performance.now();
    try {
      return truncateIfMalformed(state, await routeWebApi(webApiContext(state, request, userId)));
    } finally {
      done(performance.now() - started);
    }
  } catch (error) {
    return truncateIfMalformed(state, errorResponse(asDataverseError(error)));
  }
}

const WRITES: ReadonlySet<string> = new Set(['POST', 'PATCH', 'PUT', 'DELETE']);

/**
 * Whether the platform accepts a cookie-authenticated write from an extension's origin is undocumented; an org set to
 * `extensionOriginWrites: "refuse"` plays the one that does not. Reads and the page's own same-origin writes pass.
 */
function refuseExtensionOriginWrite(state: EmulatorState, request: Request): void {
  const origin = request.headers.get('origin') ?? '';
  if (state.world.settings.extensionOriginWrites !== 'refuse' || !WRITES.has(request.method.toUpperCase())) return;
  if (!origin.startsWith('chrome-extension://')) return;
  throw new DataverseError(
    403,
    ERROR_CODES.privilegeDenied,
    `The request was refused: this organization does not accept changes sent from the origin '${origin}'. Send them from the app's own pages.`,
  );
}

async function truncateIfMalformed(state: EmulatorState, response: Response): Promise<Response> {
  if (response.status === 204 || response.status === 304 || !state.faults.takeMalformed()) return response;
  const text = await response.text();
  const headers = new Headers(response.headers);
  headers.delete('content-length');
  return new Response(text.slice(0, Math.max(1, Math.floor(text.length / 2))), { status: response.status, headers });
}

function asDataverseError(error: unknown): DataverseError {
  if (error instanceof DataverseError) return error;
  if (error instanceof ODataError) return new DataverseError(400, ERROR_CODES.badRequest, error.message);
  return new DataverseError(
    500,
    ERROR_CODES.unexpected,
    `An unexpected error occurred: ${error instanceof Error ? error.message : String(error)}`,
  );
}

function agentUpns(state: EmulatorState): string[] {
  const personas = new Set(PERSONAS.map((p) => p.upn));
  const upns: string[] = [];
  for (const u of state.world.store.rows('systemusers')) {
    const upn = cellText(u.domainname ?? '');
    if (/^agent\d+@/.test(upn) && !personas.has(upn)) upns.push(upn);
    if (upns.length >= 10) break;
  }
  return upns;
}

/** Only same-site paths, so the sign-in link cannot bounce a user to another origin. */
function safeReturnTo(value: string | undefined): string | undefined {
  return value && value.startsWith('/') && !value.startsWith('//') ? value : undefined;
}
