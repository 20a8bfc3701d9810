import { useState } from 'preact/hooks';
import { t } from '../../../lib/i18n';
import { ALERT_KINDS, type Alert } from '../../../lib/features/alerts/alert';
import { byUrgency } from '../../../lib/features/alerts/urgency';
import type { AlertPrefs, AlertSurface } from '../../../lib/features/alerts/prefs';
import { alertWords } from '../../../lib/features/alerts/words';
import { Icon } from '../../panel/Icon';

interface Props {
  alerts: readonly Alert[];
  prefs: AlertPrefs;
  onPrefs: (change: (prefs: AlertPrefs) => AlertPrefs) => void;
  /** Show the conversations an alert is about. */
  onShow: (conversationIds: readonly string[]) => void;
}

const SURFACES: readonly AlertSurface[] = ['panel', 'badge', 'notification'];

const countWords = (count: number) =>
  count === 0 ? t('alerts_count_none') : count === 1 ? t('alerts_count_one') : t('alerts_count_many', count);

/**
 * The live alerts, folded to one line ("3 alerts ▸" and the most urgent one's title) so the list stays on the first
 * screen; unfolded, each in words with the mutes: each kind and each place (panel, toolbar badge, notification).
 */
export function AlertsPanel({ alerts, prefs, onPrefs, onShow }: Props) {
  const [open, setOpen] = useState(false);
  const shown = prefs.surfaces.panel ? byUrgency(alerts) : [];
  const top = shown[0] ? alertWords(shown[0]).title : null;
  return (
    <section class={`fw-alerts${shown.length > 0 ? ' fw-alerts-on' : ''}`} aria-labelledby="fw-alerts-title">
      <h3 id="fw-alerts-title" class="fw-alerts-head">
        <button
          type="button"
          class="fw-alerts-toggle"
          aria-expanded={open}
          aria-controls="fw-alerts-body"
          title={open ? t('alerts_collapse') : t('alerts_expand')}
          onClick={() => setOpen(!open)}
        >
          <Icon name="chevron" />
          <span class="fw-strong">{countWords(shown.length)}</span>
          {!open && top && <span class="fw-alerts-top"> · {top}</span>}
        </button>
      </h3>
      {open && (
        <div id="fw-alerts-body" class="fw-alerts-body">
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
              <input
                type="number"
                min={1}
                max={60}
                value={prefs.breachWithinMinutes}
                onChange={(e) => {
                  const minutes = Math.round(Number(e.currentTarget.value));
                  if (minutes >= 1 && minutes <= 60) onPrefs((p) => ({ ...p, breachWithinMinutes: minutes }));
                }}
              />
            </label>
          </details>
        </div>
      )}
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
