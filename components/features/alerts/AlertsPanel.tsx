import { t } from '../../../lib/i18n';
import { ALERT_KINDS, type Alert } from '../../../lib/features/alerts/alert';
import type { AlertPrefs, AlertSurface } from '../../../lib/features/alerts/prefs';
import { alertWords } from '../../../lib/features/alerts/words';

interface Props {
  alerts: readonly Alert[];
  prefs: AlertPrefs;
  onPrefs: (change: (prefs: AlertPrefs) => AlertPrefs) => void;
  /** Show the conversations an alert is about. */
  onShow: (conversationIds: readonly string[]) => void;
}

const SURFACES: readonly AlertSurface[] = ['panel', 'badge', 'notification'];

/** The live alerts, in words, with the mutes: each kind and each place (panel, toolbar badge, notification). */
export function AlertsPanel({ alerts, prefs, onPrefs, onShow }: Props) {
  const shown = prefs.surfaces.panel ? alerts : [];
  return (
    <section class="fw-alerts" aria-labelledby="fw-alerts-title">
      <h3 id="fw-alerts-title">{t('alerts_title', shown.length)}</h3>
      {shown.length > 0 && (
        <ul class="fw-alert-list">
          {shown.map((alert) => {
            const words = alertWords(alert);
            return (
              <li key={alert.key} data-alert={alert.kind} class="fw-alert">
                <span aria-hidden="true">⚠ </span>
                <span class="fw-strong">{words.title}</span> {words.body}{' '}
                <button type="button" class="fw-button" onClick={() => onShow(alert.conversationIds)}>
                  {t('alerts_show', alert.conversationIds.length)}
                </button>
              </li>
            );
          })}
        </ul>
      )}
      <details>
        <summary>{t('alerts_settings')}</summary>
        <Checks
          legend={t('alerts_kinds')}
          keys={ALERT_KINDS}
          value={prefs.alerts}
          label={(kind) => t(`alerts_kind_${kind}`)}
          onChange={(kind, on) => onPrefs((p) => ({ ...p, alerts: { ...p.alerts, [kind]: on } }))}
        />
        <Checks
          legend={t('alerts_surfaces')}
          keys={SURFACES}
          value={prefs.surfaces}
          label={(surface) => t(`alerts_surface_${surface}`)}
          onChange={(surface, on) => onPrefs((p) => ({ ...p, surfaces: { ...p.surfaces, [surface]: on } }))}
        />
        <label class="fw-inline">
          <span>{t('alerts_within')}</span>
          <input type="number" min={1} max={60} value={prefs.breachWithinMinutes} onChange={(e) => {
            const minutes = Math.round(Number(e.currentTarget.value));
            if (minutes >= 1 && minutes <= 60) onPrefs((p) => ({ ...p, breachWithinMinutes: minutes }));
          }} />
        </label>
      </details>
    </section>
  );
}

interface ChecksProps<K extends string> {
  legend: string;
  keys: readonly K[];
  value: Record<K, boolean>;
  label: (key: K) => string;
  onChange: (key: K, on: boolean) => void;
}

function Checks<K extends string>({ legend, keys, value, label, onChange }: ChecksProps<K>) {
  return (
    <fieldset>
      <legend>{legend}</legend>
      {keys.map((key) => (
        <label key={key} class="fw-inline">
          <input type="checkbox" checked={value[key]} onChange={(e) => onChange(key, e.currentTarget.checked)} />
          <span>{label(key)}</span>
        </label>
      ))}
    </fieldset>
  );
}
