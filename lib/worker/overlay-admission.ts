import { z } from 'zod';
import type { SenderInfo } from '../protocol/sender';

/** Per tab: the token last issued to its loader, and the overlay document that presented it first. */
export const AdmissionsSchema = z.record(z.string().regex(/^\d+$/), z.object({ token: z.string(), documentId: z.string().nullable() }));
export type Admissions = z.infer<typeof AdmissionsSchema>;

/** Where the admissions are kept (lib/storage/items.ts: overlayAdmissionsItem). */
export interface AdmissionsStore {
  get(): Promise<Admissions>;
  set(value: Admissions): Promise<void>;
}

export interface OverlayAdmission {
  /** A new token for the overlay frame the loader in this tab is about to create; replaces the tab's last one. */
  issue(tabId: number): Promise<string>;
  /**
   * The overlay frame's hello: true when the token is the one issued to the frame's own tab and either no document
   * has used it yet (this one is bound to it) or this is the bound document reconnecting (after a worker restart).
   */
  admit(sender: SenderInfo, token: string | undefined): Promise<boolean>;
  /**
   * Whether this frame is the document its tab's token is bound to, for one-shot messages from the overlay. Answered
   * at once from memory, because opening the side panel must happen within the click's user gesture: a worker that
   * was just restarted knows the frame again as soon as its port says hello (it reconnects within a second).
   */
  admitted(sender: SenderInfo): boolean;
  forget(tabId: number): Promise<void>;
}

/** 32 random bytes, base64url: unguessable, and fits a URL fragment as it is. */
export function newOverlayToken(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(32));
  return btoa(String.fromCharCode(...bytes))
    .replace(/\+/g, '-')
    .replace(/\//g, '_')
    .replace(/=+$/, '');
}

/** Compares every character, so how long a wrong guess takes says nothing about how much of it was right. */
function sameToken(a: string, b: string): boolean {
  let difference = a.length ^ b.length;
  for (let i = 0; i < Math.max(a.length, b.length); i += 1) difference |= (a.charCodeAt(i) || 0) ^ (b.charCodeAt(i) || 0);
  return difference === 0;
}

/**
 * The guard against a page loading its own copy of the overlay page (the page is web-accessible to workspace
 * origins) and getting the user to click in it: the worker accepts an overlay frame only with the one-time token it
 * issued to our loader in that same tab, bound to the first document that presents it. Kept in storage.session
 * (content scripts cannot read it) so a stopped and restarted worker still recognises the frame when it reconnects.
 * Every change runs in turn: two frames racing with one token cannot both be bound. The whole design: docs/overlay.md.
 */
export function createOverlayAdmission(store: AdmissionsStore, newToken: () => string = newOverlayToken): OverlayAdmission {
  /** Tab → the admitted document, as far as this worker has seen it admitted. */
  const admittedDocuments = new Map<number, string>();
  let queue: Promise<unknown> = Promise.resolve();
  const inTurn = <T>(task: () => Promise<T>): Promise<T> => {
    const run = queue.then(task);
    queue = run.catch(() => undefined);
    return run;
  };
  const read = async (): Promise<Admissions> => structuredClone(await store.get());
  const write = (admissions: Admissions) => store.set(admissions);

  return {
    issue: (tabId) =>
      inTurn(async () => {
        const admissions = await read();
        const token = newToken();
        admissions[String(tabId)] = { token, documentId: null };
        admittedDocuments.delete(tabId);
        await write(admissions);
        return token;
      }),
    admit: (sender, token) =>
      inTurn(async () => {
        const tabId = sender.tab?.id;
        if (!token || !sender.documentId || tabId === undefined) return false;
        const admissions = await read();
        const entry = admissions[String(tabId)];
        if (!entry || !sameToken(entry.token, token)) return false;
        if (entry.documentId === null) {
          entry.documentId = sender.documentId;
          await write(admissions);
        }
        if (entry.documentId !== sender.documentId) return false;
        admittedDocuments.set(tabId, sender.documentId);
        return true;
      }),
    admitted: (sender) =>
      sender.tab?.id !== undefined && sender.documentId !== undefined && admittedDocuments.get(sender.tab.id) === sender.documentId,
    forget: (tabId) =>
      inTurn(async () => {
        admittedDocuments.delete(tabId);
        const admissions = await read();
        if (!(String(tabId) in admissions)) return;
        delete admissions[String(tabId)];
        await write(admissions);
      }),
  };
}
