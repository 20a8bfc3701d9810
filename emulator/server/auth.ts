/**
 * Who is calling: a workspace session cookie (set by /signin) or a bearer token (from /_emulator/token), as a
 * real org accepts both (docs/platform.md#authentication). Ids are random per emulator run so they cannot be guessed.
 */
import { randomBytes } from 'node:crypto';

export const SESSION_COOKIE = 'CrmOwinAuth';
export const TOKEN_LIFETIME_SECONDS = 3600;

interface Grant {
  userId: string;
  /** Real epoch ms; bearer tokens expire, cookies last until expired by the control API. */
  expiresAt: number;
}

export class Auth {
  private readonly sessions = new Map<string, Grant>();
  private readonly tokens = new Map<string, Grant>();

  startSession(userId: string): string {
    const id = randomBytes(24).toString('base64url');
    this.sessions.set(id, { userId, expiresAt: Number.POSITIVE_INFINITY });
    return id;
  }

  issueToken(userId: string): string {
    const token = randomBytes(32).toString('base64url');
    this.tokens.set(token, { userId, expiresAt: Date.now() + TOKEN_LIFETIME_SECONDS * 1000 });
    return token;
  }

  /** The caller's systemuserid, or undefined when neither credential is valid. */
  userOf(request: Request): string | undefined {
    const bearer = /^Bearer\s+(.+)$/i.exec(request.headers.get('authorization') ?? '')?.[1];
    if (bearer) return valid(this.tokens.get(bearer.trim()));
    const cookie = readCookie(request.headers.get('cookie'), SESSION_COOKIE);
    return cookie ? valid(this.sessions.get(cookie)) : undefined;
  }

  /** Control API `expireSessions`: every cookie and token stops working at once. */
  expireAll(): void {
    this.sessions.clear();
    this.tokens.clear();
  }
}

function valid(grant: Grant | undefined): string | undefined {
  return grant && grant.expiresAt > Date.now() ? grant.userId : undefined;
}

function readCookie(header: string | null, name: string): string | undefined {
  for (const part of (header ?? '').split(';')) {
    const [k, ...v] = part.trim().split('=');
    if (k === name) return v.join('=');
  }
  return undefined;
}
