import { z } from 'zod';
import { SavedFilterSchema, type SavedFilter } from '../../view-model/saved-filters';
import type { MessageKey } from '../../i18n/message-key';

/**
 * Saved filters passed between colleagues: a small JSON file, or the same JSON in a link's fragment (never sent to
 * any server). Whatever arrives is validated as saved filters; nothing else gets in. The format's names ("view")
 * are those of files and links already shared, so they stay.
 */
const SharedSchema = z.object({ format: z.literal('floorwalker-view'), version: z.literal(1), view: SavedFilterSchema });

const LINK_PARAM = 'fw-view';

export function exportSavedFilter(saved: SavedFilter): string {
  return JSON.stringify({ format: 'floorwalker-view', version: 1, view: saved }, null, 2);
}

export const exportFileName = (saved: SavedFilter): string =>
  `floorwalker-view-${saved.name.replace(/[^\p{L}\p{N}_-]+/gu, '-').replace(/^-+|-+$/g, '') || 'view'}.json`;

const toBase64Url = (text: string) =>
  btoa(String.fromCharCode(...new TextEncoder().encode(text)))
    .replace(/\+/g, '-')
    .replace(/\//g, '_')
    .replace(/=+$/, '');
const fromBase64Url = (code: string) => {
  const binary = atob(code.replace(/-/g, '+').replace(/_/g, '/'));
  return new TextDecoder().decode(Uint8Array.from(binary, (ch) => ch.charCodeAt(0)));
};

/** A link to the panel page carrying the saved filters: opening it (or pasting it into Import) offers them. */
export function savedFilterLink(pageUrl: string, saved: SavedFilter): string {
  const url = new URL(pageUrl);
  url.hash = `${LINK_PARAM}=${toBase64Url(JSON.stringify({ format: 'floorwalker-view', version: 1, view: { ...saved, savedAt: 0 } }))}`;
  return url.toString();
}

export type ImportResult = { ok: true; saved: SavedFilter } | { ok: false; error: MessageKey };

/** A file's text, a pasted link or its bare code → saved filters, or the reason (an i18n key) it is refused. */
export function importSavedFilter(input: string): ImportResult {
  const text = input.trim();
  if (text.length === 0) return { ok: false, error: 'share_empty' };
  if (text.length > 20_000) return { ok: false, error: 'share_tooLarge' };
  let json: string;
  if (text.startsWith('{')) json = text;
  else {
    const code = new RegExp(`${LINK_PARAM}=([A-Za-z0-9_-]+)`).exec(text)?.[1] ?? (/^[A-Za-z0-9_-]+$/.test(text) ? text : null);
    if (!code) return { ok: false, error: 'share_unreadable' };
    try {
      json = fromBase64Url(code);
    } catch {
      return { ok: false, error: 'share_unreadable' };
    }
  }
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    return { ok: false, error: 'share_unreadable' };
  }
  const parsed = SharedSchema.safeParse(value);
  return parsed.success ? { ok: true, saved: parsed.data.view } : { ok: false, error: 'share_invalid' };
}

/** Saved filters in a page's own address (opened from a shared link), if any. */
export const sharedInHash = (hash: string): string | null => (hash.includes(`${LINK_PARAM}=`) ? hash : null);
