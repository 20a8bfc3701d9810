// zod/mini and no signals: the workspace loader reads this too, and it must stay a few kilobytes.
import * as z from 'zod/mini';

export const OVERLAY_WIDTH = { min: 360, max: 900, default: 440 } as const;

const OverlayLayoutSchema = z.object({
  side: z.enum(['left', 'right']),
  width: z.number(),
  collapsed: z.boolean(),
});
export type OverlayLayout = z.infer<typeof OverlayLayoutSchema>;
export type DockSide = OverlayLayout['side'];

export const DEFAULT_OVERLAY_LAYOUT: OverlayLayout = { side: 'right', width: OVERLAY_WIDTH.default, collapsed: false };

/** Never wider than the viewport leaves room for (a third stays for the workspace), never narrower than 360 px. */
export function clampWidth(width: number, viewportWidth: number): number {
  const max = Math.max(OVERLAY_WIDTH.min, Math.min(OVERLAY_WIDTH.max, Math.floor(viewportWidth * 0.66)));
  return Math.round(Math.min(max, Math.max(OVERLAY_WIDTH.min, width)));
}

export interface Span {
  left: number;
  right: number;
}

/** A focused control counts as covered when less than this much of it (or less than all of a narrower one) shows. */
const MIN_VISIBLE_PX = 200;

/**
 * Where the overlay goes when the workspace focuses a control: stay if enough of the control shows beside it, move
 * to the other side if the control shows there, otherwise fold into the launcher. A full-width field stays usable
 * beside the panel, so it does not chase the panel away. Horizontal spans only: the overlay is full height.
 */
export function avoidFocused(focused: Span, layout: OverlayLayout, viewportWidth: number): 'stay' | 'flip' | 'collapse' {
  if (layout.collapsed) return 'stay';
  const width = Math.max(0, focused.right - focused.left);
  const covers = (side: DockSide) => {
    const panel = side === 'right' ? { left: viewportWidth - layout.width, right: viewportWidth } : { left: 0, right: layout.width };
    const overlap = Math.max(0, Math.min(focused.right, panel.right) - Math.max(focused.left, panel.left));
    return width - overlap < Math.min(MIN_VISIBLE_PX, width);
  };
  if (!covers(layout.side)) return 'stay';
  return covers(layout.side === 'right' ? 'left' : 'right') ? 'collapse' : 'flip';
}

const STORAGE_KEY = 'floorwalker.overlay';

/** browser.storage.local as the layout uses it (WXT's fake browser provides it in tests). */
export interface LayoutArea {
  get(key: string): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
  onChanged: {
    addListener(listener: (changes: Record<string, { newValue?: unknown }>) => void): void;
    removeListener(listener: (changes: Record<string, { newValue?: unknown }>) => void): void;
  };
}

export interface OverlayLayoutStore {
  current(): OverlayLayout;
  update(change: Partial<OverlayLayout>): void;
}

const same = (a: OverlayLayout, b: OverlayLayout) => a.side === b.side && a.width === b.width && a.collapsed === b.collapsed;

/** As stored: the layout and which holder wrote it last, so each holder can tell its own writes coming back. */
const StoredLayoutSchema = z.object({ ...OverlayLayoutSchema.shape, writer: z.optional(z.string()) });

/**
 * The overlay's side, width and collapsed state: stored state in storage.local, per device, validated on every read.
 * Both halves hold one: the loader in the page (which sizes the frame and folds it away from a focused control) and
 * the panel in the frame (dock, resize, collapse buttons). Each changes it with `update` and follows the other
 * through storage.onChanged, skipping its own writes as they come back, so a fast drag never jumps back. While a
 * write is under way only the newest change waits for the next one.
 */
export async function openOverlayLayout(
  area: LayoutArea,
  onChange: (layout: OverlayLayout) => void,
  stop: AbortSignal,
): Promise<OverlayLayoutStore> {
  const writer = Math.random().toString(36).slice(2);
  let layout = DEFAULT_OVERLAY_LAYOUT;
  let pending: OverlayLayout | null = null;
  let writing = false;

  const show = (next: OverlayLayout) => {
    if (same(next, layout)) return;
    layout = next;
    onChange(layout);
  };
  const drain = async () => {
    writing = true;
    while (pending) {
      const next = pending;
      pending = null;
      await area.set({ [STORAGE_KEY]: { ...next, writer } }).catch(() => undefined);
    }
    writing = false;
  };
  const toLayout = ({ side, width, collapsed }: OverlayLayout): OverlayLayout => ({ side, width, collapsed });
  const listener = (changes: Record<string, { newValue?: unknown }>) => {
    const change = changes[STORAGE_KEY];
    if (!change) return;
    const parsed = StoredLayoutSchema.safeParse(change.newValue);
    if (!parsed.success) return show(DEFAULT_OVERLAY_LAYOUT);
    if (parsed.data.writer !== writer) show(toLayout(parsed.data));
  };
  area.onChanged.addListener(listener);
  stop.addEventListener('abort', () => area.onChanged.removeListener(listener), { once: true });

  const stored = StoredLayoutSchema.safeParse((await area.get(STORAGE_KEY).catch((): Record<string, unknown> => ({})))[STORAGE_KEY]);
  if (stored.success) layout = toLayout(stored.data);
  onChange(layout);

  return {
    current: () => layout,
    update(change) {
      const next = { ...layout, ...change };
      if (same(next, layout)) return;
      show(next);
      pending = next;
      if (!writing) void drain();
    },
  };
}
