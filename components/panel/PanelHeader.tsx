import type { ComponentChildren } from 'preact';
import { useRef } from 'preact/hooks';
import { locale, t } from '../../lib/i18n';
import { describeFreshness } from '../../lib/view-model/freshness-text';
import type { PanelController } from '../../lib/view-model/panel-controller';
import { Icon, IconButton } from './Icon';

interface Props {
  controller: PanelController;
  onPalette: () => void;
  onHelp: () => void;
  /** Opens the extension's diagnostics (a browser page, so the entry point does it); absent, no menu item. */
  onDiagnostics?: () => void;
  /** Controls only the overlay has (dock side, collapse, open in side panel): they go in the ⋯ menu. */
  frameControls?: ComponentChildren;
}

/**
 * One line: title, freshness ("Live · 2 sec"), then icon buttons for pause/resume, refresh and the palette, and a
 * ⋯ menu for what is used rarely (the overlay's dock/collapse/side panel, shortcuts, diagnostics).
 */
export function PanelHeader({ controller, onPalette, onHelp, onDiagnostics, frameControls }: Props) {
  const { picture } = controller;
  const paused = picture.paused.value;
  const refreshing = controller.refreshing.value;
  const menu = useRef<HTMLDetailsElement>(null);
  // A choice in the menu closes it, as menus do.
  const closeMenu = () => menu.current?.removeAttribute('open');
  return (
    <div class="fw-header">
      <h1 class="fw-title">{t('panel_title')}</h1>
      <Freshness controller={controller} />
      <div class="fw-header-actions">
        <IconButton
          icon={paused ? 'play' : 'pause'}
          label={paused ? t('panel_resume') : t('panel_pause')}
          aria-pressed={paused}
          onClick={() => controller.setPaused(!paused)}
        />
        <IconButton
          icon="refresh"
          label={refreshing ? t('panel_refreshing') : t('panel_refresh')}
          class={`fw-button fw-icon-button${refreshing ? ' fw-spinning' : ''}`}
          disabled={refreshing}
          onClick={() => controller.refresh()}
        />
        <IconButton icon="command" label={t('panel_palette_open')} aria-keyshortcuts="Control+K" onClick={onPalette} />
        <details class="fw-menu fw-menu-end" ref={menu}>
          <summary class="fw-button fw-icon-button" title={t('panel_more')}>
            <Icon name="more" />
            <span class="fw-visually-hidden">{t('panel_more')}</span>
          </summary>
          <div class="fw-menu-body fw-menu-list" onClick={(event) => (event.target as HTMLElement).closest('button') && closeMenu()}>
            {frameControls}
            <button type="button" class="fw-button fw-menu-item" onClick={onHelp} aria-keyshortcuts="?">
              {t('panel_shortcuts_title')}
            </button>
            {onDiagnostics && (
              <button type="button" class="fw-button fw-menu-item" onClick={onDiagnostics}>
                {t('panel_diagnostics_open')}
              </button>
            )}
          </div>
        </details>
      </div>
    </div>
  );
}

/** Its own component: it ticks every second, and only this line needs to. The short form shows; the full one is read. */
function Freshness({ controller }: { controller: PanelController }) {
  const { picture, now } = controller;
  const { tone, text, short } = describeFreshness(picture.freshness.value, picture.connected.value, now.value, locale.value);
  const icon = tone === 'live' ? '●' : tone === 'stale' ? '◐' : '⚠';
  return (
    <p class={`fw-freshness fw-freshness-${tone}`} title={text}>
      <span aria-hidden="true">
        <span class="fw-freshness-icon">{icon} </span>
        {short}
      </span>
      <span class="fw-visually-hidden">{text}</span>
    </p>
  );
}
