import { t } from '../../lib/i18n';
import type { ThresholdRow } from '../../lib/settings/draft';
import { FieldNotes } from './FieldNotes';
import { TextField } from './fields';

interface ThresholdsEditorProps {
  rows: ThresholdRow[];
  /** Queues whose thresholds the organisation sets. */
  isManaged: (queue: string) => boolean;
  error: string | null;
  onChange: (rows: ThresholdRow[]) => void;
}

const DEFAULT_QUEUE = '*';
const NUMBER_FIELDS = [
  ['waitWarnSeconds', 'options_threshold_warn'],
  ['waitAlertSeconds', 'options_threshold_alert'],
  ['sentimentAlertAtOrBelow', 'options_threshold_sentiment'],
] as const;

/** One group of fields per queue; "*" is the default for every queue and cannot be removed or renamed. */
export function ThresholdsEditor({ rows, isManaged, error, onChange }: ThresholdsEditorProps) {
  const update = (index: number, change: Partial<ThresholdRow>) =>
    onChange(rows.map((row, i) => (i === index ? { ...row, ...change } : row)));
  return (
    <div class="thresholds">
      <FieldNotes id="thresholds" hint={t('options_thresholds_hint')} error={error} />
      {rows.map((row, index) => {
        const id = `threshold-${index}`;
        const managed = isManaged(row.queue);
        const name = row.queue === DEFAULT_QUEUE ? t('options_threshold_all_queues') : row.queue;
        return (
          <fieldset key={index} class="threshold">
            <legend>{name || t('options_threshold_new_queue')}</legend>
            <FieldNotes id={id} managed={managed} />
            {row.queue !== DEFAULT_QUEUE && !managed && (
              <TextField
                id={`${id}-queue`}
                label={t('options_threshold_new_queue')}
                value={row.queue}
                maxLength={200}
                onChange={(queue) => update(index, { queue })}
              />
            )}
            {NUMBER_FIELDS.map(([field, label]) => (
              <TextField
                key={field}
                id={`${id}-${field}`}
                label={t(label)}
                value={row[field]}
                inputMode="numeric"
                managedNoteId={managed ? `${id}-managed` : undefined}
                onChange={(value) => update(index, { [field]: value })}
              />
            ))}
            {row.queue !== DEFAULT_QUEUE && !managed && (
              <button type="button" onClick={() => onChange(rows.filter((_, i) => i !== index))}>
                {t('options_threshold_remove', name || t('options_threshold_new_queue'))}
              </button>
            )}
          </fieldset>
        );
      })}
      <button
        type="button"
        onClick={() => onChange([...rows, { queue: '', waitWarnSeconds: '', waitAlertSeconds: '', sentimentAlertAtOrBelow: '' }])}
      >
        {t('options_threshold_add')}
      </button>
    </div>
  );
}
