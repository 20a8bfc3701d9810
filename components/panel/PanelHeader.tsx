import type { ComponentChildren } from 'preact';
import { locale, t } from '../../lib/i18n';
import { describeFreshness } from '../../lib/view-model/freshness-text';
import type { PanelController } from '../../lib/view-model/panel-controller';

interface Props {
  controller: PanelController;
  onPalette: () => void;
  onHelp: () => void;
  /** Controls only the overlay has (dock side, collapse, open in side panel). */
  frameControls?: ComponentChildren;
}

/** Title, freshness ("Live · updated 2 sec ago"), pause/resume, refresh, the palette and the shortcut sheet. */
export function PanelHeader({ controller, onPalette, onHelp, frameControls }: Props) {
  const { picture } = controller;
  const paused = picture.paused.value;
  return (
    <div class="fw-header">
      <div class="fw-header-title">
        <h1 class="fw-title">{t('panel_title')}</h1>
        <Freshness controller={controller} />
      </div>
      <div class="fw-header-actions">
        <button type="button" class="fw-button" aria-pressed={paused} onClick={() => controller.setPaused(!paused)}>
          {paused ? t('panel_resume') : t('panel_pause')}
        </button>
        <button type="button" class="fw-button" onClick={() => controller.refresh()} disabled={controller.refreshing.value}>
          {controller.refreshing.value ? t('panel_refreshing') : t('panel_refresh')}
        </button>
        <button type="button" class="fw-button" onClick={onPalette} aria-keyshortcuts="Control+K">
          {t('panel_palette_open')}
        </button>
        <button type="button" class="fw-button fw-icon-button" onClick={onHelp} aria-label={t('panel_shortcuts_title')} aria-keyshortcuts="?">
          <span aria-hidden="true">?</span>
        </button>
        {frameControls}
      </div>
    </div>
  );
}

/** Its own component: it ticks every second, and only this line needs to. */
function Freshness({ controller }: { controller: PanelController }) {
  const { picture, now } = controller;
  const { tone, text } = describeFreshness(picture.freshness.value, picture.connected.value, now.value, locale.value);
  const icon = tone === 'live' ? '●' : tone === 'stale' ? '◐' : '⚠';
  return (
    <p class={`fw-freshness fw-freshness-${tone}`}>
      <span aria-hidden="true">{icon} </span>
      {text}
    </p>
  );
}
