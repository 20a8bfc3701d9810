import { t } from '../../lib/i18n';
import { clampWidth, OVERLAY_WIDTH, type OverlayLayoutModel } from '../../lib/view-model/overlay-layout';
import type { PanelController } from '../../lib/view-model/panel-controller';
import { Panel } from '../Panel';

interface Props {
  controller: PanelController;
  layout: OverlayLayoutModel;
  onOpenSidePanel: () => void;
}

const RESIZE_STEP = 24;

/**
 * The panel docked to one side of the workspace, resizable, foldable into a small launcher. Props in, events out:
 * the content script does the storage and the messaging.
 */
export function OverlayFrame({ controller, layout, onOpenSidePanel }: Props) {
  const { side, width, collapsed } = layout.layout.value;
  const viewport = () => window.innerWidth;
  const setWidth = (next: number) => layout.update({ width: clampWidth(next, viewport()) });

  if (collapsed) {
    return (
      <div class={`fw-launcher fw-dock-${side}`}>
        <button type="button" class="fw-button fw-primary" onClick={() => layout.update({ collapsed: false })}>
          {t('panel_overlay_open')}
        </button>
        <button type="button" class="fw-button" onClick={onOpenSidePanel}>
          {t('panel_overlay_sidePanel')}
        </button>
      </div>
    );
  }

  const startDrag = (event: PointerEvent) => {
    const handle = event.currentTarget as HTMLElement;
    handle.setPointerCapture(event.pointerId);
    const move = (moveEvent: PointerEvent) =>
      setWidth(side === 'right' ? viewport() - moveEvent.clientX : moveEvent.clientX);
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
    setWidth(width + (event.key === grow ? RESIZE_STEP : -RESIZE_STEP));
  };

  return (
    <aside class={`fw-overlay fw-dock-${side}`} style={{ width: `${clampWidth(width, viewport())}px` }} aria-label={t('panel_overlay_label')}>
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
        frameControls={
          <>
            <button type="button" class="fw-button" onClick={() => layout.update({ side: side === 'right' ? 'left' : 'right' })}>
              {side === 'right' ? t('panel_overlay_dockLeft') : t('panel_overlay_dockRight')}
            </button>
            <button type="button" class="fw-button" onClick={onOpenSidePanel}>
              {t('panel_overlay_sidePanel')}
            </button>
            <button type="button" class="fw-button" onClick={() => layout.update({ collapsed: true })}>
              {t('panel_overlay_collapse')}
            </button>
          </>
        }
      />
    </aside>
  );
}
