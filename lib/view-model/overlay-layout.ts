import { signal, type ReadonlySignal } from '@preact/signals';
import * as z from 'zod/mini';
/** The part of a browser.storage area the layout uses. */
interface StorageAreaLike {
  get(key: string): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
}

export const OVERLAY_WIDTH = { min: 360, max: 900, default: 440 } as const;

export const OverlayLayoutSchema = z.object({
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

export interface OverlayLayoutModel {
  layout: ReadonlySignal<OverlayLayout>;
  load(): Promise<void>;
  update(change: Partial<OverlayLayout>): void;
}

const STORAGE_KEY = 'floorwalker.overlay';

/** The overlay's side, width and collapsed state, kept per device (storage.local) and validated on read. */
export function createOverlayLayout(area: StorageAreaLike): OverlayLayoutModel {
  const layout = signal<OverlayLayout>(DEFAULT_OVERLAY_LAYOUT);
  return {
    layout,
    async load() {
      const parsed = OverlayLayoutSchema.safeParse((await area.get(STORAGE_KEY))[STORAGE_KEY]);
      if (parsed.success) layout.value = parsed.data;
    },
    update(change) {
      layout.value = { ...layout.value, ...change };
      void area.set({ [STORAGE_KEY]: layout.value }).catch(() => undefined);
    },
  };
}
