import { t } from '../../lib/i18n';
import { alertWords } from '../../lib/beyond/alert-words';
import { ALERT_KINDS, type Alert } from '../../lib/beyond/beyond-state';
import type { AlertSurface, BeyondPrefs } from '../../lib/beyond/beyond-prefs';

interface Props {
  alerts: readonly Alert[];
  prefs: BeyondPrefs;
  onPrefs(change: (prefs: BeyondPrefs) => BeyondPrefs): void;
  /** Show the conversations an alert is about. */
  onShow(conversationIds: readonly string[]): void;
}

const SURFACES: readonly AlertSurface[] = ['panel', 'badge', 'notification'];

/** The live alerts, in words, with the mutes: each kind and each place (panel, toolbar badge, notification). */
export function AlertsPanel({ alerts, prefs, onPrefs, onShow }: Props) {
  const shown = prefs.surfaces.panel ? alerts : [];
  return (
    <section class="fw-alerts" aria-labelledby="fw-alerts-title">
      <h3 id="fw-alerts-title">{t('beyond_alerts_title', shown.length)}</h3>
      {shown.length > 0 && (
        <ul class="fw-alert-list">
          {shown.map((alert) => {
            const words = alertWords(alert);
            return (
              <li key={alert.key} data-alert={alert.kind} class="fw-alert">
                <span aria-hidden="true">⚠ </span>
                <span class="fw-strong">{words.title}</span> {words.body}{' '}
                <button type="button" class="fw-button" onClick={() => onShow(alert.conversationIds)}>
                  {t('beyond_alerts_show', alert.conversationIds.length)}
                </button>
              </li>
            );
          })}
        </ul>
      )}
      <details>
        <summary>{t('beyond_alerts_settings')}</summary>
        <fieldset>
          <legend>{t('beyond_alerts_kinds')}</legend>
          {ALERT_KINDS.map((kind) => (
            <label key={kind} class="fw-inline">
              <input type="checkbox" checked={prefs.alerts[kind]} onChange={(e) => {
                const on = e.currentTarget.checked;
                onPrefs((p) => ({ ...p, alerts: { ...p.alerts, [kind]: on } }));
              }} />
              <span>{t(`beyond_alerts_kind_${kind}`)}</span>
            </label>
          ))}
        </fieldset>
        <fieldset>
          <legend>{t('beyond_alerts_surfaces')}</legend>
          {SURFACES.map((surface) => (
            <label key={surface} class="fw-inline">
              <input type="checkbox" checked={prefs.surfaces[surface]} onChange={(e) => {
                const on = e.currentTarget.checked;
                onPrefs((p) => ({ ...p, surfaces: { ...p.surfaces, [surface]: on } }));
              }} />
              <span>{t(`beyond_alerts_surface_${surface}`)}</span>
            </label>
          ))}
        </fieldset>
        <label class="fw-inline">
          <span>{t('beyond_alerts_within')}</span>
          <input type="number" min={1} max={60} value={prefs.breachWithinMinutes} onChange={(e) => {
            const minutes = Math.round(Number(e.currentTarget.value));
            if (minutes >= 1 && minutes <= 60) onPrefs((p) => ({ ...p, breachWithinMinutes: minutes }));
          }} />
        </label>
      </details>
    </section>
  );
}
