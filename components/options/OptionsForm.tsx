import { useEffect, useRef, useState } from 'preact/hooks';
import { t, type MessageKey } from '../../lib/i18n';
import { SUPERVISOR_FEATURES } from '../../lib/model/supervisor-switches';
import { POLL_INTERVAL_BOUNDS, type EffectiveSettings, type SettingKey } from '../../lib/model/settings';
import type { UserSettings } from '../../lib/policy/merge';
import { isManaged } from '../../lib/policy/locks';
import { checkDraft, rebaseDraft, toDraft, type SettingsDraft } from '../../lib/settings/draft';
import { CheckboxField, SelectField, TextField } from './fields';
import { ThresholdsEditor } from './ThresholdsEditor';

export interface OptionsFormProps {
  settings: EffectiveSettings;
  /** Store the user's changes; rejects with a reason to show. */
  onSave: (changes: UserSettings) => Promise<void>;
}

type Status = { kind: 'saved' | 'failed' | 'invalid'; text: string } | null;

/** Settings edited as text, which can be invalid; the others are choices. */
const ERROR_WORDS: Partial<Record<SettingKey, MessageKey>> = {
  orgUrls: 'options_error_orgUrls',
  reasonCodes: 'options_error_reasonCodes',
  thresholds: 'options_error_thresholds',
  monitoringNotice: 'options_error_monitoringNotice',
};

function errorText(key: SettingKey): string {
  return key === 'pollIntervalSeconds'
    ? t('options_error_pollIntervalSeconds', POLL_INTERVAL_BOUNDS.min, POLL_INTERVAL_BOUNDS.max)
    : t(ERROR_WORDS[key] ?? 'options_fix_errors');
}

/** Every setting; what the organisation manages is shown, locked and labelled, never hidden. */
export function OptionsForm({ settings, onSave }: OptionsFormProps) {
  const [draft, setDraft] = useState<SettingsDraft>(() => toDraft(settings.values));
  const [invalid, setInvalid] = useState<SettingKey[]>([]);
  const [status, setStatus] = useState<Status>(null);
  const shown = useRef(settings);
  const summary = useRef<HTMLParagraphElement>(null);

  // Policy pushed or another device saved while the page is open: follow it without losing unsaved edits.
  useEffect(() => {
    if (shown.current === settings) return;
    setDraft((current) => rebaseDraft(current, shown.current.values, settings));
    shown.current = settings;
  }, [settings]);

  const set = <K extends keyof SettingsDraft>(key: K, value: SettingsDraft[K]) => setDraft((d) => ({ ...d, [key]: value }));
  const managed = (path: string) => isManaged(settings, path);
  const error = (key: SettingKey) => (invalid.includes(key) ? errorText(key) : null);
  const text = (
    key: 'orgUrls' | 'pollIntervalSeconds' | 'reasonCodes' | 'monitoringNotice' | 'supervisorRoles',
    label: string,
    extra: object = {},
  ) => (
    <TextField
      id={key}
      label={label}
      value={draft[key]}
      managed={managed(key)}
      error={error(key)}
      onChange={(v) => set(key, v)}
      {...extra}
    />
  );
  /** One checkbox per flag of a group; the organisation may lock each flag on its own. */
  const flags = <K extends 'actions' | 'requireReason'>(
    key: K,
    names: ReadonlyArray<keyof SettingsDraft[K] & string>,
    idPrefix: string,
    label: (name: keyof SettingsDraft[K] & string) => string,
  ) =>
    names.map((name) => (
      <CheckboxField
        key={name}
        id={`${idPrefix}-${name}`}
        label={label(name)}
        value={Boolean(draft[key][name])}
        managed={managed(`${key}.${name}`)}
        onChange={(v) => set(key, { ...draft[key], [name]: v })}
      />
    ));
  const check = (key: 'overlay' | 'sidePanel' | 'diagnostics', label: string) => (
    <CheckboxField id={key} label={label} value={draft[key]} managed={managed(key)} onChange={(v) => set(key, v)} />
  );

  const submit = async (event: Event) => {
    event.preventDefault();
    const result = checkDraft(draft, settings);
    setInvalid(result.invalid);
    if (result.invalid.length) {
      setStatus({ kind: 'invalid', text: t('options_fix_errors') });
      summary.current?.focus();
      return;
    }
    try {
      await onSave(result.changes);
      setStatus({ kind: 'saved', text: t('options_saved') });
    } catch (failure) {
      setStatus({ kind: 'failed', text: t('options_save_failed', failure instanceof Error ? failure.message : String(failure)) });
    }
  };

  return (
    <form onSubmit={(event) => void submit(event)} noValidate>
      <section aria-labelledby="orgs-heading">
        <h2 id="orgs-heading">{t('options_section_orgs')}</h2>
        {text('orgUrls', t('options_org_urls'), { multiline: true, hint: t('options_org_urls_hint') })}
        {text('supervisorRoles', t('options_supervisor_roles'), { multiline: true, hint: t('options_supervisor_roles_hint') })}
      </section>

      <section aria-labelledby="updates-heading">
        <h2 id="updates-heading">{t('options_section_updates')}</h2>
        {text('pollIntervalSeconds', t('options_poll_interval'), { inputMode: 'numeric' })}
      </section>

      <section aria-labelledby="actions-heading">
        <h2 id="actions-heading">{t('options_section_actions')}</h2>
        <p class="hint">{t('options_actions_hint')}</p>
        {flags('actions', SUPERVISOR_FEATURES, 'action', (feature) => t(`options_action_${feature}`))}
      </section>

      <section aria-labelledby="reasons-heading">
        <h2 id="reasons-heading">{t('options_section_reasons')}</h2>
        {flags('requireReason', ['transfer', 'forceClose'], 'reason', (action) => t(`options_require_reason_${action}`))}
        {text('reasonCodes', t('options_reason_codes'), { multiline: true, hint: t('options_reason_codes_hint') })}
      </section>

      <section aria-labelledby="display-heading">
        <h2 id="display-heading">{t('options_section_display')}</h2>
        {check('overlay', t('options_overlay'))}
        {check('sidePanel', t('options_side_panel'))}
        <SelectField
          id="language"
          label={t('options_language')}
          value={draft.language}
          managed={managed('language')}
          options={(['auto', 'en', 'sv'] as const).map((value) => ({ value, label: t(`options_language_${value}`) }))}
          onChange={(v) => set('language', v)}
        />
      </section>

      <section aria-labelledby="thresholds-heading">
        <h2 id="thresholds-heading">{t('options_section_thresholds')}</h2>
        <ThresholdsEditor
          rows={draft.thresholds}
          isManaged={(queue) => managed(`thresholds.${queue}`)}
          error={error('thresholds')}
          onChange={(rows) => set('thresholds', rows)}
        />
      </section>

      <section aria-labelledby="notice-heading">
        <h2 id="notice-heading">{t('options_section_notice')}</h2>
        {text('monitoringNotice', t('options_notice'), { multiline: true, maxLength: 2000, hint: t('options_notice_hint') })}
      </section>

      <section aria-labelledby="diagnostics-heading">
        <h2 id="diagnostics-heading">{t('options_section_diagnostics')}</h2>
        {check('diagnostics', t('options_diagnostics'))}
      </section>

      <div class="save">
        <button type="submit">{t('options_save')}</button>
        <p ref={summary} tabIndex={-1} role="status" class={status?.kind}>
          {status?.text}
        </p>
      </div>
    </form>
  );
}
