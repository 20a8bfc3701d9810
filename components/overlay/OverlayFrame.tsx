import type { ReadonlySignal } from '@preact/signals';
import { t } from '../../lib/i18n';
import { clampWidth, OVERLAY_WIDTH, type OverlayLayout } from '../../lib/view-model/overlay-layout';
import type { PanelController } from '../../lib/view-model/panel-controller';
import { Panel } from '../Panel';

interface Props {
  controller: PanelController;
  layout: ReadonlySignal<OverlayLayout>;
  /** The width the frame actually has: the loader fits the stored width into the workspace's window. */
  frameWidth: ReadonlySignal<number>;
  onLayout: (change: Partial<OverlayLayout>) => void;
  onOpenSidePanel: () => void;
  onDiagnostics?: () => void;
}

const RESIZE_STEP = 24;

/** Within the panel's own bounds; the loader, which knows the workspace window's width, fits it in that. */
const bounded = (width: number) => clampWidth(width, Number.POSITIVE_INFINITY);

/**
 * The panel as it fills the overlay's frame: a resize handle on the edge facing the workspace and the frame's own
 * controls (dock side, open in side panel, collapse) in the panel's header. Folded, the frame is hidden and the
 * loader shows its launcher. Props in, events out: the overlay page does the storage and the messaging.
 */
export function OverlayFrame({ controller, layout, frameWidth, onLayout, onOpenSidePanel, onDiagnostics }: Props) {
  const { side } = layout.value;
  const width = frameWidth.value;

  // Screen coordinates: the frame itself moves and resizes under the pointer while it drags.
  const startDrag = (event: PointerEvent) => {
    const handle = event.currentTarget as HTMLElement;
    handle.setPointerCapture(event.pointerId);
    const start = { x: event.screenX, width };
    const move = (moveEvent: PointerEvent) => {
      const delta = moveEvent.screenX - start.x;
      onLayout({ width: bounded(side === 'right' ? start.width - delta : start.width + delta) });
    };
    const end = () => {
      handle.removeEventListener('pointermove', move);
      handle.removeEventListener('pointerup', end);
    };
    handle.addEventListener('pointermove', move);
    handle.addEventListener('pointerup', end);
  };
  const onHandleKey = (event: KeyboardEvent) => {
    const grow = side === 'right' ? 'ArrowLeft' : 'ArrowRight';
    const shrink = side === 'right' ? 'ArrowRight' : 'ArrowLeft';
    if (event.key !== grow && event.key !== shrink) return;
    event.preventDefault();
    onLayout({ width: bounded(width + (event.key === grow ? RESIZE_STEP : -RESIZE_STEP)) });
  };

  return (
    <aside class={`fw-overlay fw-dock-${side}`} aria-label={t('panel_overlay_label')}>
      <div
        class="fw-resize"
        role="separator"
        tabIndex={0}
        aria-orientation="vertical"
        aria-label={t('panel_overlay_resize')}
        aria-valuemin={OVERLAY_WIDTH.min}
        aria-valuemax={OVERLAY_WIDTH.max}
        aria-valuenow={width}
        onPointerDown={startDrag}
        onKeyDown={onHandleKey}
      />
      <Panel
        controller={controller}
        view="overlay"
        onDiagnostics={onDiagnostics}
        frameControls={
          <>
            <button type="button" class="fw-button fw-menu-item" onClick={() => onLayout({ side: side === 'right' ? 'left' : 'right' })}>
              {side === 'right' ? t('panel_overlay_dockLeft') : t('panel_overlay_dockRight')}
            </button>
            <button type="button" class="fw-button fw-menu-item" onClick={onOpenSidePanel}>
              {t('panel_overlay_sidePanel')}
            </button>
            <button type="button" class="fw-button fw-menu-item" onClick={() => onLayout({ collapsed: true })}>
              {t('panel_overlay_collapse')}
            </button>
          </>
        }
      />
    </aside>
  );
}
