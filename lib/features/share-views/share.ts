import { z } from 'zod';
import { SavedViewSchema, type SavedView } from '../../view-model/saved-views';

/**
 * A saved view passed between colleagues: a small JSON file, or the same JSON in a link's fragment (never sent to
 * any server). Whatever arrives is validated as a saved view; nothing else gets in.
 */
const SharedViewSchema = z.object({ format: z.literal('floorwalker-view'), version: z.literal(1), view: SavedViewSchema });

export const LINK_PARAM = 'fw-view';

export function exportView(view: SavedView): string {
  return JSON.stringify({ format: 'floorwalker-view', version: 1, view }, null, 2);
}

export const exportFileName = (view: SavedView): string =>
  `floorwalker-view-${view.name.replace(/[^\p{L}\p{N}_-]+/gu, '-').replace(/^-+|-+$/g, '') || 'view'}.json`;

const toBase64Url = (text: string) =>
  btoa(String.fromCharCode(...new TextEncoder().encode(text))).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
const fromBase64Url = (code: string) => {
  const binary = atob(code.replace(/-/g, '+').replace(/_/g, '/'));
  return new TextDecoder().decode(Uint8Array.from(binary, (ch) => ch.charCodeAt(0)));
};

/** A link to the panel page carrying the view: opening it (or pasting it into Import) offers the view. */
export function viewLink(pageUrl: string, view: SavedView): string {
  const url = new URL(pageUrl);
  url.hash = `${LINK_PARAM}=${toBase64Url(JSON.stringify({ format: 'floorwalker-view', version: 1, view: { ...view, savedAt: 0 } }))}`;
  return url.toString();
}

export type ImportResult = { ok: true; view: SavedView } | { ok: false; error: string };

/** A file's text, a pasted link or its bare code → a saved view, or the reason (an i18n key) it is refused. */
export function importView(input: string): ImportResult {
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
  const parsed = SharedViewSchema.safeParse(value);
  return parsed.success ? { ok: true, view: parsed.data.view } : { ok: false, error: 'share_invalid' };
}

/** The view in a page's own address (opened from a shared link), if any. */
export const sharedInHash = (hash: string): string | null => (hash.includes(`${LINK_PARAM}=`) ? hash : null);
