import { t } from '../../lib/i18n';
import type { ReasonSetting } from '../../lib/actions/definition';
import type { EffectiveSettings } from '../../lib/model/settings';

interface Props {
  id: string;
  /** The setting that can make the reason required (the action's `reason.requiredBy`). */
  action: ReasonSetting;
  settings: EffectiveSettings | null;
  value: string;
  onChange: (value: string) => void;
}

const required = (settings: EffectiveSettings | null, action: ReasonSetting) => settings?.values.requireReason[action] ?? false;

/** True while the organisation requires a reason and none is given yet. */
export const reasonMissing = (settings: EffectiveSettings | null, action: ReasonSetting, value: string): boolean =>
  required(settings, action) && !value.trim();

/**
 * The reason for an action that carries one: a choice of the organisation's codes, else free text. Shown when the
 * organisation requires a reason or offers codes.
 */
export function ReasonField({ id, action, settings, value, onChange }: Props) {
  const codes = settings?.values.reasonCodes ?? [];
  const isRequired = required(settings, action);
  if (!isRequired && codes.length === 0) return null;
  return (
    <div class="fw-field">
      <label for={id}>{t('actions_reason_label')}</label>
      {codes.length > 0 ? (
        <select id={id} value={value} required={isRequired} onChange={(e) => onChange(e.currentTarget.value)}>
          <option value="">{t('actions_reason_choose')}</option>
          {codes.map((code) => (
            <option key={code} value={code}>
              {code}
            </option>
          ))}
        </select>
      ) : (
        <textarea id={id} value={value} required={isRequired} maxLength={500} rows={2} onInput={(e) => onChange(e.currentTarget.value)} />
      )}
    </div>
  );
}
